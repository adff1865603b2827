package org.safeguardingworkflows.children;

import static org.safeguardingworkflows.children.ConcernReviewVariables.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.InstanceDriver;
import org.safeguardingworkflows.testsupport.TestStaff;

/** Drives a concern review as the child-level API starts it and as the team manager and senior manager work it. */
class ConcernReviewDriver extends InstanceDriver<ConcernReviewDriver> {

  static final List<Map<String, Object>> CONTINGENCY_PLAN = List.of(
      Map.of("trigger", "DISENGAGEMENT", "response", "Team manager reviews within 5 working days", "whoActs", "Allocated social worker"),
      Map.of("trigger", "RECURRENCE", "response", "Strategy discussion considered the same day", "whoActs", "Team manager"));

  final String childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
  final ChildRecord childRecord;
  ProcessInstance review;

  ConcernReviewDriver(ProcessEngine engine, ChildRecord childRecord) {
    super(engine);
    this.childRecord = childRecord;
  }

  /** The child's record says a step-down journey ended this long ago, after a step-down meeting with a contingency plan. */
  ConcernReviewDriver steppedDown(LocalDate meetingHeld, LocalDate journeyEnded) {
    childRecord.record(ChildEvent.of(childRef, meetingHeld, ChildEvent.Kind.STEP_DOWN_MEETING, TestStaff.WORKER,
        StepDownVariables.PROCESS_KEY, "earlier-journey", Map.of(StepDownVariables.CONTINGENCY_PLAN.name(), CONTINGENCY_PLAN)));
    childRecord.record(ChildEvent.of(childRef, journeyEnded, ChildEvent.Kind.JOURNEY_ENDED, null,
        StepDownVariables.PROCESS_KEY, "earlier-journey", Map.of("reason", "Case closed")));
    return this;
  }

  /** What the child-level API sends when no step-down journey is running. */
  Map<String, Object> concern(String kind) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CHILD_REF.name(), childRef);
    variables.put(CONCERN_KIND.name(), kind);
    variables.put(CONCERN_SUMMARY.name(), "School reports the children have missed eight days this month");
    variables.put(RAISED_BY.name(), TestStaff.WORKER);
    variables.put(ALLOCATED_WORKER.name(), TestStaff.WORKER);
    variables.put(TEAM_MANAGER.name(), TestStaff.TEAM_MANAGER);
    variables.put(IRO.name(), TestStaff.IRO);
    return variables;
  }

  ConcernReviewDriver raised(String kind) {
    review = engine.getRuntimeService().createMessageCorrelation(MESSAGE_CONCERN_RAISED)
        .processInstanceBusinessKey(childRef)
        .setVariables(concern(kind))
        .correlateStartMessage();
    return this;
  }

  ConcernReviewDriver decide(String taskKey, String decision) {
    complete(taskKey, Map.of(CONCERN_DECISION.name(), decision, CONCERN_DECISION_REASONS.name(), "Read against the contingency plan",
        CONCERN_ACTIONS.name(), "Visit within two days"));
    return this;
  }

  ConcernReviewDriver recordStrategyDiscussion(LocalDate held) {
    complete("Task_RecordStrategyDiscussionOutcome", Map.of(STRATEGY_DISCUSSION_DATE.name(), held.toString(), SECTION_47_DECIDED.name(), "YES",
        STRATEGY_DISCUSSION_SUMMARY.name(), "Neglect has returned; a section 47 enquiry starts today"));
    return this;
  }

  ConcernReviewDriver chase(String taskKey) {
    complete(taskKey, Map.of(CHASE_ACTIONS.name(), "Spoke to the team manager; decision by noon"));
    return this;
  }

  ConcernReviewDriver changed(String role, String newHolder) {
    Map<String, Object> message = new HashMap<>();
    message.put(HandOverToTheNewHolder.CHANGED_ROLE.name(), role);
    message.put(HandOverToTheNewHolder.NEW_HOLDER.name(), newHolder);
    engine.getRuntimeService().createMessageCorrelation(ChildWorkerChanges.MESSAGE_WORKER_CHANGED)
        .processInstanceId(review.getId())
        .setVariablesLocal(message)
        .correlateWithResult();
    return this;
  }

  Object variable(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(review.getId())
        .variableName(name).singleResult().getValue();
  }

  static LocalDate today() {
    return EngineClock.today();
  }

  @Override
  protected String processInstanceId() {
    return review.getId();
  }
}
