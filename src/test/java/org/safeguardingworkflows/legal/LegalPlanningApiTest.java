package org.safeguardingworkflows.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** The legal planning API over real HTTP: every status, and nothing started on any refusal. */
@ApplicationTest
class LegalPlanningApiTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired WorkingDays workingDays;
  @Autowired LegalPlanningSettings settings;

  @Test
  void aCaseManagementSystemRecommendsAMeeting_andReadsItsStageAndDeadlines() {
    String childRef = newChild();
    Reply created = manager().post("/api/legal-planning-requests", request(childRef));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().getLocation()).hasToString("/api/legal-planning-requests/" + childRef);
    assertThat(created.json().path("processInstanceId").asText()).isNotBlank();

    Reply view = Api.as(port, TestStaff.WORKER).get("/api/legal-planning-requests/" + childRef);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().path("status").asText()).isEqualTo("OPEN");
    assertThat(view.json().path("stage").toString()).contains("Hold the legal planning meeting");
    assertThat(view.json().path("origin").asText()).as("no origin given: made directly").isEqualTo("DIRECT");
    assertThat(view.json().path("recommendedBy").asText()).isEqualTo(TestStaff.TEAM_MANAGER);
    assertThat(view.json().path("deadlines").path("meetingDueDate").asText()).isNotBlank();
    assertThat(view.json().path("openTasks").get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_HoldLegalPlanningMeeting");
    assertThat(view.json().path("openTasks").get(0).path("due").asText()).isEqualTo(view.json().path("deadlines").path("meetingDueDate").asText());
  }

  @Test
  void aDecidedRecommendationStillAnswers_withItsOutcome() {
    String childRef = newChild();
    Map<String, Object> fromStepDown = request(childRef);
    fromStepDown.put("origin", "STEP_DOWN");
    assertThat(manager().post("/api/legal-planning-requests", fromStepDown).status()).isEqualTo(201);
    Map<String, Object> meeting = LegalPlanningDriver.meeting("CONTINUE_CURRENT_PLAN");
    meeting.put(LegalPlanningVariables.MEETING_DATE.name(), java.time.LocalDate.now().toString());
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(childRef).singleResult().getId(), meeting);
    Reply awaitingReview = manager().get("/api/legal-planning-requests/" + childRef);
    assertThat(awaitingReview.json().path("status").asText()).isEqualTo("OPEN");
    assertThat(awaitingReview.json().path("stage").toString()).contains("Review date reached");
    assertThat(awaitingReview.json().path("deadlines").path("planReviewDate").asText()).isEqualTo(meeting.get(LegalPlanningVariables.PLAN_REVIEW_DATE.name()));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(awaitingReview.json().path("processInstanceId").asText()).timers().singleResult().getId());
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(childRef).singleResult().getId(), Map.of(
        LegalPlanningVariables.WHAT_HAS_CHANGED.name(), "Attendance up, home conditions the same",
        LegalPlanningVariables.PLAN_REVIEW_DECISION.name(), "CONTINUE_CURRENT_PLAN",
        LegalPlanningVariables.PLAN_REVIEW_REASONS.name(), "Progress is real; the plan continues"));

    Reply view = manager().get("/api/legal-planning-requests/" + childRef);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().path("status").asText()).isEqualTo("ENDED");
    assertThat(view.json().path("stage").toString()).contains("Current plan continues");
    assertThat(view.json().path("origin").asText()).isEqualTo("STEP_DOWN");
    assertThat(view.json().path("outcome").path("legalPlanningOutcome").asText()).isEqualTo("CONTINUE_CURRENT_PLAN");
    assertThat(view.json().path("outcome").path("planReviewDecision").asText()).isEqualTo("CONTINUE_CURRENT_PLAN");
    assertThat(view.json().path("openTasks")).isEmpty();
  }

  @Test
  void everyInvalidFieldIsNamedWithItsRule_andNothingIsStarted() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("childRef", "Jane Smith");
    bad.put("reason", "");
    bad.put("recommendedBy", "nobody.here");
    bad.put("origin", "GUT_FEELING");
    bad.put("allocatedWorker", TestStaff.TEAM_MANAGER);
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(LegalPlanningVariables.PROCESS_KEY).count();

    Reply refused = manager().post("/api/legal-planning-requests", bad);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.json().path("errors").toString())
        .contains("\"field\":\"childRef\",\"rule\":\"pattern\"")
        .contains("\"field\":\"reason\",\"rule\":\"required\"")
        .contains("\"field\":\"recommendedBy\",\"rule\":\"staff-member\"")
        .contains("\"field\":\"origin\",\"rule\":\"code-list\"")
        .contains("\"field\":\"allocatedWorker\",\"rule\":\"staff-in-role\"");
    assertThat(refused.body()).doesNotContain("Exception");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LegalPlanningVariables.PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void aMeetingNeededSoonerThanTheTimescaleFallsDueThen_aLaterDateKeepsTheTimescale_aPastDateIsRefused() {
    LocalDate today = workingDays.today();
    LocalDate timescale = workingDays.addWorkingDays(today, settings.getMeetingDueWorkingDays());
    String sooner = newChild();
    Map<String, Object> needed = request(sooner);
    needed.put("meetingNeededBy", today.plusDays(1).toString());
    assertThat(manager().post("/api/legal-planning-requests", needed).status()).isEqualTo(201);
    assertThat(meetingDueDate(sooner)).isEqualTo(today.plusDays(1).toString());

    String later = newChild();
    Map<String, Object> tooLate = request(later);
    tooLate.put("meetingNeededBy", timescale.plusDays(7).toString());
    assertThat(manager().post("/api/legal-planning-requests", tooLate).status()).isEqualTo(201);
    assertThat(meetingDueDate(later)).isEqualTo(timescale.toString());

    String past = newChild();
    Map<String, Object> gone = request(past);
    gone.put("meetingNeededBy", today.minusDays(1).toString());
    Reply refused = manager().post("/api/legal-planning-requests", gone);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("errors").toString()).contains("\"field\":\"meetingNeededBy\",\"rule\":\"not-in-past\"");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(past).count()).isZero();
  }

  @Test
  void aStartFormRefusedByItsRulesNamesEachFieldAsTheFormDoes() {
    String childRef = newChild();
    Reply refused = manager().post("/engine-rest/process-definition/key/" + LegalPlanningVariables.PROCESS_KEY + "/submit-form",
        Map.of("businessKey", childRef, "variables", Map.of(
            LegalPlanningVariables.CHILD_REF.name(), Map.of("value", childRef),
            LegalPlanningVariables.REASON.name(), Map.of("value", "Neglect has re-emerged"),
            LegalPlanningVariables.MEETING_NEEDED_BY.name(), Map.of("value", workingDays.today().minusDays(3).toString()))));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("'The legal planning meeting is needed by (optional)' cannot be in the past")
        .doesNotContain("meetingNeededBy cannot");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isZero();
  }

  private Object meetingDueDate(String childRef) {
    String id = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).singleResult().getId();
    return runtimeService.getVariable(id, LegalPlanningVariables.MEETING_DUE_DATE.name());
  }

  @Test
  void malformedJsonIsAProblemNotAStackTrace() {
    Reply malformed = manager().post("/api/legal-planning-requests", MediaType.APPLICATION_JSON, "{\"childRef\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
    assertThat(malformed.body()).doesNotContain("Exception");
  }

  @Test
  void aSecondRecommendationWhileOneIsOpenIsAConflict() {
    String childRef = newChild();
    assertThat(manager().post("/api/legal-planning-requests", request(childRef)).status()).isEqualTo(201);
    Reply conflict = manager().post("/api/legal-planning-requests", request(childRef));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().path("detail").asText()).contains("already has a legal planning recommendation open");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isEqualTo(1);
  }

  @Test
  void aChangeOfWorkerReportedForTheStepDownJourneyRaisesTheHandoverInLegalPlanningToo() {
    String childRef = newChild();
    Map<String, Object> planEnded = new HashMap<>();
    planEnded.put("childRef", childRef);
    planEnded.put("planStartDate", java.time.LocalDate.now().minusMonths(9).toString());
    planEnded.put("planEndDate", java.time.LocalDate.now().minusDays(2).toString());
    planEnded.put("categoryOfAbuse", "NEG");
    planEnded.put("destination", "CHILD_IN_NEED");
    planEnded.put("allocatedWorker", TestStaff.WORKER);
    planEnded.put("teamManager", TestStaff.TEAM_MANAGER);
    planEnded.put("iro", TestStaff.IRO);
    assertThat(Api.as(port, TestStaff.WORKER).post("/api/step-downs", planEnded).status()).isEqualTo(201);
    Map<String, Object> request = request(childRef);
    request.put("allocatedWorker", TestStaff.WORKER);
    assertThat(manager().post("/api/legal-planning-requests", request).status()).isEqualTo(201);

    Reply accepted = manager().post("/api/step-downs/" + childRef + "/worker-changes", Map.of("newWorker", TestStaff.SECOND_WORKER));

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(childRef).taskDefinitionKey("Task_ReadLegalPlanningHistory")
        .taskAssignee(TestStaff.SECOND_WORKER).count()).isEqualTo(1);
    // The new worker is in the other team: the child's legal planning moved there too.
    assertThat(Api.as(port, TestStaff.SECOND_TEAM_MANAGER).get("/api/legal-planning-requests/" + childRef).json()
        .path("allocatedWorker").asText()).isEqualTo(TestStaff.SECOND_WORKER);
    assertThat(manager().get("/api/legal-planning-requests/" + childRef).status()).as("the old team's manager").isEqualTo(404);
  }

  @Test
  void aChildWithoutARecommendationIsNotFound() {
    Reply missing = manager().get("/api/legal-planning-requests/C-NOBODY");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.headers().getContentType()).hasToString("application/problem+json");
  }

  @Test
  void anIroAndTheLegalTeamRecommendAMeetingDirectly_namingTheAllocatedWorker() {
    for (String recommender : new String[] {TestStaff.IRO, TestStaff.LEGAL}) {
      String childRef = newChild();
      Map<String, Object> request = request(childRef);
      request.put("recommendedBy", recommender);
      Reply withoutWorker = Api.as(port, recommender).post("/api/legal-planning-requests", request);
      assertThat(withoutWorker.status()).as(withoutWorker.body()).isEqualTo(400);
      assertThat(withoutWorker.json().path("errors").toString()).contains("\"field\":\"allocatedWorker\",\"rule\":\"required\"");
      request.put("allocatedWorker", TestStaff.WORKER);
      Reply started = Api.as(port, recommender).post("/api/legal-planning-requests", request);
      assertThat(started.status()).as(recommender + ": " + started.body()).isEqualTo(201);
      assertThat(manager().get("/api/legal-planning-requests/" + childRef).json().path("recommendedBy").asText()).isEqualTo(recommender);
    }
  }

  @Test
  void withoutCredentialsNothingIsAnswered_andASocialWorkerMayNotRecommendDirectly() {
    String childRef = newChild();
    assertThat(Api.anonymous(port).post("/api/legal-planning-requests", request(childRef)).status()).isEqualTo(401);
    assertThat(Api.anonymous(port).get("/api/legal-planning-requests/" + childRef).status()).isEqualTo(401);
    Reply forbidden = Api.as(port, TestStaff.WORKER).post("/api/legal-planning-requests", request(childRef));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.headers().getContentType()).hasToString("application/problem+json");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isZero();
  }

  private Api manager() {
    return Api.as(port, TestStaff.TEAM_MANAGER);
  }

  private static String newChild() {
    return "C-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, Object> request(String childRef) {
    Map<String, Object> request = new HashMap<>();
    request.put("childRef", childRef);
    request.put("reason", "Neglect has re-emerged; the same pattern as before the first plan");
    request.put("recommendedBy", TestStaff.TEAM_MANAGER);
    return request;
  }
}
