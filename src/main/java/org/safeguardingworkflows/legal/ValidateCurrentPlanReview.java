package org.safeguardingworkflows.legal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.legal.LegalPlanningVariables.PlanReviewDecision;
import org.springframework.stereotype.Component;

/**
 * The team manager's review of a plan that a legal planning meeting decided to continue: it records what has changed
 * and decides to continue the plan or to escalate to pre-proceedings, with reasons. Checked on the server, whatever
 * the client; a refusal leaves the task open.
 */
@Component("validateCurrentPlanReview")
public class ValidateCurrentPlanReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    if (!filled(LegalPlanningVariables.WHAT_HAS_CHANGED.from(task))) {
      problems.add("Say what has changed for the child since the legal planning meeting.");
    }
    if (!LegalPlanningVariables.isOneOf(PlanReviewDecision.class, LegalPlanningVariables.PLAN_REVIEW_DECISION.from(task))) {
      problems.add("Choose the decision from the answers listed.");
    }
    if (!filled(LegalPlanningVariables.PLAN_REVIEW_REASONS.from(task))) {
      problems.add("Give the reasons for the decision.");
    }
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(LegalPlanningVariables.PLAN_REVIEW_DECISION.name(), String.join(" ", problems));
    }
  }

  private static boolean filled(Object value) {
    return value != null && !value.toString().isBlank();
  }
}
