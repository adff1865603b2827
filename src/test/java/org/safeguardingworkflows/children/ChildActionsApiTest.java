package org.safeguardingworkflows.children;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The child-level actions over real HTTP, whatever is running for the child: concerns before, during and after a
 * step-down journey; a change of worker, team manager or IRO reaching every running process; each life event during
 * each kind of process. Every refusal changes nothing.
 */
@ApplicationTest
class ChildActionsApiTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired PlanHistory planHistory;
  @Autowired ChildRecord childRecord;

  // ---- Concerns ----

  @Test
  void aNewReferralBeforeAnyJourneyOpensAReviewForTheTeam() {
    String childRef = newChild();
    Reply opened = worker().post(concerns(childRef), Map.of("kind", "NEW_REFERRAL", "summary", "Police notification of domestic abuse"));
    assertThat(opened.status()).isEqualTo(202);
    assertThat(opened.json().path("opened").asText()).isEqualTo("concern review");
    assertThat(opened.json().path("processKey").asText()).isEqualTo("concernReview");
    String reviewId = opened.json().path("processInstanceId").asText();
    assertThat(taskService.createTaskQuery().processInstanceId(reviewId).taskDefinitionKey("Task_ReviewConcern").count()).isEqualTo(1);
    assertThat(childRecord.entriesOf(childRef, ChildEvent.Kind.CONCERN_RAISED)).singleElement()
        .satisfies(entry -> assertThat(entry.details()).containsEntry("concernKind", "NEW_REFERRAL"));

    // The child is now the first team's: another team's worker neither sees nor raises anything for it.
    Reply otherTeam = Api.as(port, TestStaff.SECOND_WORKER).post(concerns(childRef), Map.of("kind", "RECURRENCE", "summary", "x"));
    assertThat(otherTeam.status()).isEqualTo(404);
    assertThat(reviewsOf(childRef)).isEqualTo(1);
  }

  @Test
  void aNameInThePathAndABadBody_areRefusedTogether_namingEachFieldAndItsRule() {
    Reply refused = worker().post(concerns("Jane_Smith"), Map.of("kind", "GOSSIP", "summary", " "));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.json().path("errors").toString())
        .contains("\"field\":\"childRef\",\"rule\":\"pattern\"")
        .contains("\"field\":\"kind\",\"rule\":\"code-list\"")
        .contains("\"field\":\"summary\",\"rule\":\"required\"")
        .contains("kind must be DISENGAGEMENT, RECURRENCE, NEW_REFERRAL or CONSENT_WITHDRAWN.")
        .doesNotContain("^[A-Za-z0-9-]");
  }

  @Test
  void aConcernDuringAStepDownJourneyOpensItsContingencyReview_andTheStepDownUrlStillWorks() {
    String childRef = newChild();
    ProcessInstance journey = ChildWork.start(engine, planHistory, ChildWork.Kind.STEP_DOWN, childRef);
    Reply opened = worker().post(concerns(childRef), Map.of("kind", "CONSENT_WITHDRAWN", "summary", "Mother has withdrawn consent"));
    assertThat(opened.status()).isEqualTo(202);
    assertThat(opened.json().path("opened").asText()).isEqualTo("contingency review");
    assertThat(opened.json().path("processInstanceId").asText()).isEqualTo(journey.getId());
    assertThat(reviewsOf(childRef)).as("no separate review during a journey").isZero();

    Reply old = worker().post("/api/step-downs/" + childRef + "/concerns", Map.of("kind", "DISENGAGEMENT", "summary", "Missed visits"));
    assertThat(old.status()).isEqualTo(202);
    assertThat(taskService.createTaskQuery().processInstanceId(journey.getId()).taskDefinitionKey("Task_HoldContingencyReview").count())
        .isEqualTo(2);
    Reply oldRefuses = worker().post("/api/step-downs/" + childRef + "/concerns", Map.of("kind", "GOSSIP", "summary", "x"));
    assertThat(oldRefuses.status()).as("the step-down URL takes the same kinds").isEqualTo(400);
    assertThat(oldRefuses.json().path("errors").get(0).path("rule").asText()).isEqualTo("code-list");
  }

  @Test
  void aConcernAfterAStepDownJourneyEndedIsAReReferralForTheTeamManager() {
    String childRef = newChild();
    ProcessInstance journey = runtimeService.startProcessInstanceByKey(StepDownVariables.PROCESS_KEY, childRef,
        StepDownDriver.startVariables(childRef, "CLOSURE"));
    closeTheCase(journey);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(journey.getId()).count()).isZero();

    Reply opened = worker().post(concerns(childRef), Map.of("kind", "RECURRENCE", "summary", "Home conditions poor again"));
    assertThat(opened.status()).isEqualTo(202);
    assertThat(opened.json().path("opened").asText()).isEqualTo("re-referral review");
    String reviewId = opened.json().path("processInstanceId").asText();
    var review = taskService.createTaskQuery().processInstanceId(reviewId).taskDefinitionKey("Task_HoldReReferralReview").singleResult();
    assertThat(review.getAssignee()).isEqualTo(TestStaff.TEAM_MANAGER);
    assertThat(taskService.getVariable(review.getId(), ConcernReviewVariables.MONTHS_SINCE_STEP_DOWN.name())).isEqualTo(0);
    assertThat(childRecord.entriesOf(childRef, ChildEvent.Kind.CONCERN_RAISED)).singleElement()
        .satisfies(entry -> assertThat(entry.details()).containsEntry("monthsSinceStepDown", 0));
  }

  @Test
  void aConcernMoreThanAYearAfterAStepDownIsReviewedByTheTeam() {
    String childRef = newChild();
    childRecord.allocate(childRef, ChildRole.SOCIAL_WORKER, TestStaff.WORKER);
    childRecord.assignTeam(childRef, TestStaff.TEAM);
    childRecord.record(ChildEvent.of(childRef, LocalDate.now().minusMonths(13), ChildEvent.Kind.JOURNEY_ENDED, null,
        StepDownVariables.PROCESS_KEY, "long-ago", Map.of("reason", "Case closed")));
    Reply opened = manager().post(concerns(childRef), Map.of("kind", "DISENGAGEMENT", "summary", "Not attending early help"));
    assertThat(opened.status()).isEqualTo(202);
    assertThat(opened.json().path("opened").asText()).isEqualTo("concern review");
  }

  @Test
  void aBadConcernIsRefusedWithItsRules_andNothingStarts() {
    String childRef = newChild();
    Reply refused = worker().post(concerns(childRef), Map.of("kind", "GOSSIP", "summary", ""));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.json().path("errors").toString()).contains("\"field\":\"kind\",\"rule\":\"code-list\"")
        .contains("\"field\":\"summary\",\"rule\":\"required\"");
    Reply unknownField = worker().post(concerns(childRef), Map.of("kind", "RECURRENCE", "summary", "x", "childName", "Jane"));
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(Api.anonymous(port).post(concerns(childRef), Map.of("kind", "RECURRENCE", "summary", "x")).status()).isEqualTo(401);
    Reply noTeam = Api.as(port, TestStaff.SENIOR_MANAGER).post(concerns(childRef), Map.of("kind", "RECURRENCE", "summary", "x"));
    assertThat(noTeam.status()).as("nobody would review it").isEqualTo(422);
    assertThat(reviewsOf(childRef)).isZero();
    assertThat(childRecord.chronology(childRef)).isEmpty();
  }

  // ---- Worker changes ----

  @Test
  void aNewSocialWorkerOfAnotherTeamIsHandedEveryRunningProcess_andTakesTheChildToTheirTeam() {
    String childRef = newChild();
    ProcessInstance journey = ChildWork.start(engine, planHistory, ChildWork.Kind.STEP_DOWN, childRef);
    ProcessInstance legal = ChildWork.start(engine, planHistory, ChildWork.Kind.LEGAL_PLANNING, childRef);
    ProcessInstance order = ChildWork.start(engine, planHistory, ChildWork.Kind.SUPERVISION_ORDER, childRef);
    ProcessInstance proposal = ChildWork.start(engine, planHistory, ChildWork.Kind.REPEAT_ICPC, childRef);

    List<String> listening = List.of(journey, legal, order, proposal).stream().map(ProcessInstance::getId)
        .filter(id -> runtimeService.createEventSubscriptionQuery().processInstanceId(id).eventType("message")
            .eventName("WorkerChanged").count() > 0)
        .toList();
    Reply changed = manager().post(workerChanges(childRef), Map.of("role", "SOCIAL_WORKER", "newHolder", TestStaff.SECOND_WORKER));
    assertThat(changed.status()).isEqualTo(202);
    List<String> handedOver = changed.json().path("handovers").findValuesAsText("processInstanceId");
    // Every running process that listens for a worker change raises its handover.
    assertThat(handedOver).containsExactlyInAnyOrderElementsOf(listening);
    assertThat(handedOver).contains(journey.getId(), legal.getId());
    assertThat(taskService.createTaskQuery().processInstanceId(journey.getId()).taskDefinitionKey("Task_ReviewCaseHandover")
        .taskAssignee(TestStaff.SECOND_WORKER).count()).isEqualTo(1);
    assertThat(childRecord.allocation(childRef)).hasValueSatisfying(allocation -> {
      assertThat(allocation.allocatedWorker()).isEqualTo(TestStaff.SECOND_WORKER);
      assertThat(allocation.team()).isEqualTo(TestStaff.SECOND_TEAM);
      assertThat(allocation.teamManager()).as("the old team's manager no longer holds the child").isNull();
    });
    for (ProcessInstance instance : List.of(journey, legal, order, proposal)) {
      assertThat(runtimeService.getVariable(instance.getId(), Teams.TEAM.name())).as("team of " + instance.getProcessDefinitionId())
          .isEqualTo(TestStaff.SECOND_TEAM);
    }
    assertThat(childRecord.entriesOf(childRef, ChildEvent.Kind.WORKER_CHANGED)).singleElement().satisfies(entry -> {
      assertThat(entry.who()).isEqualTo(TestStaff.TEAM_MANAGER);
      assertThat(entry.details()).containsEntry("role", "SOCIAL_WORKER").containsEntry("previousHolder", TestStaff.WORKER);
    });
    assertThat(manager().post(workerChanges(childRef), Map.of("role", "IRO", "newHolder", TestStaff.SECOND_IRO)).status())
        .as("the old team's manager no longer has the child").isEqualTo(404);
  }

  @Test
  void aNewTeamManagerOrIroReachesTheProcessesThatKnowRoles_andTheRecord() {
    String childRef = newChild();
    Reply opened = worker().post(concerns(childRef), Map.of("kind", "DISENGAGEMENT", "summary", "Missed three visits"));
    String reviewId = opened.json().path("processInstanceId").asText();

    Reply manager = manager().post(workerChanges(childRef), Map.of("role", "TEAM_MANAGER", "newHolder", TestStaff.SECOND_TEAM_MANAGER));
    assertThat(manager.status()).isEqualTo(202);
    assertThat(manager.json().path("handovers").findValuesAsText("processInstanceId")).containsExactly(reviewId);
    assertThat(runtimeService.getVariable(reviewId, ConcernReviewVariables.TEAM_MANAGER.name())).isEqualTo(TestStaff.SECOND_TEAM_MANAGER);
    Reply iro = manager().post(workerChanges(childRef), Map.of("role", "IRO", "newHolder", TestStaff.SECOND_IRO));
    assertThat(iro.status()).isEqualTo(202);
    assertThat(childRecord.allocation(childRef)).hasValueSatisfying(allocation -> {
      assertThat(allocation.teamManager()).isEqualTo(TestStaff.SECOND_TEAM_MANAGER);
      assertThat(allocation.iro()).isEqualTo(TestStaff.SECOND_IRO);
      assertThat(allocation.team()).as("only a social worker moves the child").isEqualTo(TestStaff.TEAM);
    });
  }

  @Test
  void aWorkerChangeIsRefusedUnlessAManagerNamesAHolderOfTheRole_andNothingChanges() {
    String childRef = newChild();
    ProcessInstance journey = ChildWork.start(engine, planHistory, ChildWork.Kind.STEP_DOWN, childRef);
    Map<String, Object> toSecondWorker = Map.of("role", "SOCIAL_WORKER", "newHolder", TestStaff.SECOND_WORKER);

    assertThat(worker().post(workerChanges(childRef), toSecondWorker).status()).as("allocation is a manager's decision").isEqualTo(403);
    assertThat(Api.as(port, TestStaff.SECOND_TEAM_MANAGER).post(workerChanges(childRef), toSecondWorker).status())
        .as("another team's manager does not see the child").isEqualTo(404);
    assertThat(manager().post(workerChanges(newChild()), toSecondWorker).status()).as("nothing running").isEqualTo(404);
    Reply badRole = manager().post(workerChanges(childRef), Map.of("role", "CHAIR", "newHolder", TestStaff.IRO));
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.json().path("errors").get(0).path("rule").asText()).isEqualTo("code-list");
    Reply notAnIro = manager().post(workerChanges(childRef), Map.of("role", "IRO", "newHolder", TestStaff.WORKER));
    assertThat(notAnIro.status()).isEqualTo(400);
    assertThat(notAnIro.json().path("errors").get(0).path("rule").asText()).isEqualTo("staff-in-role");
    Reply same = manager().post(workerChanges(childRef), Map.of("role", "SOCIAL_WORKER", "newHolder", TestStaff.WORKER));
    assertThat(same.status()).isEqualTo(400);
    assertThat(same.json().path("errors").get(0).path("rule").asText()).isEqualTo("different-holder");

    assertThat(runtimeService.getVariable(journey.getId(), StepDownVariables.ALLOCATED_WORKER.name())).isEqualTo(TestStaff.WORKER);
    assertThat(taskService.createTaskQuery().processInstanceId(journey.getId()).taskDefinitionKey("Task_ReviewCaseHandover").count()).isZero();
    assertThat(childRecord.entriesOf(childRef, ChildEvent.Kind.WORKER_CHANGED)).isEmpty();
  }

  // ---- Life events ----

  static List<Arguments> everyLifeEventDuringEveryKindOfProcess() {
    List<Arguments> cases = new java.util.ArrayList<>();
    for (ChildLifeEventVariables.Kind event : ChildLifeEventVariables.Kind.values()) {
      for (ChildWork.Kind work : ChildWork.Kind.values()) {
        cases.add(Arguments.of(event.name(), work));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} during {1}")
  @MethodSource("everyLifeEventDuringEveryKindOfProcess")
  void aLifeEventEndsTheRunningProcess_withTheEventAsItsReason(String event, ChildWork.Kind work) {
    String childRef = newChild();
    ProcessInstance running = ChildWork.start(engine, planHistory, work, childRef);
    String yesterday = LocalDate.now().minusDays(1).toString();

    Reply reported = manager().post(lifeEvents(childRef), Map.of("kind", event, "date", yesterday, "details", "Told by the family"));
    assertThat(reported.status()).isEqualTo(202);
    String lifeEventId = reported.json().path("processInstanceId").asText();
    switch (event) {
      case "MOVED_TO_ANOTHER_AUTHORITY" -> {
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).count())
            .as("the work goes on until the other authority has accepted it").isEqualTo(1);
        Map<String, Object> transfer = new HashMap<>();
        transfer.put(ChildLifeEventVariables.RECEIVING_AUTHORITY.name(), "Another County Council");
        transfer.put(ChildLifeEventVariables.HISTORY_SENT_ON.name(), yesterday);
        transfer.put(ChildLifeEventVariables.TRANSFER_ACCEPTED_ON.name(), LocalDate.now().toString());
        taskService.complete(taskService.createTaskQuery().processInstanceId(lifeEventId).singleResult().getId(), transfer);
      }
      case "DIED" -> {
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).count()).isEqualTo(1);
        taskService.complete(taskService.createTaskQuery().processInstanceId(lifeEventId).singleResult().getId(), Map.of(
            ChildLifeEventVariables.SERIOUS_INCIDENT_NOTIFIED.name(), "YES",
            ChildLifeEventVariables.SERIOUS_INCIDENT_NOTIFIED_ON.name(), LocalDate.now().toString(),
            ChildLifeEventVariables.SERIOUS_INCIDENT_NOTES.name(), "Rapid review arranged"));
      }
      default -> assertThat(reported.json().path("workEnded").asBoolean()).isTrue();
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).as("nothing left running").isZero();
    String reason = EndTheChildsWork.reason(event, LocalDate.parse(yesterday));
    assertThat(childRecord.entriesOf(childRef, ChildEvent.Kind.JOURNEY_ENDED))
        .filteredOn(entry -> running.getId().equals(entry.processInstanceId())).singleElement()
        .satisfies(entry -> assertThat(entry.details()).containsEntry("reason", reason));
    assertThat(childRecord.entriesOf(childRef, ChildEvent.Kind.LIFE_EVENT)).singleElement()
        .satisfies(entry -> assertThat(entry.details()).containsEntry("kind", event));
  }

  @Test
  void theOpenPlanEndsOnTheDayTheChildBecameLookedAfter() {
    String childRef = newChild();
    ChildWork.onAPlan(planHistory, childRef);
    childRecord.allocate(childRef, ChildRole.SOCIAL_WORKER, TestStaff.WORKER);
    childRecord.assignTeam(childRef, TestStaff.TEAM);
    String yesterday = LocalDate.now().minusDays(1).toString();
    Reply reported = worker().post(lifeEvents(childRef), Map.of("kind", "BECAME_LOOKED_AFTER", "date", yesterday));
    assertThat(reported.status()).as("an open plan is enough").isEqualTo(202);
    assertThat(planHistory.plansOf(childRef)).singleElement()
        .satisfies(plan -> assertThat(plan.planEnd()).hasToString(yesterday));
    assertThat(childRecord.entriesOf(childRef, ChildEvent.Kind.PLAN_ENDED)).hasSize(1);
  }

  @Test
  void aLifeEventIsRefusedWhenItCannotBeTrue_orHasNothingToEnd_andNothingChanges() {
    String childRef = newChild();
    ProcessInstance order = ChildWork.start(engine, planHistory, ChildWork.Kind.SUPERVISION_ORDER, childRef);

    Reply bad = manager().post(lifeEvents(childRef), Map.of("kind", "MARRIED", "date", LocalDate.now().plusDays(1).toString()));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").toString()).contains("\"field\":\"kind\",\"rule\":\"code-list\"")
        .contains("\"field\":\"date\",\"rule\":\"not-in-future\"");
    assertThat(manager().post(lifeEvents("C-NOBODY-" + UUID.randomUUID().toString().substring(0, 6)),
        Map.of("kind", "DIED", "date", LocalDate.now().toString())).status()).as("unknown child").isEqualTo(404);
    assertThat(Api.as(port, TestStaff.SECOND_WORKER).post(lifeEvents(childRef), Map.of("kind", "DIED", "date", LocalDate.now().toString()))
        .status()).as("another team's child").isEqualTo(404);

    Reply moved = manager().post(lifeEvents(childRef), Map.of("kind", "MOVED_TO_ANOTHER_AUTHORITY", "date", LocalDate.now().toString()));
    assertThat(moved.status()).isEqualTo(202);
    Reply again = manager().post(lifeEvents(childRef), Map.of("kind", "TURNED_18", "date", LocalDate.now().toString()));
    assertThat(again.status()).as("one life event at a time").isEqualTo(409);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(order.getId()).count()).isEqualTo(1);

    // A child whose work has all ended has nothing for a life event to end.
    String closed = newChild();
    ProcessInstance ended = ChildWork.start(engine, planHistory, ChildWork.Kind.SUPERVISION_ORDER, closed);
    runtimeService.deleteProcessInstance(ended.getId(), "Order discharged", false, true);
    Reply nothing = manager().post(lifeEvents(closed), Map.of("kind", "TURNED_18", "date", LocalDate.now().toString()));
    assertThat(nothing.status()).isEqualTo(409);
    assertThat(childRecord.entriesOf(closed, ChildEvent.Kind.LIFE_EVENT)).isEmpty();
  }

  /**
   * Straight to closure: the meeting, the manager's and the senior manager's approval, the closure meeting, and the two
   * checks with the partner agencies afterwards, which find nothing: the journey has ended.
   */
  private void closeTheCase(ProcessInstance journey) {
    complete(journey, "Task_HoldStepDownMeeting", StepDownDriver.stepDownMeeting());
    complete(journey, "Task_ApproveStepDownPlan", Map.of(StepDownVariables.STEP_DOWN_DECISION.name(), "APPROVE",
        StepDownVariables.STEP_DOWN_DECISION_REASONS.name(), "Considered in supervision"));
    complete(journey, "Task_ApproveEarlyClosure", Map.of(StepDownVariables.EARLY_CLOSURE_DECISION.name(), "APPROVE",
        StepDownVariables.EARLY_CLOSURE_REASONS.name(), "Read the whole file"));
    complete(journey, "Task_HoldClosureMeeting", StepDownDriver.closureMeeting());
    for (int check = 0; check < 2; check++) {
      managementService.executeJob(managementService.createJobQuery().processInstanceId(journey.getId())
          .activityId("Event_ReEmergenceCheckDue").timers().orderByJobDuedate().asc().list().get(0).getId());
      complete(journey, "Task_CheckForReEmergence", Map.of(StepDownVariables.RE_EMERGENCE_AGENCIES_ASKED.name(), List.of("SCHOOL"),
          StepDownVariables.RE_EMERGENCE_FOUND.name(), "NO", StepDownVariables.RE_EMERGENCE_NOTES.name(), "School sees no concerns"));
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(journey.getId()).count()).as("journey ended").isZero();
  }

  private void complete(ProcessInstance journey, String taskKey, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(journey.getId()).taskDefinitionKey(taskKey)
        .singleResult().getId(), variables);
  }

  private long reviewsOf(String childRef) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).processDefinitionKey("concernReview").count();
  }

  private Api worker() {
    return Api.as(port, TestStaff.WORKER);
  }

  private Api manager() {
    return Api.as(port, TestStaff.TEAM_MANAGER);
  }

  private static String concerns(String childRef) {
    return "/api/children/" + childRef + "/concerns";
  }

  private static String workerChanges(String childRef) {
    return "/api/children/" + childRef + "/worker-changes";
  }

  private static String lifeEvents(String childRef) {
    return "/api/children/" + childRef + "/life-events";
  }

  private static String newChild() {
    return "C-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
