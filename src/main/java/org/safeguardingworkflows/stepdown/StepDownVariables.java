package org.safeguardingworkflows.stepdown;

import org.safeguardingworkflows.platform.VariableValues;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

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

  // Started with
  public static final String CHILD_REF = "childRef";
  public static final String PLAN_START_DATE = "planStartDate";
  public static final String PLAN_END_DATE = "planEndDate";
  public static final String CATEGORY_OF_ABUSE = "categoryOfAbuse";
  public static final String DESTINATION = "destination";
  public static final String ALLOCATED_WORKER = "allocatedWorker";
  public static final String TEAM_MANAGER = "teamManager";
  public static final String IRO = "iro";
  // Kept by the process
  public static final String WORKER_CHANGES = "workerChanges";
  public static final String PREVIOUS_WORKER = "previousWorker";
  public static final String JOURNEY_OUTCOME = "journeyOutcome";
  // The watch period's last day, and when the next supervision and CIN review fall due (ISO dates, local to the
  // watch period and to each loop: set when it starts, then by each supervision or review from its "next date")
  public static final String WATCH_PERIOD_ENDS_ON = "watchPeriodEndsOn";
  public static final String SUPERVISION_DUE_ON = "supervisionDueOn";
  public static final String REVIEW_DUE_ON = "reviewDueOn";
  // Each re-emergence check instance's own period (local to it)
  public static final String RE_EMERGENCE_CHECK_AFTER = "reEmergenceCheckAfter";
  // A new plan made during the journey (local to the "New child protection plan made" event sub-process)
  public static final String NEW_PLAN_START_DATE = "newPlanStartDate";
  // Step-down meeting
  public static final String MEETING_DATE = "meetingDate";
  public static final String WHAT_CHANGED = "whatChanged";
  public static final String EVIDENCE_OF_CHANGE = "evidenceOfChange";
  public static final String SERVICES = "services";
  public static final String CHILD_VIEWS = "childViews";
  public static final String FAMILY_VIEWS = "familyViews";
  public static final String AGENCY_VIEWS = "agencyViews";
  public static final String CONTINGENCY_PLAN = "contingencyPlan";
  public static final String FAMILY_TOLD_OF_CONTINGENCY = "familyToldOfContingency";
  // Approvals
  public static final String STEP_DOWN_DECISION = "stepDownDecision";
  public static final String STEP_DOWN_DECISION_REASONS = "stepDownDecisionReasons";
  public static final String EARLY_CLOSURE_DECISION = "earlyClosureDecision";
  public static final String EARLY_CLOSURE_REASONS = "earlyClosureReasons";
  // Management supervision
  public static final String SUPERVISION_ENGAGEMENT = "supervisionEngagement";
  public static final String SUPERVISION_DIFFICULTIES_REEMERGING = "supervisionDifficultiesReemerging";
  public static final String SUPERVISION_SAME_WORKER = "supervisionSameWorker";
  public static final String SUPERVISION_ACTIONS = "supervisionActions";
  public static final String SUPERVISION_HELD_ON = "supervisionHeldOn";
  public static final String NEXT_SUPERVISION_ON = "nextSupervisionOn";
  // CIN services review
  public static final String SERVICE_REVIEWS = "serviceReviews";
  public static final String REVIEW_OVERALL_PROGRESS = "reviewOverallProgress";
  public static final String REVIEW_ENGAGEMENT = "reviewEngagement";
  public static final String REVIEW_DIFFICULTIES_REEMERGING = "reviewDifficultiesReemerging";
  public static final String REVIEW_HELD_ON = "reviewHeldOn";
  public static final String NEXT_REVIEW_ON = "nextReviewOn";
  // Chasing overdue work
  public static final String CHASE_ACTION = "chaseAction";
  // Impact review at the end of the watch period
  public static final String IMPACT_DECISION = "impactDecision";
  public static final String IMPACT_REASONS = "impactReasons";
  // Closure meeting and early help
  public static final String CLOSURE_MEETING_DATE = "closureMeetingDate";
  public static final String CLOSURE_CHILD_VIEWS = "closureChildViews";
  public static final String FAMILY_CONTACT = "familyContact";
  public static final String EARLY_HELP_WORKER = "earlyHelpWorker";
  public static final String CONTINGENCY_AFTER_CLOSURE = "contingencyAfterClosure";
  public static final String EARLY_HELP_ENGAGEMENT = "earlyHelpEngagement";
  public static final String EARLY_HELP_NOTES = "earlyHelpNotes";
  // Re-emergence checks with the partner agencies after closure or early help
  public static final String RE_EMERGENCE_AGENCIES_ASKED = "reEmergenceAgenciesAsked";
  public static final String RE_EMERGENCE_FOUND = "reEmergenceFound";
  public static final String RE_EMERGENCE_NOTES = "reEmergenceNotes";
  // Contingency review (concernKind and concernSummary are local to the review)
  public static final String CONCERN_KIND = "concernKind";
  public static final String CONCERN_SUMMARY = "concernSummary";
  public static final String CONTINGENCY_DECISION = "contingencyDecision";
  public static final String CONTINGENCY_REASONS = "contingencyReasons";
  public static final String AGREED_ACTIONS = "agreedActions";
  // Strategy discussion outcome (a repeat ICPC proposal starts the linked repeatIcpcPreMeeting process)
  public static final String STRATEGY_DISCUSSION_DATE = "strategyDiscussionDate";
  public static final String SECTION_47_DECIDED = "section47Decided";
  public static final String STRATEGY_DISCUSSION_SUMMARY = "strategyDiscussionSummary";
  public static final String REPEAT_ICPC_PROPOSED = "repeatIcpcProposed";
  public static final String REPEAT_ICPC_PROPOSED_INSTANCE_ID = "repeatIcpcProposedInstanceId";
  // Handover (changedRole, newHolder and newWorker are local to the "Worker changed" event sub-process)
  public static final String CHANGED_ROLE = "changedRole";
  public static final String NEW_HOLDER = "newHolder";
  public static final String NEW_WORKER = "newWorker";
  public static final String HANDOVER_HISTORY_READ = "handoverHistoryRead";
  public static final String HANDOVER_PLAN = "handoverPlan";
  public static final String HANDOVER_CONFIRMED = "handoverConfirmed";
  public static final String HANDOVER_MANAGER_NOTES = "handoverManagerNotes";

  /** Keys inside the items of list variables (services, contingency plan, service reviews). */
  public static final Set<String> LIST_ITEM_KEYS = Set.of("provider", "purpose", "trigger", "response", "whoActs", "heldBy", "attended", "impact");

  /** The partner agencies that can hold a contingency plan (the {@code heldBy} of each of its rows). */
  public static final Set<String> PARTNER_AGENCIES = Set.of("SCHOOL", "HEALTH", "POLICE", "EARLY_HELP", "OTHER");

  private StepDownVariables() {
  }

  /** Every variable name of the journey. */
  public static Set<String> names() {
    return VariableValues.names(StepDownVariables.class);
  }

  public static String text(VariableScope scope, String name) {
    return VariableValues.text(scope, name);
  }

  public static LocalDate date(VariableScope scope, String name) {
    return VariableValues.date(scope, name);
  }

  /**
   * A list variable as plain maps, whether it was stored as Spin JSON (Tasklist, REST) or as a Java list.
   */
  public static List<Map<String, Object>> list(VariableScope scope, String name) {
    return rows(scope.getVariable(name));
  }

  /** A list value as plain maps (see {@link #list(VariableScope, String)}). */
  public static List<Map<String, Object>> rows(Object value) {
    return VariableValues.rows(value);
  }

}
