package org.safeguardingworkflows.repeaticpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The discussion has the last step-down journey in front of it: its contingency plan, every concern raised during
 * it with the team manager's decision, and how often the worker changed (briefing points 5 and 6). Uses a real
 * step-down journey, so it is not a scenario class of either diagram.
 */
@ApplicationTest
class RepeatIcpcHistoryTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanHistory planHistory;
  @Autowired ChildRecord childRecord;

  @Test
  void theLastStepDownJourneysContingencyConcernsDecisionsAndWorkerChangesAreAssembled() {
    RepeatIcpcDriver child = new RepeatIcpcDriver(engine, planHistory);
    String stepDown = stepDownJourneyWithTwoConcernsAndANewWorker(child.childRef);

    child.proposed(EngineClock.today());
    assertThat(child.variable(LAST_STEP_DOWN_INSTANCE_ID.name())).isEqualTo(stepDown);
    assertThat(child.variable(NUMBER_OF_PREVIOUS_PLANS.name())).isEqualTo(1);
    assertThat(child.rows(PREVIOUS_PLANS).get(0)).containsEntry("stepDownDestination", "CHILD_IN_NEED").containsEntry("iro", TestStaff.IRO);
    assertThat(child.rows(LAST_CONTINGENCY_PLAN)).extracting(row -> row.get("trigger")).containsExactly("DISENGAGEMENT", "RECURRENCE");
    assertThat(child.rows(LAST_CONTINGENCY_PLAN).get(0)).containsEntry("whoActs", "Allocated social worker");
    List<Map<String, Object>> concerns = child.rows(LAST_STEP_DOWN_CONCERNS);
    assertThat(concerns).hasSize(2);
    assertThat(concerns.get(0)).containsEntry("kind", "DISENGAGEMENT").containsEntry("summary", "Missed three appointments")
        .containsEntry("reviewDecision", "CONTINUE_WITH_ACTIONS").containsEntry("reviewReasons", "First missed appointments")
        .containsEntry("agreedActions", "Weekly visits for a month").containsEntry("raisedOn", EngineClock.today().toString());
    assertThat(concerns.get(1)).containsEntry("kind", "RECURRENCE").containsEntry("summary", "School reports the same neglect signs")
        .containsEntry("reviewDecision", "STRATEGY_DISCUSSION").containsEntry("reviewReasons", "The pattern of the first plan");
    assertThat(child.variable(WORKER_CHANGES_DURING_STEP_DOWN.name())).isEqualTo(1);
  }

  /** A step-down journey in its watch period: two concerns, each reviewed by the team manager, and a new worker. */
  private String stepDownJourneyWithTwoConcernsAndANewWorker(String childRef) {
    Map<String, Object> planEnded = StepDownDriver.startVariables(childRef, "CHILD_IN_NEED");
    planEnded.put(StepDownVariables.PLAN_END_DATE.name(), EngineClock.today().minusMonths(3).toString());
    String id = engine.getRuntimeService().startProcessInstanceByKey(StepDownVariables.PROCESS_KEY, childRef, planEnded).getId();

    Map<String, Object> meeting = stepDownMeeting();
    meeting.put(StepDownVariables.CONTINGENCY_PLAN.name(), List.of(
        Map.of("trigger", "DISENGAGEMENT", "response", "Team manager reviews within 5 working days", "whoActs", "Allocated social worker",
            "heldBy", List.of("SCHOOL")),
        Map.of("trigger", "RECURRENCE", "response", "Strategy discussion considered the same day", "whoActs", "Team manager",
            "heldBy", List.of("HEALTH"))));
    complete(id, "Task_HoldStepDownMeeting", meeting);
    complete(id, "Task_ApproveStepDownPlan", Map.of(StepDownVariables.STEP_DOWN_DECISION.name(), "APPROVE",
        StepDownVariables.STEP_DOWN_DECISION_REASONS.name(), "Good evidence"));

    concern(id, "DISENGAGEMENT", "Missed three appointments");
    complete(id, "Task_HoldContingencyReview", Map.of(StepDownVariables.CONTINGENCY_DECISION.name(), "CONTINUE_WITH_ACTIONS",
        StepDownVariables.CONTINGENCY_REASONS.name(), "First missed appointments", StepDownVariables.AGREED_ACTIONS.name(), "Weekly visits for a month"));
    engine.getRuntimeService().createMessageCorrelation(StepDownVariables.MESSAGE_WORKER_CHANGED).processInstanceId(id)
        .setVariablesLocal(Map.of(StepDownVariables.NEW_WORKER.name(), TestStaff.SECOND_WORKER)).correlateWithResult();
    childRecord.record(ChildEvent.of(childRef, EngineClock.today(), ChildEvent.Kind.WORKER_CHANGED, TestStaff.TEAM_MANAGER,
        null, null, Map.of("role", "SOCIAL_WORKER", "newHolder", TestStaff.SECOND_WORKER)));
    concern(id, "RECURRENCE", "School reports the same neglect signs");
    complete(id, "Task_HoldContingencyReview", Map.of(StepDownVariables.CONTINGENCY_DECISION.name(), "STRATEGY_DISCUSSION",
        StepDownVariables.CONTINGENCY_REASONS.name(), "The pattern of the first plan", StepDownVariables.AGREED_ACTIONS.name(), "Strategy discussion today"));
    return id;
  }

  /** A step-down meeting record three months ago (the contingency plan is the caller's). */
  static Map<String, Object> stepDownMeeting() {
    Map<String, Object> meeting = new HashMap<>();
    meeting.put(StepDownVariables.MEETING_DATE.name(), EngineClock.today().minusMonths(3).toString());
    meeting.put(StepDownVariables.WHAT_CHANGED.name(), "Home conditions improved");
    meeting.put(StepDownVariables.EVIDENCE_OF_CHANGE.name(), "Unannounced visits");
    meeting.put(StepDownVariables.SERVICES.name(), List.of(Map.of("provider", "Family support", "purpose", "Routines")));
    meeting.put(StepDownVariables.CHILD_VIEWS.name(), "Agrees");
    meeting.put(StepDownVariables.FAMILY_VIEWS.name(), "Agree");
    meeting.put(StepDownVariables.AGENCY_VIEWS.name(), "Agree");
    meeting.put(StepDownVariables.FAMILY_TOLD_OF_CONTINGENCY.name(), true);
    return meeting;
  }

  private void concern(String stepDown, String kind, String summary) {
    engine.getRuntimeService().createMessageCorrelation(StepDownVariables.MESSAGE_CONCERN_REPORTED).processInstanceId(stepDown)
        .setVariablesLocal(Map.of(StepDownVariables.CONCERN_KIND.name(), kind, StepDownVariables.CONCERN_SUMMARY.name(), summary))
        .correlateWithResult();
  }

  private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    complete(engine, processInstanceId, taskKey, variables);
  }

  static void complete(ProcessEngine engine, String processInstanceId, String taskKey, Map<String, Object> variables) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .singleResult().getId();
    engine.getTaskService().complete(task, variables);
  }
}
