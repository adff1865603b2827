package org.safeguardingworkflows.supervisionorder;

import org.safeguardingworkflows.platform.VariableValues;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The supervision order process's variables: every name the diagram, the forms, the delegates and the audit
 * report use, in one place. Dates are ISO strings ({@code yyyy-MM-dd}).
 */
public final class SupervisionOrderVariables {

  public static final String PROCESS_KEY = "supervisionOrder";

  /** What the local authority decides three months before the order expires. */
  public enum ExtensionDecision { APPLY_TO_EXTEND, LET_END }

  /** What the court decided on an application to extend. */
  public enum CourtDecision { GRANTED, REFUSED }

  /** Progress towards one outcome of the supervision support plan. */
  public enum Progress { ACHIEVED, ON_TRACK, SOME_PROGRESS, NO_PROGRESS, WORSE;

    /** No progress, or worse for the child: the review must be escalated. */
    boolean needsEscalation() {
      return this == NO_PROGRESS || this == WORSE;
    }
  }

  /** The team manager's scrutiny of an outcome review. */
  public enum ScrutinyDecision { AGREE, SEND_BACK }

  /** Where the team manager escalates an outcome review (required when it found no progress or worse). */
  public enum ReviewEscalation { NONE, STRATEGY_DISCUSSION, LEGAL_PLANNING }

  public static final String MESSAGE_LEGAL_PLANNING = "LegalPlanningRequested";

  // The order as made (start form, API)
  public static final String CHILD_REF = "childRef";
  public static final String ORDER_DATE = "orderDate";
  public static final String LENGTH_MONTHS = "lengthMonths";
  public static final String ALLOCATED_WORKER = "allocatedWorker";
  // Kept by the process
  public static final String ORDER_END_DATE = "orderEndDate";
  public static final String LATEST_PERMITTED_END_DATE = "latestPermittedEndDate";
  public static final String EXTENSION_DECISION_DUE_DATE = "extensionDecisionDueDate";
  /** When an extension still undecided goes to a senior manager (a month before expiry by default). */
  public static final String EXTENSION_ESCALATION_DATE = "extensionEscalationDate";
  public static final String ORDER_EXTENSIONS = "orderExtensions";
  // Supervision support plan
  public static final String SUPPORT_PLAN_OUTCOMES = "supportPlanOutcomes";
  public static final String SUPPORT_PLAN_FAMILY_VIEWS = "supportPlanFamilyViews";
  // Outcome reviews (and the end-of-order review)
  public static final String OUTCOME_REVIEWS = "outcomeReviews";
  public static final String OUTCOME_REVIEW_SUMMARY = "outcomeReviewSummary";
  /** Who completed the last outcome review (the worker), and whether it found no progress or worse ({@code YES}/{@code NO}). */
  public static final String OUTCOME_REVIEW_BY = "outcomeReviewBy";
  public static final String OUTCOME_REVIEW_NEEDS_ESCALATION = "outcomeReviewNeedsEscalation";
  // The team manager's scrutiny of each outcome review
  public static final String SCRUTINY_DECISION = "scrutinyDecision";
  public static final String SCRUTINY_REASONS = "scrutinyReasons";
  public static final String REVIEW_ESCALATION = "reviewEscalation";
  public static final String SCRUTINISED_BY = "scrutinisedBy";
  /** Set while a review sent back is reopened, so that it opens with the worker's answers. */
  public static final String OUTCOME_REVIEW_SENT_BACK = "outcomeReviewSentBack";
  // A strategy discussion called at scrutiny (the task keeps the scrutiny's reasons as escalationReasons)
  public static final String ESCALATION_REASONS = "escalationReasons";
  public static final String STRATEGY_DISCUSSION_DATE = "strategyDiscussionDate";
  public static final String SECTION_47_DECIDED = "section47Decided";
  public static final String STRATEGY_DISCUSSION_SUMMARY = "strategyDiscussionSummary";
  /** The legal planning this order asked for (kept by platform/StartLinkedProcess). */
  public static final String LEGAL_PLANNING_INSTANCE_ID = "legalPlanningRequestedInstanceId";
  // Extension
  public static final String EXTENSION_DECISION = "extensionDecision";
  public static final String EXTENSION_MONTHS = "extensionMonths";
  public static final String EXTENSION_REASONS = "extensionReasons";
  public static final String COURT_EXTENSION_DECISION = "courtExtensionDecision";
  public static final String EXTENDED_ORDER_END_DATE = "extendedOrderEndDate";
  public static final String EXTENSION_CHASE_NOTES = "extensionChaseNotes";
  // End of the order and twelve months on
  public static final String SUPPORT_AFTER_ORDER = "supportAfterOrder";
  public static final String END_OF_ORDER_SUMMARY = "endOfOrderSummary";
  public static final String RE_REFERRED = "reReferred";
  public static final String RE_REFERRAL_NOTES = "reReferralNotes";

  // A change of worker, team manager or IRO (the WorkerChanged message and children/HandOverToTheNewHolder)
  public static final String MESSAGE_WORKER_CHANGED = "WorkerChanged";
  public static final String CHANGED_ROLE = "changedRole";
  public static final String NEW_HOLDER = "newHolder";
  public static final String NEW_WORKER = "newWorker";
  public static final String PREVIOUS_WORKER = "previousWorker";
  public static final String WORKER_CHANGES = "workerChanges";
  public static final String HANDOVER_HISTORY_READ = "handoverHistoryRead";
  public static final String HANDOVER_NOTE = "handoverNote";

  /** Keys inside the rows of the support plan and of the outcome reviews. */
  public static final Set<String> LIST_ITEM_KEYS = Set.of("outcome", "measure", "support", "progress", "evidence");

  private SupervisionOrderVariables() {
  }

  /** Every variable name of the process. */
  public static Set<String> names() {
    return VariableValues.names(SupervisionOrderVariables.class);
  }

  public static String text(VariableScope scope, String name) {
    return VariableValues.text(scope, name);
  }

  public static LocalDate date(VariableScope scope, String name) {
    return VariableValues.date(scope, name);
  }

  /** A list variable as plain maps, whether stored as Spin JSON (Tasklist, REST) or as a Java list. */
  public static List<Map<String, Object>> rows(VariableScope scope, String name) {
    return VariableValues.rows(scope.getVariable(name));
  }

  static <E extends Enum<E>> boolean isOneOf(Class<E> codes, Object value) {
    return value != null && Arrays.stream(codes.getEnumConstants()).anyMatch(code -> code.name().equals(value.toString()));
  }

  static boolean filled(Object value) {
    return value != null && !value.toString().isBlank();
  }

  /** A whole number however the client sent it (Tasklist numbers may arrive as Long or Double), else null. */
  static Integer wholeNumber(Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) < 10_000) {
      return number.intValue();
    }
    if (value instanceof String text && text.matches("-?\\d{1,4}")) {
      return Integer.valueOf(text);
    }
    return null;
  }

}
