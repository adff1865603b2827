package org.safeguardingworkflows.legal;

import org.safeguardingworkflows.platform.ProcessVariable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

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
  public static final ProcessVariable<String> CHILD_REF = ProcessVariable.text("childRef");
  public static final ProcessVariable<String> REASON = ProcessVariable.text("reason");
  public static final ProcessVariable<String> RECOMMENDED_BY = ProcessVariable.text("recommendedBy");
  public static final ProcessVariable<String> ORIGIN = ProcessVariable.text("origin");
  public static final ProcessVariable<String> ALLOCATED_WORKER = ProcessVariable.text("allocatedWorker");
  public static final ProcessVariable<String> ORIGIN_PROCESS_INSTANCE_ID = ProcessVariable.text("originProcessInstanceId");
  public static final ProcessVariable<String> ORIGIN_PROCESS_KEY = ProcessVariable.text("originProcessKey");
  /** The date the legal view said a legal planning meeting is needed by (ISO date; none when it gave none). */
  public static final ProcessVariable<LocalDate> MEETING_NEEDED_BY = ProcessVariable.date("meetingNeededBy");
  // Kept by the process
  public static final ProcessVariable<LocalDate> REQUESTED_DATE = ProcessVariable.date("requestedDate");
  public static final ProcessVariable<LocalDate> MEETING_DUE_DATE = ProcessVariable.date("meetingDueDate");
  public static final ProcessVariable<Integer> WORKER_CHANGES = ProcessVariable.number("workerChanges");
  public static final ProcessVariable<String> PREVIOUS_WORKER = ProcessVariable.text("previousWorker");
  public static final ProcessVariable<LocalDate> PLO_START_DATE = ProcessVariable.date("ploStartDate");
  public static final ProcessVariable<LocalDate> PLO_DECISION_DUE_DATE = ProcessVariable.date("ploDecisionDueDate");
  public static final ProcessVariable<LocalDate> PLO_END_DATE = ProcessVariable.date("ploEndDate");
  public static final ProcessVariable<Integer> PLO_EXTENSIONS = ProcessVariable.number("ploExtensions");
  // Legal planning meeting
  public static final ProcessVariable<LocalDate> MEETING_DATE = ProcessVariable.date("meetingDate");
  public static final ProcessVariable<String> LEGAL_REPRESENTATIVE = ProcessVariable.text("legalRepresentative");
  public static final ProcessVariable<String> LEGAL_ADVICE = ProcessVariable.text("legalAdvice");
  public static final ProcessVariable<String> LEGAL_PLANNING_OUTCOME = ProcessVariable.text("legalPlanningOutcome");
  public static final ProcessVariable<String> LEGAL_PLANNING_REASONS = ProcessVariable.text("legalPlanningReasons");
  // "Continue the current plan": its review date, and the team manager's review on that date
  public static final ProcessVariable<LocalDate> PLAN_REVIEW_DATE = ProcessVariable.date("planReviewDate");
  public static final ProcessVariable<String> WHAT_HAS_CHANGED = ProcessVariable.text("whatHasChanged");
  public static final ProcessVariable<String> PLAN_REVIEW_DECISION = ProcessVariable.text("planReviewDecision");
  public static final ProcessVariable<String> PLAN_REVIEW_REASONS = ProcessVariable.text("planReviewReasons");
  // Senior managers chasing an overdue meeting
  public static final ProcessVariable<String> CHASE_ACTION = ProcessVariable.text("chaseAction");
  // Letter before proceedings and pre-proceedings meeting
  public static final ProcessVariable<LocalDate> LETTER_SENT_DATE = ProcessVariable.date("letterSentDate");
  public static final ProcessVariable<String> LETTER_SENT_TO = ProcessVariable.text("letterSentTo");
  public static final ProcessVariable<LocalDate> PRE_PROCEEDINGS_MEETING_DATE = ProcessVariable.date("preProceedingsMeetingDate");
  public static final ProcessVariable<String> PARENTS_ATTENDED = ProcessVariable.text("parentsAttended");
  public static final ProcessVariable<String> PARENTS_LEGALLY_REPRESENTED = ProcessVariable.text("parentsLegallyRepresented");
  public static final ProcessVariable<String> PRE_PROCEEDINGS_PLAN = ProcessVariable.text("preProceedingsPlan");
  // Four-weekly reviews, the week-12 decision and the time limit
  public static final ProcessVariable<String> PLO_PROGRESS = ProcessVariable.text("ploProgress");
  public static final ProcessVariable<String> PLO_REVIEW_NOTES = ProcessVariable.text("ploReviewNotes");
  public static final ProcessVariable<String> PLO_DECISION = ProcessVariable.text("ploDecision");
  public static final ProcessVariable<String> PLO_DECISION_REASONS = ProcessVariable.text("ploDecisionReasons");
  public static final ProcessVariable<String> PLO_EXTENSION_DECISION = ProcessVariable.text("ploExtensionDecision");
  public static final ProcessVariable<Integer> PLO_EXTENSION_WEEKS = ProcessVariable.number("ploExtensionWeeks");
  public static final ProcessVariable<String> PLO_EXTENSION_REASONS = ProcessVariable.text("ploExtensionReasons");
  // Proceedings issued
  public static final ProcessVariable<LocalDate> APPLICATION_DATE = ProcessVariable.date("applicationDate");
  public static final ProcessVariable<String> ORDER_SOUGHT = ProcessVariable.text("orderSought");
  // Handover to a new worker (newWorker is local to the handover)
  public static final ProcessVariable<String> NEW_WORKER = ProcessVariable.text("newWorker");
  public static final ProcessVariable<Boolean> HANDOVER_HISTORY_READ = ProcessVariable.bool("handoverHistoryRead");
  public static final ProcessVariable<String> HANDOVER_PLAN = ProcessVariable.text("handoverPlan");

  private LegalPlanningVariables() {
  }

  /** Every variable name of the process. */
  public static Set<String> names() {
    return ProcessVariable.namesIn(LegalPlanningVariables.class);
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
