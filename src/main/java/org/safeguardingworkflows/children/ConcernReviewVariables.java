package org.safeguardingworkflows.children;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguardingworkflows.platform.ProcessVariable;

/** The concern review's variables: every name its diagram, forms, delegates and tests use. */
public final class ConcernReviewVariables {

  public static final String PROCESS_KEY = "concernReview";
  public static final String MESSAGE_CONCERN_RAISED = "ConcernRaised";

  // Started with
  public static final ProcessVariable<String> CHILD_REF = ProcessVariable.text("childRef");
  public static final ProcessVariable<String> CONCERN_KIND = ProcessVariable.text("concernKind");
  public static final ProcessVariable<String> CONCERN_SUMMARY = ProcessVariable.text("concernSummary");
  public static final ProcessVariable<String> RAISED_BY = ProcessVariable.text("raisedBy");
  public static final ProcessVariable<String> ALLOCATED_WORKER = ProcessVariable.text("allocatedWorker");
  public static final ProcessVariable<String> TEAM_MANAGER = ProcessVariable.text("teamManager");
  public static final ProcessVariable<String> IRO = ProcessVariable.text("iro");
  // Found in the child's record when the concern is recorded
  public static final ProcessVariable<LocalDate> CONCERN_RAISED_ON = ProcessVariable.date("concernRaisedOn");
  public static final ProcessVariable<LocalDate> DECISION_DUE_DATE = ProcessVariable.date("decisionDueDate");
  public static final ProcessVariable<Boolean> AFTER_STEP_DOWN = ProcessVariable.bool("afterStepDown");
  public static final ProcessVariable<LocalDate> STEP_DOWN_ENDED_ON = ProcessVariable.date("stepDownEndedOn");
  public static final ProcessVariable<Integer> MONTHS_SINCE_STEP_DOWN = ProcessVariable.number("monthsSinceStepDown");
  public static final ProcessVariable<List<Map<String, Object>>> CONTINGENCY_PLAN = ProcessVariable.rows("contingencyPlan");
  // The review
  public static final ProcessVariable<String> CONCERN_DECISION = ProcessVariable.text("concernDecision");
  public static final ProcessVariable<String> CONCERN_DECISION_REASONS = ProcessVariable.text("concernDecisionReasons");
  public static final ProcessVariable<String> CONCERN_ACTIONS = ProcessVariable.text("concernActions");
  // The strategy discussion
  public static final ProcessVariable<LocalDate> STRATEGY_DISCUSSION_DATE = ProcessVariable.date("strategyDiscussionDate");
  public static final ProcessVariable<String> SECTION_47_DECIDED = ProcessVariable.text("section47Decided");
  public static final ProcessVariable<String> STRATEGY_DISCUSSION_SUMMARY = ProcessVariable.text("strategyDiscussionSummary");
  // Chasing a late decision
  public static final ProcessVariable<String> CHASE_ACTIONS = ProcessVariable.text("chaseActions");
  // Worker changes (the message's local variables and what the handover keeps)
  public static final ProcessVariable<String> CHANGED_ROLE = ProcessVariable.text("changedRole");
  public static final ProcessVariable<String> NEW_HOLDER = ProcessVariable.text("newHolder");
  public static final ProcessVariable<String> NEW_WORKER = ProcessVariable.text("newWorker");
  public static final ProcessVariable<Integer> WORKER_CHANGES = ProcessVariable.number("workerChanges");

  /** What the decision can be, as the review's form names it. */
  public enum Decision { NO_FURTHER_ACTION, EARLY_HELP, ASSESSMENT, STRATEGY_DISCUSSION }

  private ConcernReviewVariables() {
  }

  public static Set<String> names() {
    return ProcessVariable.namesIn(ConcernReviewVariables.class);
  }
}
