package org.safeguardingworkflows.children;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The child record over real HTTP: a plan recorded when the conference makes it, ended with or without a step-down
 * journey, and the child's chronology read back; every refusal changes nothing.
 */
@ApplicationTest
class ChildrenApiTest {

  @LocalServerPort int port;
  @Autowired PlanHistory planHistory;
  @Autowired ChildRecord childRecord;
  @Autowired RuntimeService runtimeService;

  @Test
  void aPlanIsRecordedWhenTheConferenceMakesIt_andTheChildsRecordShowsIt() {
    String childRef = newChild();
    LocalDate start = LocalDate.now().minusMonths(2);

    Reply made = worker().post("/api/children/" + childRef + "/plans", planMade(start, "NEG"));

    assertThat(made.status()).isEqualTo(201);
    assertThat(made.headers().getLocation()).hasToString("/api/children/" + childRef);
    assertThat(made.json().path("planStart").asText()).isEqualTo(start.toString());
    assertThat(absent(made.json().path("planEnd"))).isTrue();
    Reply child = worker().get("/api/children/" + childRef);
    assertThat(child.status()).isEqualTo(200);
    assertThat(child.json().path("currentPlan").path("planStart").asText()).isEqualTo(start.toString());
    assertThat(child.json().path("team").asText()).isEqualTo(TestStaff.TEAM);
    assertThat(child.json().path("iro").asText()).isEqualTo(TestStaff.IRO);
    assertThat(child.json().path("chronology").get(0).path("kind").asText()).isEqualTo("PLAN_STARTED");
    assertThat(child.json().path("chronology").get(0).path("who").asText()).isEqualTo(TestStaff.WORKER);
    assertThat(child.json().path("chronology").get(0).path("details").path("categoryOfAbuse").asText()).isEqualTo("NEG");
    assertThat(planHistory.plansOf(childRef)).hasSize(1);
  }

  @Test
  void theStepDownJourneyEndsThePlanRecordedAtItsStart_andTheChronologyTellsTheStoryNewestFirst() {
    String childRef = newChild();
    Map<String, Object> stepDown = StepDownDriver.startVariables(childRef, "CHILD_IN_NEED");
    LocalDate start = LocalDate.parse((String) stepDown.get("planStartDate"));
    assertThat(worker().post("/api/children/" + childRef + "/plans", planMade(start, "NEG")).status()).isEqualTo(201);

    assertThat(worker().post("/api/step-downs", stepDown).status()).isEqualTo(201);

    assertThat(planHistory.plansOf(childRef)).singleElement()
        .satisfies(plan -> assertThat(plan.planEnd()).hasToString((String) stepDown.get("planEndDate")));
    Reply child = worker().get("/api/children/" + childRef);
    assertThat(absent(child.json().path("currentPlan"))).isTrue();
    assertThat(child.json().path("allocatedWorker").asText()).isEqualTo(TestStaff.WORKER);
    assertThat(child.json().path("teamManager").asText()).isEqualTo(TestStaff.TEAM_MANAGER);
    assertThat(child.json().path("runningProcesses").get(0).path("processKey").asText()).isEqualTo("stepDownFromProtection");
    assertThat(kinds(child)).containsSubsequence("JOURNEY_STARTED", "PLAN_ENDED", "PLAN_STARTED");
    assertThat(child.json().path("chronology").toString()).contains("\"reason\":\"STEP_DOWN\"");
  }

  @Test
  void aPlanEndsWithoutAStepDown_andOnlyAnOpenPlanCanEnd() {
    String childRef = newChild();
    LocalDate start = LocalDate.now().minusMonths(4);
    worker().post("/api/children/" + childRef + "/plans", planMade(start, "PHY"));

    Reply ended = manager().post("/api/children/" + childRef + "/plans/current/end",
        Map.of("planEndDate", LocalDate.now().minusDays(1).toString(), "reason", "BECAME_LOOKED_AFTER"));

    assertThat(ended.status()).isEqualTo(200);
    assertThat(ended.json().path("planEnd").asText()).isEqualTo(LocalDate.now().minusDays(1).toString());
    assertThat(kinds(worker().get("/api/children/" + childRef))).startsWith("PLAN_ENDED");
    Reply again = manager().post("/api/children/" + childRef + "/plans/current/end",
        Map.of("planEndDate", LocalDate.now().toString(), "reason", "BECAME_LOOKED_AFTER"));
    assertThat(again.status()).isEqualTo(404);
  }

  @Test
  void everyInvalidFieldIsNamedWithItsRule_andNothingIsRecorded() {
    String childRef = newChild();
    Reply refused = worker().post("/api/children/" + childRef + "/plans",
        Map.of("planStartDate", LocalDate.now().plusDays(3).toString(), "categoryOfAbuse", "NEGLECT", "iro", TestStaff.WORKER));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.json().path("errors").toString())
        .contains("\"field\":\"planStartDate\",\"rule\":\"not-in-future\"")
        .contains("\"field\":\"categoryOfAbuse\",\"rule\":\"code-list\"")
        .contains("\"field\":\"iro\",\"rule\":\"staff-in-role\"");
    Reply badName = worker().post("/api/children/Jane%20Smith/plans", planMade(LocalDate.now().minusDays(1), "NEG"));
    assertThat(badName.status()).isEqualTo(400);
    assertThat(planHistory.plansOf(childRef)).isEmpty();
    assertThat(childRecord.isKnown(childRef)).isFalse();

    worker().post("/api/children/" + childRef + "/plans", planMade(LocalDate.now().minusMonths(3), "NEG"));
    Reply badEnd = manager().post("/api/children/" + childRef + "/plans/current/end",
        Map.of("planEndDate", "2026-02-30", "reason", "BORED"));
    assertThat(badEnd.status()).isEqualTo(400);
    assertThat(badEnd.json().path("errors").toString()).contains("\"field\":\"planEndDate\",\"rule\":\"date\"")
        .contains("\"field\":\"reason\",\"rule\":\"code-list\"");
    assertThat(planHistory.plansOf(childRef)).singleElement().satisfies(plan -> assertThat(plan.isOpen()).isTrue());
  }

  @Test
  void aSecondOpenPlanOrAnOverlapIsUnprocessable_andChangesNothing() {
    String childRef = newChild();
    worker().post("/api/children/" + childRef + "/plans", planMade(LocalDate.now().minusMonths(3), "NEG"));
    int entries = childRecord.chronology(childRef).size();

    Reply second = worker().post("/api/children/" + childRef + "/plans", planMade(LocalDate.now().minusMonths(1), "EMO"));

    assertThat(second.status()).isEqualTo(422);
    assertThat(second.json().path("errors").get(0).path("rule").asText()).isEqualTo("one-open-plan");
    assertThat(planHistory.plansOf(childRef)).hasSize(1);
    assertThat(childRecord.chronology(childRef)).hasSize(entries);
  }

  @Test
  void twentyParallelConferencesForOneChildRecordOnePlan() throws Exception {
    String childRef = newChild();
    java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(20);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> replies = new java.util.ArrayList<>();
      for (int day = 1; day <= 20; day++) {
        LocalDate start = LocalDate.now().minusMonths(2).plusDays(day);
        replies.add(callers.submit(() -> worker().post("/api/children/" + childRef + "/plans", planMade(start, "NEG")).status()));
      }
      java.util.List<Integer> statuses = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<Integer> reply : replies) {
        statuses.add(reply.get());
      }
      assertThat(statuses).containsOnlyOnce(201).allMatch(status -> status == 201 || status == 422);
    } finally {
      callers.shutdown();
    }
    assertThat(planHistory.plansOf(childRef)).hasSize(1);
    assertThat(childRecord.entriesOf(childRef, ChildEvent.Kind.PLAN_STARTED)).hasSize(1);
  }

  @Test
  void anotherTeamsChildIsNotThere_forReadingOrRecording() {
    String childRef = newChild();
    worker().post("/api/children/" + childRef + "/plans", planMade(LocalDate.now().minusMonths(3), "NEG"));

    Api otherTeam = Api.as(port, TestStaff.SECOND_WORKER);
    assertThat(otherTeam.get("/api/children/" + childRef).status()).isEqualTo(404);
    assertThat(otherTeam.post("/api/children/" + childRef + "/plans/current/end",
        Map.of("planEndDate", LocalDate.now().toString(), "reason", "TURNED_18")).status()).isEqualTo(404);
    assertThat(otherTeam.post("/api/children/" + childRef + "/plans", planMade(LocalDate.now().minusMonths(9), "NEG")).status())
        .isEqualTo(404);
    assertThat(planHistory.plansOf(childRef)).singleElement().satisfies(plan -> assertThat(plan.isOpen()).isTrue());
    assertThat(Api.as(port, TestStaff.SENIOR_MANAGER).get("/api/children/" + childRef).status()).isEqualTo(200);
    assertThat(Api.as(port, TestStaff.IRO).get("/api/children/" + childRef).status()).as("the plan's IRO").isEqualTo(200);
    assertThat(Api.as(port, TestStaff.SECOND_IRO).get("/api/children/" + childRef).status()).isEqualTo(404);
    assertThat(Api.anonymous(port).get("/api/children/" + childRef).status()).isEqualTo(401);
    assertThat(worker().get("/api/children/C-NOBODY-" + UUID.randomUUID().toString().substring(0, 6)).status()).isEqualTo(404);
  }

  @Test
  void onlyStaffWhoRecordConferenceDecisionsRecordPlans() {
    String childRef = newChild();
    Reply refused = Api.as(port, TestStaff.LEGAL).post("/api/children/" + childRef + "/plans",
        planMade(LocalDate.now().minusMonths(1), "NEG"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(planHistory.plansOf(childRef)).isEmpty();
  }

  private static java.util.List<String> kinds(Reply child) {
    java.util.List<String> kinds = new java.util.ArrayList<>();
    child.json().path("chronology").forEach(entry -> kinds.add(entry.path("kind").asText()));
    return kinds;
  }

  /** The API leaves out what is not there. */
  private static boolean absent(com.fasterxml.jackson.databind.JsonNode value) {
    return value.isNull() || value.isMissingNode();
  }

  private static Map<String, Object> planMade(LocalDate start, String category) {
    return Map.of("planStartDate", start.toString(), "categoryOfAbuse", category, "iro", TestStaff.IRO);
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
}
