package org.safeguardingworkflows.supervisionorder;

import org.safeguardingworkflows.platform.ProcessVariable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  public static final ProcessVariable<String> CHILD_REF = ProcessVariable.text("childRef");
  public static final ProcessVariable<LocalDate> ORDER_DATE = ProcessVariable.date("orderDate");
  public static final ProcessVariable<Integer> LENGTH_MONTHS = ProcessVariable.number("lengthMonths");
  public static final ProcessVariable<String> ALLOCATED_WORKER = ProcessVariable.text("allocatedWorker");
  // Kept by the process
  public static final ProcessVariable<LocalDate> ORDER_END_DATE = ProcessVariable.date("orderEndDate");
  public static final ProcessVariable<LocalDate> LATEST_PERMITTED_END_DATE = ProcessVariable.date("latestPermittedEndDate");
  public static final ProcessVariable<LocalDate> EXTENSION_DECISION_DUE_DATE = ProcessVariable.date("extensionDecisionDueDate");
  /** When an extension still undecided goes to a senior manager (a month before expiry by default). */
  public static final ProcessVariable<LocalDate> EXTENSION_ESCALATION_DATE = ProcessVariable.date("extensionEscalationDate");
  public static final ProcessVariable<Integer> ORDER_EXTENSIONS = ProcessVariable.number("orderExtensions");
  // Supervision support plan
  public static final ProcessVariable<List<Map<String, Object>>> SUPPORT_PLAN_OUTCOMES = ProcessVariable.rows("supportPlanOutcomes");
  public static final ProcessVariable<String> SUPPORT_PLAN_FAMILY_VIEWS = ProcessVariable.text("supportPlanFamilyViews");
  // Outcome reviews (and the end-of-order review)
  public static final ProcessVariable<List<Map<String, Object>>> OUTCOME_REVIEWS = ProcessVariable.rows("outcomeReviews");
  public static final ProcessVariable<String> OUTCOME_REVIEW_SUMMARY = ProcessVariable.text("outcomeReviewSummary");
  /** Who completed the last outcome review (the worker), and whether it found no progress or worse ({@code YES}/{@code NO}). */
  public static final ProcessVariable<String> OUTCOME_REVIEW_BY = ProcessVariable.text("outcomeReviewBy");
  public static final ProcessVariable<String> OUTCOME_REVIEW_NEEDS_ESCALATION = ProcessVariable.text("outcomeReviewNeedsEscalation");
  // The team manager's scrutiny of each outcome review
  public static final ProcessVariable<String> SCRUTINY_DECISION = ProcessVariable.text("scrutinyDecision");
  public static final ProcessVariable<String> SCRUTINY_REASONS = ProcessVariable.text("scrutinyReasons");
  public static final ProcessVariable<String> REVIEW_ESCALATION = ProcessVariable.text("reviewEscalation");
  public static final ProcessVariable<String> SCRUTINISED_BY = ProcessVariable.text("scrutinisedBy");
  /** Set while a review sent back is reopened, so that it opens with the worker's answers. */
  public static final ProcessVariable<Boolean> OUTCOME_REVIEW_SENT_BACK = ProcessVariable.bool("outcomeReviewSentBack");
  // A strategy discussion called at scrutiny (the task keeps the scrutiny's reasons as escalationReasons)
  public static final ProcessVariable<String> ESCALATION_REASONS = ProcessVariable.text("escalationReasons");
  public static final ProcessVariable<LocalDate> STRATEGY_DISCUSSION_DATE = ProcessVariable.date("strategyDiscussionDate");
  public static final ProcessVariable<String> SECTION_47_DECIDED = ProcessVariable.text("section47Decided");
  public static final ProcessVariable<String> STRATEGY_DISCUSSION_SUMMARY = ProcessVariable.text("strategyDiscussionSummary");
  /** The legal planning this order asked for (kept by platform/StartLinkedProcess). */
  public static final ProcessVariable<String> LEGAL_PLANNING_INSTANCE_ID = ProcessVariable.text("legalPlanningRequestedInstanceId");
  // Extension
  public static final ProcessVariable<String> EXTENSION_DECISION = ProcessVariable.text("extensionDecision");
  public static final ProcessVariable<Integer> EXTENSION_MONTHS = ProcessVariable.number("extensionMonths");
  public static final ProcessVariable<String> EXTENSION_REASONS = ProcessVariable.text("extensionReasons");
  public static final ProcessVariable<String> COURT_EXTENSION_DECISION = ProcessVariable.text("courtExtensionDecision");
  public static final ProcessVariable<LocalDate> EXTENDED_ORDER_END_DATE = ProcessVariable.date("extendedOrderEndDate");
  public static final ProcessVariable<String> EXTENSION_CHASE_NOTES = ProcessVariable.text("extensionChaseNotes");
  // End of the order and twelve months on
  public static final ProcessVariable<String> SUPPORT_AFTER_ORDER = ProcessVariable.text("supportAfterOrder");
  public static final ProcessVariable<String> END_OF_ORDER_SUMMARY = ProcessVariable.text("endOfOrderSummary");
  public static final ProcessVariable<String> RE_REFERRED = ProcessVariable.text("reReferred");
  public static final ProcessVariable<String> RE_REFERRAL_NOTES = ProcessVariable.text("reReferralNotes");

  // A change of worker, team manager or IRO (the WorkerChanged message and children/HandOverToTheNewHolder)
  public static final String MESSAGE_WORKER_CHANGED = "WorkerChanged";
  public static final ProcessVariable<String> CHANGED_ROLE = ProcessVariable.text("changedRole");
  public static final ProcessVariable<String> NEW_HOLDER = ProcessVariable.text("newHolder");
  public static final ProcessVariable<String> NEW_WORKER = ProcessVariable.text("newWorker");
  public static final ProcessVariable<String> PREVIOUS_WORKER = ProcessVariable.text("previousWorker");
  public static final ProcessVariable<Integer> WORKER_CHANGES = ProcessVariable.number("workerChanges");
  public static final ProcessVariable<Boolean> HANDOVER_HISTORY_READ = ProcessVariable.bool("handoverHistoryRead");
  public static final ProcessVariable<String> HANDOVER_NOTE = ProcessVariable.text("handoverNote");

  /** Keys inside the rows of the support plan and of the outcome reviews. */
  public static final Set<String> LIST_ITEM_KEYS = Set.of("outcome", "measure", "support", "progress", "evidence");

  private SupervisionOrderVariables() {
  }

  /** Every variable name of the process. */
  public static Set<String> names() {
    return ProcessVariable.namesIn(SupervisionOrderVariables.class);
  }

  static <E extends Enum<E>> boolean isOneOf(Class<E> codes, Object value) {
    return value != null && Arrays.stream(codes.getEnumConstants()).anyMatch(code -> code.name().equals(value.toString()));
  }

  static boolean filled(Object value) {
    return value != null && !value.toString().isBlank();
  }


}
