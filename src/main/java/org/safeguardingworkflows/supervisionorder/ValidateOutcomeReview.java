package org.safeguardingworkflows.supervisionorder;

import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.springframework.stereotype.Component;

/**
 * An outcome review is complete only when every outcome of the support plan has a recorded progress and the
 * evidence for it: an outcome left out is exactly what goes unnoticed. The process then knows who wrote the review
 * (its scrutineer must be someone else) and whether any outcome shows no progress or is worse for the child (the
 * team manager must then escalate it).
 */
@WritesVariables({"outcomeReviewBy", "outcomeReviewNeedsEscalation"})
@Component("validateOutcomeReview")
public class ValidateOutcomeReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, Object>> reviewed = OUTCOME_REVIEWS.from(task);
    List<String> missing = new ArrayList<>();
    for (Map<String, Object> planned : SUPPORT_PLAN_OUTCOMES.from(task)) {
      Object outcome = planned.get("outcome");
      boolean covered = reviewed.stream().anyMatch(row -> outcome != null && outcome.equals(row.get("outcome"))
          && isOneOf(Progress.class, row.get("progress")) && filled(row.get("evidence")));
      if (!covered) {
        missing.add("'" + outcome + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new FormFieldValidationException(OUTCOME_REVIEWS.name(),
          "Record the progress, and the evidence for it, for every outcome in the support plan. Still missing: "
              + String.join(", ", missing) + ".");
    }
    String authenticated = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    OUTCOME_REVIEW_BY.setOn(task.getExecution(), authenticated != null ? authenticated : task.getAssignee());
    OUTCOME_REVIEW_NEEDS_ESCALATION.setOn(task.getExecution(), notProgressing(reviewed).isEmpty() ? "NO" : "YES");
  }

  /** The outcomes a review found with no progress or worse for the child, in the review's order. */
  static List<String> notProgressing(List<Map<String, Object>> reviewed) {
    return reviewed.stream()
        .filter(row -> isOneOf(Progress.class, row.get("progress"))
            && Progress.valueOf(row.get("progress").toString()).needsEscalation())
        .map(row -> "'" + row.get("outcome") + "'")
        .toList();
  }
}
