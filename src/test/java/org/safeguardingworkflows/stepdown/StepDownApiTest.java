package org.safeguardingworkflows.stepdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** The step-down API over real HTTP: every status, and nothing stored or started on any refusal. */
@ApplicationTest
class StepDownApiTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired PlanHistory planHistory;

  @Test
  void aCaseManagementSystemStartsAJourneyAndReadsWhereItStands() {
    String childRef = newChild();
    Reply started = worker().post("/api/step-downs", planEnded(childRef));
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.headers().getLocation()).hasToString("/api/step-downs/" + childRef);
    assertThat(started.json().path("childRef").asText()).isEqualTo(childRef);
    assertThat(started.json().path("processInstanceId").asText()).isNotBlank();

    Reply journey = manager().get("/api/step-downs/" + childRef);
    assertThat(journey.status()).isEqualTo(200);
    assertThat(journey.json().path("stage").toString()).contains("Hold step-down meeting");
    assertThat(journey.json().path("openTasks").get(0).path("name").asText()).isEqualTo("Hold step-down meeting - " + childRef);
    assertThat(journey.json().path("openTasks").get(0).path("due").asText()).isNotBlank();
    assertThat(planHistory.plansOf(childRef)).hasSize(1);
  }

  @Test
  void everyInvalidFieldIsNamedWithItsRule_andNothingIsStarted() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("childRef", "Jane Smith");
    bad.put("planStartDate", "2025-02-30");
    bad.put("planEndDate", LocalDate.now().plusDays(5).toString());
    bad.put("categoryOfAbuse", "NEGLECT");
    bad.put("destination", "HOME");
    bad.put("allocatedWorker", "nobody.here");
    bad.put("teamManager", TestStaff.WORKER);
    bad.put("iro", "");
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    Reply refused = worker().post("/api/step-downs", bad);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.json().path("errors").toString())
        .contains("\"field\":\"childRef\",\"rule\":\"pattern\"")
        .contains("\"field\":\"planStartDate\",\"rule\":\"date\"")
        .contains("\"field\":\"planEndDate\",\"rule\":\"not-in-future\"")
        .contains("\"field\":\"categoryOfAbuse\",\"rule\":\"code-list\"")
        .contains("\"field\":\"destination\",\"rule\":\"code-list\"")
        .contains("\"field\":\"allocatedWorker\",\"rule\":\"staff-in-role\"")
        .contains("\"field\":\"teamManager\",\"rule\":\"staff-in-role\"")
        .contains("\"field\":\"iro\",\"rule\":\"required\"");
    assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(planHistory.plansOf("Jane Smith")).isEmpty();
  }

  @Test
  void anEndBeforeTheStartIsRefused() {
    String childRef = newChild();
    Map<String, Object> plan = planEnded(childRef);
    plan.put("planStartDate", "2025-06-01");
    plan.put("planEndDate", "2025-05-01");
    Reply refused = worker().post("/api/step-downs", plan);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").toString()).contains("not-before-start");
    assertThat(planHistory.plansOf(childRef)).isEmpty();
  }

  @Test
  void malformedJsonIsAProblemNotAStackTrace() {
    Reply refused = worker().post("/api/step-downs", MediaType.APPLICATION_JSON, "{\"childRef\": ");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
    assertThat(refused.body()).doesNotContain("Exception");
  }

  @Test
  void aSecondJourneyForTheSameChildIsAConflict() {
    String childRef = newChild();
    assertThat(worker().post("/api/step-downs", planEnded(childRef)).status()).isEqualTo(201);
    Map<String, Object> later = planEnded(childRef);
    later.put("planStartDate", LocalDate.now().minusDays(20).toString());
    Reply conflict = worker().post("/api/step-downs", later);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isEqualTo(1);
    assertThat(planHistory.plansOf(childRef)).hasSize(1);
  }

  @Test
  void aPlanOverlappingARecordedPlanBreaksTheCinCensusRule() {
    String childRef = newChild();
    planHistory.insert(new CpPlan(null, childRef, LocalDate.now().minusMonths(6), null, "PHY", "PHY", TestStaff.IRO,
        null, null, null, CpPlan.Source.IMPORT));
    Reply refused = worker().post("/api/step-downs", planEnded(childRef));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("errors").get(0).path("rule").asText()).isEqualTo("plans-do-not-overlap");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isZero();
    assertThat(planHistory.plansOf(childRef)).hasSize(1);
  }

  @Test
  void anUnknownChildHasNoJourney() {
    assertThat(manager().get("/api/step-downs/C-NOBODY").status()).isEqualTo(404);
    assertThat(manager().post("/api/step-downs/C-NOBODY/concerns", Map.of("kind", "RECURRENCE", "summary", "x")).status()).isEqualTo(404);
    assertThat(manager().post("/api/step-downs/C-NOBODY/worker-changes", Map.of("newWorker", TestStaff.SECOND_WORKER)).status())
        .isEqualTo(404);
  }

  @Test
  void aReportedConcernOpensAContingencyReview() {
    String childRef = started();
    Reply accepted = worker().post("/api/step-downs/" + childRef + "/concerns", Map.of("kind", "DISENGAGEMENT",
        "summary", "Missed three appointments with the family support service"));
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(childRef).taskDefinitionKey("Task_HoldContingencyReview").count())
        .isEqualTo(1);

    Reply refused = worker().post("/api/step-downs/" + childRef + "/concerns", Map.of("kind", "GOSSIP", "summary", ""));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").toString()).contains("\"field\":\"kind\"").contains("\"field\":\"summary\"");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(childRef).taskDefinitionKey("Task_HoldContingencyReview").count())
        .isEqualTo(1);
  }

  @Test
  void aWorkerChangeRaisesTheHandover() {
    String childRef = started();
    Reply byTheWorker = worker().post("/api/step-downs/" + childRef + "/worker-changes", Map.of("newWorker", TestStaff.WORKER));
    assertThat(byTheWorker.status()).as("allocation is a manager's decision").isEqualTo(403);
    assertThat(manager().get("/api/step-downs/" + childRef).json().path("allocatedWorker").asText()).isEqualTo(TestStaff.WORKER);
    Reply unknown = manager().post("/api/step-downs/" + childRef + "/worker-changes", Map.of("newWorker", "nobody.here"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors").get(0).path("rule").asText()).isEqualTo("staff-in-role");

    Reply accepted = manager().post("/api/step-downs/" + childRef + "/worker-changes", Map.of("newWorker", TestStaff.SECOND_WORKER));
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(childRef).taskAssignee(TestStaff.SECOND_WORKER)
        .taskDefinitionKey("Task_ReviewCaseHandover").count()).isEqualTo(1);
    // The new worker is in the other team: the child moved there with its journey.
    assertThat(Api.as(port, TestStaff.SECOND_TEAM_MANAGER).get("/api/step-downs/" + childRef).json().path("allocatedWorker").asText())
        .isEqualTo(TestStaff.SECOND_WORKER);
    assertThat(manager().get("/api/step-downs/" + childRef).status()).as("the old team's manager").isEqualTo(404);
  }

  @Test
  void withoutCredentialsNothingIsAnswered_andARoleWithoutTheRightIsForbidden() {
    assertThat(Api.anonymous(port).post("/api/step-downs", planEnded(newChild())).status()).isEqualTo(401);
    String childRef = newChild();
    Reply forbidden = Api.as(port, TestStaff.LEGAL).post("/api/step-downs", planEnded(childRef));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(planHistory.plansOf(childRef)).isEmpty();
  }

  private String started() {
    String childRef = newChild();
    assertThat(worker().post("/api/step-downs", planEnded(childRef)).status()).isEqualTo(201);
    return childRef;
  }

  private Api worker() {
    return Api.as(port, TestStaff.WORKER);
  }

  private Api manager() {
    return Api.as(port, TestStaff.TEAM_MANAGER);
  }

  private static String newChild() {
    return "C-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aNewPlanRecordedForTheChildEndsItsStepDownJourneyAsReEmerged() {
    String childRef = newChild();
    assertThat(worker().post("/api/step-downs", planEnded(childRef)).status()).isEqualTo(201);
    String journey = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).singleResult().getId();

    Reply made = worker().post("/api/children/" + childRef + "/plans",
        Map.of("planStartDate", LocalDate.now().toString(), "categoryOfAbuse", "NEG", "iro", TestStaff.IRO));

    assertThat(made.status()).isEqualTo(201);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(journey).count()).isZero();
    assertThat(planHistory.plansOf(childRef)).anySatisfy(plan ->
        assertThat(plan.stepDownOutcome()).isEqualTo("re-emerged: new plan after 0 months"));
    assertThat(manager().get("/api/step-downs/" + childRef).status()).isEqualTo(404);
  }

  private static Map<String, Object> planEnded(String childRef) {
    return StepDownDriver.startVariables(childRef, "CHILD_IN_NEED");
  }

}
