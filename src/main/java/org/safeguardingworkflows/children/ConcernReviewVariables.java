package org.safeguardingworkflows.children;

import java.util.Set;

import org.safeguardingworkflows.platform.VariableValues;

/** The concern review's variables: every name its diagram, forms, delegates and tests use. */
public final class ConcernReviewVariables {

  public static final String PROCESS_KEY = "concernReview";
  public static final String MESSAGE_CONCERN_RAISED = "ConcernRaised";

  // Started with
  public static final String CHILD_REF = "childRef";
  public static final String CONCERN_KIND = "concernKind";
  public static final String CONCERN_SUMMARY = "concernSummary";
  public static final String RAISED_BY = "raisedBy";
  public static final String ALLOCATED_WORKER = "allocatedWorker";
  public static final String TEAM_MANAGER = "teamManager";
  public static final String IRO = "iro";
  // Found in the child's record when the concern is recorded
  public static final String CONCERN_RAISED_ON = "concernRaisedOn";
  public static final String DECISION_DUE_DATE = "decisionDueDate";
  public static final String AFTER_STEP_DOWN = "afterStepDown";
  public static final String STEP_DOWN_ENDED_ON = "stepDownEndedOn";
  public static final String MONTHS_SINCE_STEP_DOWN = "monthsSinceStepDown";
  public static final String CONTINGENCY_PLAN = "contingencyPlan";
  // The review
  public static final String CONCERN_DECISION = "concernDecision";
  public static final String CONCERN_DECISION_REASONS = "concernDecisionReasons";
  public static final String CONCERN_ACTIONS = "concernActions";
  // The strategy discussion
  public static final String STRATEGY_DISCUSSION_DATE = "strategyDiscussionDate";
  public static final String SECTION_47_DECIDED = "section47Decided";
  public static final String STRATEGY_DISCUSSION_SUMMARY = "strategyDiscussionSummary";
  // Chasing a late decision
  public static final String CHASE_ACTIONS = "chaseActions";
  // Worker changes (the message's local variables and what the handover keeps)
  public static final String CHANGED_ROLE = "changedRole";
  public static final String NEW_HOLDER = "newHolder";
  public static final String NEW_WORKER = "newWorker";
  public static final String WORKER_CHANGES = "workerChanges";

  /** What the decision can be, as the review's form names it. */
  public enum Decision { NO_FURTHER_ACTION, EARLY_HELP, ASSESSMENT, STRATEGY_DISCUSSION }

  private ConcernReviewVariables() {
  }

  public static Set<String> names() {
    return VariableValues.names(ConcernReviewVariables.class);
  }
}
