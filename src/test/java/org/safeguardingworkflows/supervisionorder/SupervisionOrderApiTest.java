package org.safeguardingworkflows.supervisionorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.platform.RunningInstances;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** The supervision order API over real HTTP: every status, and nothing started on any refusal. */
@ApplicationTest
class SupervisionOrderApiTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired FieldRules fieldRules;
  @Autowired Teams teams;
  @Autowired RunningInstances runningInstances;
  @Autowired WorkingDays workingDays;
  @Autowired SupervisionOrderSettings settings;
  @Autowired ProcessEngine engine;

  @Test
  void aWorkerOfAnotherTeamRecordsNoOrderForThisTeamsChild() {
    String childRef = newChild();
    Reply refused = Api.as(port, TestStaff.SECOND_WORKER).post("/api/supervision-orders", order(childRef));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isZero();
    assertThat(Api.as(port, TestStaff.TEAM_MANAGER).post("/api/supervision-orders", order(childRef)).status()).isEqualTo(201);
  }

  @Test
  void theSupervisingWorkerRecordsAnOrder_andLearnsTheDatesItRunsTo() {
    String childRef = newChild();
    Map<String, Object> order = order(childRef);
    order.put("lengthMonths", 6);
    LocalDate today = LocalDate.now();
    Reply created = worker().post("/api/supervision-orders", order);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("processInstanceId").asText()).isNotBlank();
    assertThat(created.json().path("orderEndDate").asText()).isEqualTo(today.plusMonths(6).toString());
    assertThat(created.json().path("latestPermittedEndDate").asText()).isEqualTo(today.plusYears(3).toString());
    assertThat(created.json().path("extensionDecisionDueDate").asText()).as("three months before it ends")
        .isEqualTo(today.plusMonths(6).minusMonths(3).toString());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isEqualTo(1);
  }

  @Test
  void anOrderWithoutALengthLastsAYear() {
    String childRef = newChild();
    Map<String, Object> order = order(childRef);
    order.remove("lengthMonths");
    Reply created = Api.as(port, TestStaff.TEAM_MANAGER).post("/api/supervision-orders", order);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("orderEndDate").asText()).isEqualTo(LocalDate.now().plusMonths(12).toString());
  }

  @Test
  void aLengthOutsideOneToTwelveMonths_orADateInTheFuture_isRefused_andNothingIsStarted() {
    for (int months : new int[] {0, 13, -1}) {
      String childRef = newChild();
      Map<String, Object> order = order(childRef);
      order.put("lengthMonths", months);
      Reply refused = worker().post("/api/supervision-orders", order);
      assertThat(refused.status()).as(months + " months").isEqualTo(400);
      assertThat(refused.json().path("errors").toString()).contains("\"field\":\"lengthMonths\",\"rule\":\"range\"");
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isZero();
    }
    String childRef = newChild();
    Map<String, Object> future = order(childRef);
    future.put("orderDate", LocalDate.now().plusDays(1).toString());
    Reply refused = worker().post("/api/supervision-orders", future);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.json().path("errors").toString()).contains("\"field\":\"orderDate\",\"rule\":\"not-in-future\"");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isZero();
  }

  @Test
  void everyOtherInvalidFieldIsNamedWithItsRule() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("childRef", "Jane Smith");
    bad.put("orderDate", "2026-02-30");
    bad.put("lengthMonths", 12);
    bad.put("allocatedWorker", TestStaff.IRO);
    Reply refused = worker().post("/api/supervision-orders", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").toString())
        .contains("\"field\":\"childRef\",\"rule\":\"pattern\"")
        .contains("\"field\":\"orderDate\",\"rule\":\"date\"")
        .contains("\"field\":\"allocatedWorker\",\"rule\":\"staff-in-role\"");

    String childRef = newChild();
    Map<String, Object> ended = order(childRef);
    ended.put("orderDate", LocalDate.now().minusMonths(7).toString());
    ended.put("lengthMonths", 6);
    Reply over = worker().post("/api/supervision-orders", ended);
    assertThat(over.status()).isEqualTo(400);
    assertThat(over.json().path("errors").toString()).contains("\"field\":\"orderDate\",\"rule\":\"order-ended\"");

    Reply words = worker().post("/api/supervision-orders", MediaType.APPLICATION_JSON,
        "{\"childRef\":\"" + childRef + "\",\"orderDate\":\"" + LocalDate.now() + "\",\"lengthMonths\":\"twelve\",\"allocatedWorker\":\"sw.one\"}");
    assertThat(words.status()).isEqualTo(400);
    assertThat(words.json().path("errors").get(0).path("field").asText()).isEqualTo("lengthMonths");
    assertThat(words.body()).doesNotContain("Exception");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isZero();
  }

  @Test
  void aSecondOrderForAChildAlreadySupervisedIsAConflict() {
    String childRef = newChild();
    assertThat(worker().post("/api/supervision-orders", order(childRef)).status()).isEqualTo(201);
    Reply conflict = worker().post("/api/supervision-orders", order(childRef));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isEqualTo(1);
  }

  @Test
  void withoutCredentialsNothingIsAnswered_andARoleWithoutTheRightIsForbidden() {
    String childRef = newChild();
    assertThat(Api.anonymous(port).post("/api/supervision-orders", order(childRef)).status()).isEqualTo(401);
    Reply forbidden = Api.as(port, TestStaff.IRO).post("/api/supervision-orders", order(childRef));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isZero();
  }

  @Test
  void noLengthCanTakeAnOrderBeyondThreeYears_evenIfLongerOrdersWereConfigured() {
    SupervisionOrderSettings longer = new SupervisionOrderSettings();
    longer.setDefaultLengthMonths(12);
    longer.setMaxLengthMonths(48);
    longer.setAbsoluteLimit(settings.getAbsoluteLimit());
    SupervisionOrderRules rules = new SupervisionOrderRules(fieldRules, runningInstances, workingDays, longer, teams);
    var problems = rules.fieldProblems(new SupervisionOrderMade(newChild(), LocalDate.now().toString(), 40, TestStaff.WORKER));
    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.rule()).isEqualTo("three-year-limit");
      assertThat(problem.message()).contains("never run beyond 3 years");
    });
  }

  @Test
  void overEngineRest_onlyATeamManagerScrutinisesAnOutcomeReview_andOneFindingNoProgressMustBeEscalated() {
    String childRef = newChild();
    Reply created = worker().post("/api/supervision-orders", order(childRef));
    assertThat(created.status()).isEqualTo(201);
    String orderId = created.json().path("processInstanceId").asText();
    SupervisionOrderDriver order = new SupervisionOrderDriver(engine);
    order.order = runtimeService.createProcessInstanceQuery().processInstanceId(orderId).singleResult();
    order.writeSupportPlan();
    engine.getManagementService().executeJob(order.timer("Event_OutcomeReviewDue").getId());
    order.reviewOutcomes("NO_PROGRESS");
    String scrutiny = order.task("Task_ScrutiniseOutcomeReview").getId();

    Map<String, Object> agreeWithoutEscalation = Map.of("scrutinyDecision", "AGREE",
        "scrutinyReasons", "Attendance is no better than when the order was made", "reviewEscalation", "NONE");
    Reply byTheWorker = worker().post("/engine-rest/task/" + scrutiny + "/complete", variables(agreeWithoutEscalation));
    assertThat(byTheWorker.status()).as("the worker cannot scrutinise their own review: " + byTheWorker.body()).isIn(403, 404);
    Api manager = Api.as(port, TestStaff.TEAM_MANAGER);
    assertThat(manager.post("/engine-rest/task/" + scrutiny + "/claim", Map.of("userId", TestStaff.TEAM_MANAGER)).status()).isEqualTo(204);
    Reply notEscalated = manager.post("/engine-rest/task/" + scrutiny + "/complete", variables(agreeWithoutEscalation));
    assertThat(notEscalated.status()).isEqualTo(400);
    assertThat(notEscalated.body()).contains("escalate it to a strategy discussion or to legal planning");

    Map<String, Object> escalated = new HashMap<>(agreeWithoutEscalation);
    escalated.put("reviewEscalation", "STRATEGY_DISCUSSION");
    Reply agreed = manager.post("/engine-rest/task/" + scrutiny + "/complete", variables(escalated));
    assertThat(agreed.status()).as(agreed.body()).isEqualTo(204);
    assertThat(order.task("Task_RecordStrategyDiscussion")).isNotNull();
    assertThat(order.variable(SupervisionOrderVariables.SCRUTINISED_BY.name())).isEqualTo(TestStaff.TEAM_MANAGER);
  }

  /** Camunda REST's variable format: {"name": {"value": ...}}. */
  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  private Api worker() {
    return Api.as(port, TestStaff.WORKER);
  }

  private static String newChild() {
    return "C-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, Object> order(String childRef) {
    Map<String, Object> order = new HashMap<>();
    order.put("childRef", childRef);
    order.put("orderDate", LocalDate.now().toString());
    order.put("lengthMonths", 12);
    order.put("allocatedWorker", TestStaff.WORKER);
    return order;
  }
}
