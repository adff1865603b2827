package org.safeguardingworkflows.supervisionorder;

import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * An outcome review is complete only when every outcome of the support plan has a recorded progress and the
 * evidence for it: an outcome left out is exactly what goes unnoticed.
 */
@Component("validateOutcomeReview")
public class ValidateOutcomeReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, Object>> reviewed = rows(task, OUTCOME_REVIEWS);
    List<String> missing = new ArrayList<>();
    for (Map<String, Object> planned : rows(task, SUPPORT_PLAN_OUTCOMES)) {
      Object outcome = planned.get("outcome");
      boolean covered = reviewed.stream().anyMatch(row -> outcome != null && outcome.equals(row.get("outcome"))
          && isOneOf(Progress.class, row.get("progress")) && filled(row.get("evidence")));
      if (!covered) {
        missing.add("'" + outcome + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new FormFieldValidationException(OUTCOME_REVIEWS,
          "Record the progress, and the evidence for it, for every outcome in the support plan. Still missing: "
              + String.join(", ", missing) + ".");
    }
  }
}
