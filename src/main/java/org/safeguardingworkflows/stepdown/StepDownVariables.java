package org.safeguardingworkflows.stepdown;

import org.safeguardingworkflows.platform.ProcessVariable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The step-down journey's variables: every name the diagram, the forms, the delegates and the tests use, in
 * one place, with typed reads for the values Java needs. A form field whose key is not named here fails the
 * model checks.
 */
public final class StepDownVariables {

  public static final String PROCESS_KEY = "stepDownFromProtection";
  public static final String MESSAGE_CONCERN_REPORTED = "ConcernReported";
  public static final String MESSAGE_WORKER_CHANGED = "WorkerChanged";
  /** A new CP plan for the child ends the journey (correlated by business key, with {@code newPlanStartDate}). */
  public static final String MESSAGE_NEW_PLAN_MADE = "NewPlanMade";

  /** The diagram's elements the Java code names (the model test checks each is in the diagram). */
  public static final class Elements {
    public static final String HOLD_STEP_DOWN_MEETING = "Task_HoldStepDownMeeting";
    public static final String HOLD_MANAGEMENT_SUPERVISION = "Task_HoldManagementSupervision";
    public static final String REVIEW_CIN_SERVICES = "Task_ReviewCinServices";
    public static final String WATCH_PERIOD = "SubProcess_WatchPeriod";
    public static final String SUPERVISION_DUE = "Event_SupervisionDue";
    public static final String REVIEW_DUE = "Event_ReviewDue";
    public static final String WATCH_PERIOD_ENDS = "Event_WatchPeriodEnds";

    private Elements() {
    }
  }

  // Started with
  public static final ProcessVariable<String> CHILD_REF = ProcessVariable.text("childRef");
  public static final ProcessVariable<LocalDate> PLAN_START_DATE = ProcessVariable.date("planStartDate");
  public static final ProcessVariable<LocalDate> PLAN_END_DATE = ProcessVariable.date("planEndDate");
  public static final ProcessVariable<String> CATEGORY_OF_ABUSE = ProcessVariable.text("categoryOfAbuse");
  public static final ProcessVariable<String> DESTINATION = ProcessVariable.text("destination");
  public static final ProcessVariable<String> ALLOCATED_WORKER = ProcessVariable.text("allocatedWorker");
  public static final ProcessVariable<String> TEAM_MANAGER = ProcessVariable.text("teamManager");
  public static final ProcessVariable<String> IRO = ProcessVariable.text("iro");
  // Kept by the process
  public static final ProcessVariable<Integer> WORKER_CHANGES = ProcessVariable.number("workerChanges");
  public static final ProcessVariable<String> PREVIOUS_WORKER = ProcessVariable.text("previousWorker");
  public static final ProcessVariable<String> JOURNEY_OUTCOME = ProcessVariable.text("journeyOutcome");
  // The watch period's last day, and when the next supervision and CIN review fall due (ISO dates, local to the
  // watch period and to each loop: set when it starts, then by each supervision or review from its "next date")
  public static final ProcessVariable<LocalDate> WATCH_PERIOD_ENDS_ON = ProcessVariable.date("watchPeriodEndsOn");
  public static final ProcessVariable<LocalDate> SUPERVISION_DUE_ON = ProcessVariable.date("supervisionDueOn");
  public static final ProcessVariable<LocalDate> REVIEW_DUE_ON = ProcessVariable.date("reviewDueOn");
  // Each re-emergence check instance's own period (local to it)
  public static final ProcessVariable<String> RE_EMERGENCE_CHECK_AFTER = ProcessVariable.text("reEmergenceCheckAfter");
  // A new plan made during the journey (local to the "New child protection plan made" event sub-process)
  public static final ProcessVariable<LocalDate> NEW_PLAN_START_DATE = ProcessVariable.date("newPlanStartDate");
  // Step-down meeting
  public static final ProcessVariable<LocalDate> MEETING_DATE = ProcessVariable.date("meetingDate");
  public static final ProcessVariable<String> WHAT_CHANGED = ProcessVariable.text("whatChanged");
  public static final ProcessVariable<String> EVIDENCE_OF_CHANGE = ProcessVariable.text("evidenceOfChange");
  public static final ProcessVariable<List<Map<String, Object>>> SERVICES = ProcessVariable.rows("services");
  public static final ProcessVariable<String> CHILD_VIEWS = ProcessVariable.text("childViews");
  public static final ProcessVariable<String> FAMILY_VIEWS = ProcessVariable.text("familyViews");
  public static final ProcessVariable<String> AGENCY_VIEWS = ProcessVariable.text("agencyViews");
  public static final ProcessVariable<List<Map<String, Object>>> CONTINGENCY_PLAN = ProcessVariable.rows("contingencyPlan");
  public static final ProcessVariable<Boolean> FAMILY_TOLD_OF_CONTINGENCY = ProcessVariable.bool("familyToldOfContingency");
  // Approvals
  public static final ProcessVariable<String> STEP_DOWN_DECISION = ProcessVariable.text("stepDownDecision");
  public static final ProcessVariable<String> STEP_DOWN_DECISION_REASONS = ProcessVariable.text("stepDownDecisionReasons");
  public static final ProcessVariable<String> EARLY_CLOSURE_DECISION = ProcessVariable.text("earlyClosureDecision");
  public static final ProcessVariable<String> EARLY_CLOSURE_REASONS = ProcessVariable.text("earlyClosureReasons");
  // Management supervision
  public static final ProcessVariable<String> SUPERVISION_ENGAGEMENT = ProcessVariable.text("supervisionEngagement");
  public static final ProcessVariable<String> SUPERVISION_DIFFICULTIES_REEMERGING = ProcessVariable.text("supervisionDifficultiesReemerging");
  public static final ProcessVariable<String> SUPERVISION_SAME_WORKER = ProcessVariable.text("supervisionSameWorker");
  public static final ProcessVariable<String> SUPERVISION_ACTIONS = ProcessVariable.text("supervisionActions");
  public static final ProcessVariable<LocalDate> SUPERVISION_HELD_ON = ProcessVariable.date("supervisionHeldOn");
  public static final ProcessVariable<LocalDate> NEXT_SUPERVISION_ON = ProcessVariable.date("nextSupervisionOn");
  // CIN services review
  public static final ProcessVariable<List<Map<String, Object>>> SERVICE_REVIEWS = ProcessVariable.rows("serviceReviews");
  public static final ProcessVariable<String> REVIEW_OVERALL_PROGRESS = ProcessVariable.text("reviewOverallProgress");
  public static final ProcessVariable<String> REVIEW_ENGAGEMENT = ProcessVariable.text("reviewEngagement");
  public static final ProcessVariable<String> REVIEW_DIFFICULTIES_REEMERGING = ProcessVariable.text("reviewDifficultiesReemerging");
  public static final ProcessVariable<LocalDate> REVIEW_HELD_ON = ProcessVariable.date("reviewHeldOn");
  public static final ProcessVariable<LocalDate> NEXT_REVIEW_ON = ProcessVariable.date("nextReviewOn");
  // Chasing overdue work
  public static final ProcessVariable<String> CHASE_ACTION = ProcessVariable.text("chaseAction");
  // Impact review at the end of the watch period
  public static final ProcessVariable<String> IMPACT_DECISION = ProcessVariable.text("impactDecision");
  public static final ProcessVariable<String> IMPACT_REASONS = ProcessVariable.text("impactReasons");
  // Closure meeting and early help
  public static final ProcessVariable<LocalDate> CLOSURE_MEETING_DATE = ProcessVariable.date("closureMeetingDate");
  public static final ProcessVariable<String> CLOSURE_CHILD_VIEWS = ProcessVariable.text("closureChildViews");
  public static final ProcessVariable<String> FAMILY_CONTACT = ProcessVariable.text("familyContact");
  public static final ProcessVariable<String> EARLY_HELP_WORKER = ProcessVariable.text("earlyHelpWorker");
  public static final ProcessVariable<String> CONTINGENCY_AFTER_CLOSURE = ProcessVariable.text("contingencyAfterClosure");
  public static final ProcessVariable<String> EARLY_HELP_ENGAGEMENT = ProcessVariable.text("earlyHelpEngagement");
  public static final ProcessVariable<String> EARLY_HELP_NOTES = ProcessVariable.text("earlyHelpNotes");
  // Re-emergence checks with the partner agencies after closure or early help
  public static final ProcessVariable<List<String>> RE_EMERGENCE_AGENCIES_ASKED = ProcessVariable.choices("reEmergenceAgenciesAsked");
  public static final ProcessVariable<String> RE_EMERGENCE_FOUND = ProcessVariable.text("reEmergenceFound");
  public static final ProcessVariable<String> RE_EMERGENCE_NOTES = ProcessVariable.text("reEmergenceNotes");
  // Contingency review (concernKind and concernSummary are local to the review)
  public static final ProcessVariable<String> CONCERN_KIND = ProcessVariable.text("concernKind");
  public static final ProcessVariable<String> CONCERN_SUMMARY = ProcessVariable.text("concernSummary");
  public static final ProcessVariable<String> CONTINGENCY_DECISION = ProcessVariable.text("contingencyDecision");
  public static final ProcessVariable<String> CONTINGENCY_REASONS = ProcessVariable.text("contingencyReasons");
  public static final ProcessVariable<String> AGREED_ACTIONS = ProcessVariable.text("agreedActions");
  // Strategy discussion outcome (a repeat ICPC proposal starts the linked repeatIcpcPreMeeting process)
  public static final ProcessVariable<LocalDate> STRATEGY_DISCUSSION_DATE = ProcessVariable.date("strategyDiscussionDate");
  public static final ProcessVariable<String> SECTION_47_DECIDED = ProcessVariable.text("section47Decided");
  public static final ProcessVariable<String> STRATEGY_DISCUSSION_SUMMARY = ProcessVariable.text("strategyDiscussionSummary");
  public static final ProcessVariable<String> REPEAT_ICPC_PROPOSED = ProcessVariable.text("repeatIcpcProposed");
  public static final ProcessVariable<String> REPEAT_ICPC_PROPOSED_INSTANCE_ID = ProcessVariable.text("repeatIcpcProposedInstanceId");
  // Handover (changedRole, newHolder and newWorker are local to the "Worker changed" event sub-process)
  public static final ProcessVariable<String> CHANGED_ROLE = ProcessVariable.text("changedRole");
  public static final ProcessVariable<String> NEW_HOLDER = ProcessVariable.text("newHolder");
  public static final ProcessVariable<String> NEW_WORKER = ProcessVariable.text("newWorker");
  public static final ProcessVariable<Boolean> HANDOVER_HISTORY_READ = ProcessVariable.bool("handoverHistoryRead");
  public static final ProcessVariable<String> HANDOVER_PLAN = ProcessVariable.text("handoverPlan");
  public static final ProcessVariable<Boolean> HANDOVER_CONFIRMED = ProcessVariable.bool("handoverConfirmed");
  public static final ProcessVariable<String> HANDOVER_MANAGER_NOTES = ProcessVariable.text("handoverManagerNotes");

  /** Keys inside the items of list variables (services, contingency plan, service reviews). */
  public static final Set<String> LIST_ITEM_KEYS = Set.of("provider", "purpose", "trigger", "response", "whoActs", "heldBy", "attended", "impact");

  /** The partner agencies that can hold a contingency plan (the {@code heldBy} of each of its rows). */
  public static final Set<String> PARTNER_AGENCIES = Set.of("SCHOOL", "HEALTH", "POLICE", "EARLY_HELP", "OTHER");

  private StepDownVariables() {
  }

  /** Every variable name of the journey. */
  public static Set<String> names() {
    return ProcessVariable.namesIn(StepDownVariables.class);
  }

}
