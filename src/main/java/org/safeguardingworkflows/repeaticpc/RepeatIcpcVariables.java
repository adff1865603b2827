package org.safeguardingworkflows.repeaticpc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguardingworkflows.platform.ProcessVariable;

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

  /** The diagram's elements the Java code names (the model test checks each is in the diagram). */
  public static final class Elements {
    public static final String FOUR_PARTY_DISCUSSION = "SubProcess_FourPartyDiscussion";
    public static final String TEAM_MANAGER_VIEW = "Task_TeamManagerView";
    public static final String SENIOR_MANAGER_VIEW = "Task_SeniorManagerView";
    public static final String IRO_VIEW = "Task_IroView";
    public static final String LEGAL_VIEW = "Task_LegalView";
    public static final String CHASE_HISTORY_SUMMARY = "Task_ChaseHistorySummary";
    public static final String RECORD_DEADLINE_OVERRIDE = "Task_RecordDeadlineOverride";
    public static final String CONFERENCE_OUTCOME_RECORDED = "Event_ConferenceOutcomeRecorded";

    private Elements() {
    }
  }

  // Started with (API, Tasklist start form, or the RepeatIcpcProposed message from a step-down journey)
  public static final ProcessVariable<String> CHILD_REF = ProcessVariable.text("childRef");
  public static final ProcessVariable<LocalDate> STRATEGY_DISCUSSION_DATE = ProcessVariable.date("strategyDiscussionDate");
  public static final ProcessVariable<String> CATEGORY_OF_ABUSE = ProcessVariable.text("categoryOfAbuse");
  public static final ProcessVariable<String> CONCERNS_SUMMARY = ProcessVariable.text("concernsSummary");
  public static final ProcessVariable<String> PROPOSED_BY = ProcessVariable.text("proposedBy");
  public static final ProcessVariable<String> ORIGIN_PROCESS_INSTANCE_ID = ProcessVariable.text("originProcessInstanceId");
  public static final ProcessVariable<String> ORIGIN_PROCESS_KEY = ProcessVariable.text("originProcessKey");
  // An earlier plan held by another local authority, declared with the proposal (optional; all three or none)
  public static final ProcessVariable<String> EARLIER_PLAN_AUTHORITY = ProcessVariable.text("earlierPlanAuthority");
  public static final ProcessVariable<LocalDate> EARLIER_PLAN_START = ProcessVariable.date("earlierPlanStart");
  public static final ProcessVariable<LocalDate> EARLIER_PLAN_END = ProcessVariable.date("earlierPlanEnd");
  // Assembled from the child's history
  public static final ProcessVariable<List<Map<String, Object>>> PREVIOUS_PLANS = ProcessVariable.rows("previousPlans");
  public static final ProcessVariable<Integer> NUMBER_OF_PREVIOUS_PLANS = ProcessVariable.number("numberOfPreviousPlans");
  public static final ProcessVariable<LocalDate> LAST_PLAN_END_DATE = ProcessVariable.date("lastPlanEndDate");
  public static final ProcessVariable<Integer> MONTHS_SINCE_LAST_PLAN = ProcessVariable.number("monthsSinceLastPlan");
  public static final ProcessVariable<Boolean> WITHIN_TWO_YEARS = ProcessVariable.bool("withinTwoYears");
  public static final ProcessVariable<String> PREVIOUS_IRO = ProcessVariable.text("previousIro");
  public static final ProcessVariable<String> CONTINUITY_IRO = ProcessVariable.text("continuityIro");
  public static final ProcessVariable<String> LAST_STEP_DOWN_INSTANCE_ID = ProcessVariable.text("lastStepDownInstanceId");
  public static final ProcessVariable<List<Map<String, Object>>> LAST_CONTINGENCY_PLAN = ProcessVariable.rows("lastContingencyPlan");
  public static final ProcessVariable<List<Map<String, Object>>> LAST_STEP_DOWN_CONCERNS = ProcessVariable.rows("lastStepDownConcerns");
  public static final ProcessVariable<Integer> WORKER_CHANGES_DURING_STEP_DOWN = ProcessVariable.number("workerChangesDuringStepDown");
  public static final ProcessVariable<LocalDate> ICPC_DEADLINE = ProcessVariable.date("icpcDeadline");
  public static final ProcessVariable<LocalDate> DISCUSSION_DEADLINE = ProcessVariable.date("discussionDeadline");
  // History summary (social worker)
  public static final ProcessVariable<List<Map<String, Object>>> PREVIOUS_PLAN_REASONS = ProcessVariable.rows("previousPlanReasons");
  public static final ProcessVariable<String> WHAT_WAS_NOT_SUSTAINED = ProcessVariable.text("whatWasNotSustained");
  public static final ProcessVariable<String> WHAT_IS_DIFFERENT_NOW = ProcessVariable.text("whatIsDifferentNow");
  public static final ProcessVariable<String> SUMMARY_CHASE_ACTION = ProcessVariable.text("summaryChaseAction");
  // The four views (threshold, recommended framework, reasons, and who gave it)
  public static final ProcessVariable<String> TEAM_MANAGER_THRESHOLD = ProcessVariable.text("teamManagerThreshold");
  public static final ProcessVariable<String> TEAM_MANAGER_FRAMEWORK = ProcessVariable.text("teamManagerFramework");
  public static final ProcessVariable<String> TEAM_MANAGER_REASONS = ProcessVariable.text("teamManagerReasons");
  public static final ProcessVariable<String> TEAM_MANAGER_VIEW_BY = ProcessVariable.text("teamManagerViewBy");
  public static final ProcessVariable<String> SENIOR_MANAGER_THRESHOLD = ProcessVariable.text("seniorManagerThreshold");
  public static final ProcessVariable<String> SENIOR_MANAGER_FRAMEWORK = ProcessVariable.text("seniorManagerFramework");
  public static final ProcessVariable<String> SENIOR_MANAGER_REASONS = ProcessVariable.text("seniorManagerReasons");
  public static final ProcessVariable<String> SENIOR_MANAGER_VIEW_BY = ProcessVariable.text("seniorManagerViewBy");
  public static final ProcessVariable<String> IRO_THRESHOLD = ProcessVariable.text("iroThreshold");
  public static final ProcessVariable<String> IRO_FRAMEWORK = ProcessVariable.text("iroFramework");
  public static final ProcessVariable<String> IRO_REASONS = ProcessVariable.text("iroReasons");
  public static final ProcessVariable<String> IRO_VIEW_BY = ProcessVariable.text("iroViewBy");
  public static final ProcessVariable<String> LEGAL_THRESHOLD = ProcessVariable.text("legalThreshold");
  public static final ProcessVariable<String> LEGAL_FRAMEWORK = ProcessVariable.text("legalFramework");
  public static final ProcessVariable<String> LEGAL_REASONS = ProcessVariable.text("legalReasons");
  public static final ProcessVariable<String> LEGAL_VIEW_BY = ProcessVariable.text("legalViewBy");
  // Legal's own questions (issue 15): proceedings threshold, pre-proceedings, legal planning meeting needed by
  public static final ProcessVariable<String> LEGAL_PROCEEDINGS_THRESHOLD = ProcessVariable.text("legalProceedingsThreshold");
  public static final ProcessVariable<String> LEGAL_PLO_RECOMMENDED = ProcessVariable.text("legalPloRecommended");
  public static final ProcessVariable<LocalDate> LEGAL_PLANNING_MEETING_BY = ProcessVariable.date("legalPlanningMeetingBy");
  // Chasing missing views, and the deadline override
  public static final ProcessVariable<String> CHASE_DECISION = ProcessVariable.text("chaseDecision");
  public static final ProcessVariable<String> CHASE_NOTES = ProcessVariable.text("chaseNotes");
  public static final ProcessVariable<String> OVERRIDE_REASONS = ProcessVariable.text("overrideReasons");
  public static final ProcessVariable<String> OVERRIDE_BY = ProcessVariable.text("overrideBy");
  public static final ProcessVariable<LocalDate> OVERRIDE_DATE = ProcessVariable.date("overrideDate");
  public static final ProcessVariable<List<String>> VIEWS_MISSING_AT_OVERRIDE = ProcessVariable.choices("viewsMissingAtOverride");
  public static final ProcessVariable<Boolean> OVERRIDE_USED = ProcessVariable.bool("overrideUsed");
  public static final ProcessVariable<Boolean> FOUR_PARTY_DISCUSSION_COMPLETE = ProcessVariable.bool("fourPartyDiscussionComplete");
  // Joint decision (senior manager)
  public static final ProcessVariable<String> DECISION = ProcessVariable.text("decision");
  public static final ProcessVariable<List<Map<String, Object>>> ALTERNATIVES_CONSIDERED = ProcessVariable.rows("alternativesConsidered");
  public static final ProcessVariable<String> DECISION_REASONS = ProcessVariable.text("decisionReasons");
  public static final ProcessVariable<String> WHAT_WILL_BE_DIFFERENT = ProcessVariable.text("whatWillBeDifferent");
  public static final ProcessVariable<String> DECISION_BY = ProcessVariable.text("decisionBy");
  public static final ProcessVariable<LocalDate> DECISION_DATE = ProcessVariable.date("decisionDate");
  // Scheduling the ICPC (conference coordinators)
  public static final ProcessVariable<LocalDate> CONFERENCE_DATE = ProcessVariable.date("conferenceDate");
  public static final ProcessVariable<String> CHAIR = ProcessVariable.text("chair");
  public static final ProcessVariable<String> DIFFERENT_CHAIR_REASON = ProcessVariable.text("differentChairReason");
  public static final ProcessVariable<String> LATE_CONFERENCE_REASON = ProcessVariable.text("lateConferenceReason");
  public static final ProcessVariable<Boolean> PREVIOUS_IRO_CHAIRS = ProcessVariable.bool("previousIroChairs");
  // Conference outcome (the coordinator's task, or the ConferenceOutcomeRecorded message from the API)
  public static final ProcessVariable<String> CONFERENCE_DECISION = ProcessVariable.text("conferenceDecision");
  public static final ProcessVariable<Boolean> PLAN_MADE = ProcessVariable.bool("planMade");
  public static final ProcessVariable<LocalDate> PLAN_START_DATE = ProcessVariable.date("planStartDate");
  public static final ProcessVariable<String> OUTCOME_RECORDED_BY = ProcessVariable.text("outcomeRecordedBy");
  // The child's social worker while the proposal is open (the proposing worker at first; a worker change moves it)
  public static final ProcessVariable<String> ALLOCATED_WORKER = ProcessVariable.text("allocatedWorker");
  // The child's IRO now: the last plan's IRO while still an IRO at first; an IRO change names the new one
  public static final ProcessVariable<String> CHILD_IRO = ProcessVariable.text("iro");
  // A change of the child's worker, team manager or IRO (WorkerChanged message, children/HandOverToTheNewHolder)
  public static final ProcessVariable<String> CHANGED_ROLE = ProcessVariable.text("changedRole");
  public static final ProcessVariable<String> NEW_HOLDER = ProcessVariable.text("newHolder");
  public static final ProcessVariable<String> NEW_WORKER = ProcessVariable.text("newWorker");
  public static final ProcessVariable<String> PREVIOUS_WORKER = ProcessVariable.text("previousWorker");
  public static final ProcessVariable<Integer> WORKER_CHANGES = ProcessVariable.number("workerChanges");
  public static final ProcessVariable<Boolean> HANDOVER_HISTORY_READ = ProcessVariable.bool("handoverHistoryRead");
  public static final ProcessVariable<String> HANDOVER_NOTE = ProcessVariable.text("handoverNote");
  // Link to the legal planning tracker (set by startLinkedProcess)
  public static final ProcessVariable<String> LEGAL_PLANNING_REQUESTED_INSTANCE_ID = ProcessVariable.text("legalPlanningRequestedInstanceId");
  // Input parameters of the "Request legal planning" throw event (local to it, passed to the tracker)
  public static final ProcessVariable<String> LEGAL_REASON = ProcessVariable.text("reason");
  public static final ProcessVariable<String> LEGAL_RECOMMENDED_BY = ProcessVariable.text("recommendedBy");
  public static final ProcessVariable<String> LEGAL_ORIGIN = ProcessVariable.text("origin");

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
    return ProcessVariable.namesIn(RepeatIcpcVariables.class);
  }

  public static boolean filled(Object value) {
    return value != null && !value.toString().isBlank();
  }

}
