package org.safeguardingworkflows.repeaticpc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.safeguardingworkflows.platform.VariableValues;

/**
 * The variables of the discussion before a repeat ICPC: every name the diagram, the forms, the delegates, the API
 * and the audit report use, in one place, with typed reads for the values Java needs. A form field whose key is not
 * named here fails the model checks.
 */
public final class RepeatIcpcVariables {

  public static final String PROCESS_KEY = "repeatIcpcPreMeeting";
  public static final String MESSAGE_PROPOSED = "RepeatIcpcProposed";
  public static final String MESSAGE_CONFERENCE_OUTCOME = "ConferenceOutcomeRecorded";
  public static final String MESSAGE_LEGAL_PLANNING = "LegalPlanningRequested";

  // Started with (API, Tasklist start form, or the RepeatIcpcProposed message from a step-down journey)
  public static final String CHILD_REF = "childRef";
  public static final String STRATEGY_DISCUSSION_DATE = "strategyDiscussionDate";
  public static final String CATEGORY_OF_ABUSE = "categoryOfAbuse";
  public static final String CONCERNS_SUMMARY = "concernsSummary";
  public static final String PROPOSED_BY = "proposedBy";
  public static final String ORIGIN_PROCESS_INSTANCE_ID = "originProcessInstanceId";
  public static final String ORIGIN_PROCESS_KEY = "originProcessKey";
  // An earlier plan held by another local authority, declared with the proposal (optional; all three or none)
  public static final String EARLIER_PLAN_AUTHORITY = "earlierPlanAuthority";
  public static final String EARLIER_PLAN_START = "earlierPlanStart";
  public static final String EARLIER_PLAN_END = "earlierPlanEnd";
  // Assembled from the child's history
  public static final String PREVIOUS_PLANS = "previousPlans";
  public static final String NUMBER_OF_PREVIOUS_PLANS = "numberOfPreviousPlans";
  public static final String LAST_PLAN_END_DATE = "lastPlanEndDate";
  public static final String MONTHS_SINCE_LAST_PLAN = "monthsSinceLastPlan";
  public static final String WITHIN_TWO_YEARS = "withinTwoYears";
  public static final String PREVIOUS_IRO = "previousIro";
  public static final String CONTINUITY_IRO = "continuityIro";
  public static final String LAST_STEP_DOWN_INSTANCE_ID = "lastStepDownInstanceId";
  public static final String LAST_CONTINGENCY_PLAN = "lastContingencyPlan";
  public static final String LAST_STEP_DOWN_CONCERNS = "lastStepDownConcerns";
  public static final String WORKER_CHANGES_DURING_STEP_DOWN = "workerChangesDuringStepDown";
  public static final String ICPC_DEADLINE = "icpcDeadline";
  public static final String DISCUSSION_DEADLINE = "discussionDeadline";
  // History summary (social worker)
  public static final String PREVIOUS_PLAN_REASONS = "previousPlanReasons";
  public static final String WHAT_WAS_NOT_SUSTAINED = "whatWasNotSustained";
  public static final String WHAT_IS_DIFFERENT_NOW = "whatIsDifferentNow";
  public static final String SUMMARY_CHASE_ACTION = "summaryChaseAction";
  // The four views (threshold, recommended framework, reasons, and who gave it)
  public static final String TEAM_MANAGER_THRESHOLD = "teamManagerThreshold";
  public static final String TEAM_MANAGER_FRAMEWORK = "teamManagerFramework";
  public static final String TEAM_MANAGER_REASONS = "teamManagerReasons";
  public static final String TEAM_MANAGER_VIEW_BY = "teamManagerViewBy";
  public static final String SENIOR_MANAGER_THRESHOLD = "seniorManagerThreshold";
  public static final String SENIOR_MANAGER_FRAMEWORK = "seniorManagerFramework";
  public static final String SENIOR_MANAGER_REASONS = "seniorManagerReasons";
  public static final String SENIOR_MANAGER_VIEW_BY = "seniorManagerViewBy";
  public static final String IRO_THRESHOLD = "iroThreshold";
  public static final String IRO_FRAMEWORK = "iroFramework";
  public static final String IRO_REASONS = "iroReasons";
  public static final String IRO_VIEW_BY = "iroViewBy";
  public static final String LEGAL_THRESHOLD = "legalThreshold";
  public static final String LEGAL_FRAMEWORK = "legalFramework";
  public static final String LEGAL_REASONS = "legalReasons";
  public static final String LEGAL_VIEW_BY = "legalViewBy";
  // Legal's own questions (issue 15): proceedings threshold, pre-proceedings, legal planning meeting needed by
  public static final String LEGAL_PROCEEDINGS_THRESHOLD = "legalProceedingsThreshold";
  public static final String LEGAL_PLO_RECOMMENDED = "legalPloRecommended";
  public static final String LEGAL_PLANNING_MEETING_BY = "legalPlanningMeetingBy";
  // Chasing missing views, and the deadline override
  public static final String CHASE_DECISION = "chaseDecision";
  public static final String CHASE_NOTES = "chaseNotes";
  public static final String OVERRIDE_REASONS = "overrideReasons";
  public static final String OVERRIDE_BY = "overrideBy";
  public static final String OVERRIDE_DATE = "overrideDate";
  public static final String VIEWS_MISSING_AT_OVERRIDE = "viewsMissingAtOverride";
  public static final String OVERRIDE_USED = "overrideUsed";
  public static final String FOUR_PARTY_DISCUSSION_COMPLETE = "fourPartyDiscussionComplete";
  // Joint decision (senior manager)
  public static final String DECISION = "decision";
  public static final String ALTERNATIVES_CONSIDERED = "alternativesConsidered";
  public static final String DECISION_REASONS = "decisionReasons";
  public static final String WHAT_WILL_BE_DIFFERENT = "whatWillBeDifferent";
  public static final String DECISION_BY = "decisionBy";
  public static final String DECISION_DATE = "decisionDate";
  // Scheduling the ICPC (conference coordinators)
  public static final String CONFERENCE_DATE = "conferenceDate";
  public static final String CHAIR = "chair";
  public static final String DIFFERENT_CHAIR_REASON = "differentChairReason";
  public static final String LATE_CONFERENCE_REASON = "lateConferenceReason";
  public static final String PREVIOUS_IRO_CHAIRS = "previousIroChairs";
  // Conference outcome (the coordinator's task, or the ConferenceOutcomeRecorded message from the API)
  public static final String CONFERENCE_DECISION = "conferenceDecision";
  public static final String PLAN_MADE = "planMade";
  public static final String PLAN_START_DATE = "planStartDate";
  public static final String OUTCOME_RECORDED_BY = "outcomeRecordedBy";
  // The child's social worker while the proposal is open (the proposing worker at first; a worker change moves it)
  public static final String ALLOCATED_WORKER = "allocatedWorker";
  // The child's IRO now: the last plan's IRO while still an IRO at first; an IRO change names the new one
  public static final String CHILD_IRO = "iro";
  // A change of the child's worker, team manager or IRO (WorkerChanged message, children/HandOverToTheNewHolder)
  public static final String CHANGED_ROLE = "changedRole";
  public static final String NEW_HOLDER = "newHolder";
  public static final String NEW_WORKER = "newWorker";
  public static final String PREVIOUS_WORKER = "previousWorker";
  public static final String WORKER_CHANGES = "workerChanges";
  public static final String HANDOVER_HISTORY_READ = "handoverHistoryRead";
  public static final String HANDOVER_NOTE = "handoverNote";
  // Link to the legal planning tracker (set by startLinkedProcess)
  public static final String LEGAL_PLANNING_REQUESTED_INSTANCE_ID = "legalPlanningRequestedInstanceId";
  // Input parameters of the "Request legal planning" throw event (local to it, passed to the tracker)
  public static final String LEGAL_REASON = "reason";
  public static final String LEGAL_RECOMMENDED_BY = "recommendedBy";
  public static final String LEGAL_ORIGIN = "origin";

  /** Keys inside the items of list variables (plan history, contingency plan, concerns, plan reasons, alternatives). */
  public static final Set<String> LIST_ITEM_KEYS = Set.of(
      "planStart", "planEnd", "initialCategory", "latestCategory", "iro", "stepDownDestination", "stepDownOutcome",
      "trigger", "response", "whoActs",
      "raisedOn", "kind", "summary", "reviewDecision", "reviewReasons", "agreedActions",
      "plan", "reasons", "workAfterPlan",
      "framework", "whyNotChosen");

  private RepeatIcpcVariables() {
  }

  /** Every variable name of the process. */
  public static Set<String> names() {
    return VariableValues.names(RepeatIcpcVariables.class);
  }

  public static String text(VariableScope scope, String name) {
    return VariableValues.text(scope, name);
  }

  public static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value == null ? null : value.toString();
  }

  public static LocalDate date(VariableScope scope, String name) {
    return VariableValues.date(scope, name);
  }

  public static boolean filled(Object value) {
    return value != null && !value.toString().isBlank();
  }

  /** A list variable as plain maps, whether stored as Spin JSON (Tasklist, REST, this application) or a Java list. */
  public static List<Map<String, Object>> list(VariableScope scope, String name) {
    return rows(scope.getVariable(name));
  }

  /** A list value as plain maps (see {@link #list(VariableScope, String)}). */
  public static List<Map<String, Object>> rows(Object value) {
    return VariableValues.rows(value);
  }
}
