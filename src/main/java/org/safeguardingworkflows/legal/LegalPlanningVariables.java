package org.safeguardingworkflows.legal;

import org.safeguardingworkflows.platform.VariableValues;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The legal planning process's variables: every name the diagram, the forms, the delegates, the API and the
 * audit report use, in one place. A form field whose key is not named here fails the model checks. Dates are
 * ISO strings ({@code yyyy-MM-dd}), as in every process of this service.
 */
public final class LegalPlanningVariables {

  public static final String PROCESS_KEY = "legalPlanning";
  /** The message other processes throw to start legal planning for the same child (see StartLinkedProcess). */
  public static final String MESSAGE_LEGAL_PLANNING_REQUESTED = "LegalPlanningRequested";
  public static final String MESSAGE_WORKER_CHANGED = "WorkerChanged";

  /** Where a recommendation came from. */
  public enum Origin { STEP_DOWN, REPEAT_ICPC, SUPERVISION_ORDER, DIRECT }

  /** What the legal planning meeting decided. */
  public enum Outcome { CONTINUE_CURRENT_PLAN, PRE_PROCEEDINGS, ISSUE_PROCEEDINGS }

  /** What the team manager decides when a continued plan reaches its review date. */
  public enum PlanReviewDecision { CONTINUE_CURRENT_PLAN, ESCALATE_TO_PRE_PROCEEDINGS }

  /** What was decided in pre-proceedings (the Public Law Outline). */
  public enum PloDecision { CONTINUE_PRE_PROCEEDINGS, STEP_DOWN_FROM_PLO, ISSUE_PROCEEDINGS }

  /** What a senior manager decides when pre-proceedings reach their time limit unresolved. */
  public enum ExtensionDecision { APPROVE_EXTENSION, STEP_DOWN_FROM_PLO, ISSUE_PROCEEDINGS }

  // The recommendation (start form, API, or the throw event of the process that recommended it)
  public static final String CHILD_REF = "childRef";
  public static final String REASON = "reason";
  public static final String RECOMMENDED_BY = "recommendedBy";
  public static final String ORIGIN = "origin";
  public static final String ALLOCATED_WORKER = "allocatedWorker";
  public static final String ORIGIN_PROCESS_INSTANCE_ID = "originProcessInstanceId";
  public static final String ORIGIN_PROCESS_KEY = "originProcessKey";
  /** The date the legal view said a legal planning meeting is needed by (ISO date; none when it gave none). */
  public static final String MEETING_NEEDED_BY = "meetingNeededBy";
  // Kept by the process
  public static final String REQUESTED_DATE = "requestedDate";
  public static final String MEETING_DUE_DATE = "meetingDueDate";
  public static final String WORKER_CHANGES = "workerChanges";
  public static final String PREVIOUS_WORKER = "previousWorker";
  public static final String PLO_START_DATE = "ploStartDate";
  public static final String PLO_DECISION_DUE_DATE = "ploDecisionDueDate";
  public static final String PLO_END_DATE = "ploEndDate";
  public static final String PLO_EXTENSIONS = "ploExtensions";
  // Legal planning meeting
  public static final String MEETING_DATE = "meetingDate";
  public static final String LEGAL_REPRESENTATIVE = "legalRepresentative";
  public static final String LEGAL_ADVICE = "legalAdvice";
  public static final String LEGAL_PLANNING_OUTCOME = "legalPlanningOutcome";
  public static final String LEGAL_PLANNING_REASONS = "legalPlanningReasons";
  // "Continue the current plan": its review date, and the team manager's review on that date
  public static final String PLAN_REVIEW_DATE = "planReviewDate";
  public static final String WHAT_HAS_CHANGED = "whatHasChanged";
  public static final String PLAN_REVIEW_DECISION = "planReviewDecision";
  public static final String PLAN_REVIEW_REASONS = "planReviewReasons";
  // Senior managers chasing an overdue meeting
  public static final String CHASE_ACTION = "chaseAction";
  // Letter before proceedings and pre-proceedings meeting
  public static final String LETTER_SENT_DATE = "letterSentDate";
  public static final String LETTER_SENT_TO = "letterSentTo";
  public static final String PRE_PROCEEDINGS_MEETING_DATE = "preProceedingsMeetingDate";
  public static final String PARENTS_ATTENDED = "parentsAttended";
  public static final String PARENTS_LEGALLY_REPRESENTED = "parentsLegallyRepresented";
  public static final String PRE_PROCEEDINGS_PLAN = "preProceedingsPlan";
  // Four-weekly reviews, the week-12 decision and the time limit
  public static final String PLO_PROGRESS = "ploProgress";
  public static final String PLO_REVIEW_NOTES = "ploReviewNotes";
  public static final String PLO_DECISION = "ploDecision";
  public static final String PLO_DECISION_REASONS = "ploDecisionReasons";
  public static final String PLO_EXTENSION_DECISION = "ploExtensionDecision";
  public static final String PLO_EXTENSION_WEEKS = "ploExtensionWeeks";
  public static final String PLO_EXTENSION_REASONS = "ploExtensionReasons";
  // Proceedings issued
  public static final String APPLICATION_DATE = "applicationDate";
  public static final String ORDER_SOUGHT = "orderSought";
  // Handover to a new worker (newWorker is local to the handover)
  public static final String NEW_WORKER = "newWorker";
  public static final String HANDOVER_HISTORY_READ = "handoverHistoryRead";
  public static final String HANDOVER_PLAN = "handoverPlan";

  private LegalPlanningVariables() {
  }

  /** Every variable name of the process. */
  public static Set<String> names() {
    return VariableValues.names(LegalPlanningVariables.class);
  }

  public static String text(VariableScope scope, String name) {
    return VariableValues.text(scope, name);
  }

  public static LocalDate date(VariableScope scope, String name) {
    return VariableValues.date(scope, name);
  }

  static <E extends Enum<E>> boolean isOneOf(Class<E> codes, Object value) {
    return value != null && Arrays.stream(codes.getEnumConstants()).anyMatch(code -> code.name().equals(value.toString()));
  }

  static <E extends Enum<E>> String codeList(Class<E> codes) {
    String[] names = Arrays.stream(codes.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    return names.length == 1 ? names[0]
        : String.join(", ", Arrays.copyOf(names, names.length - 1)) + " or " + names[names.length - 1];
  }

}
