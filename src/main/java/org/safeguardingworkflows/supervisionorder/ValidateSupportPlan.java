package org.safeguardingworkflows.supervisionorder;

import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * A supervision support plan is measured by its outcomes (briefing point 6: "measuring the outcomes being
 * achieved"): it cannot be completed without at least one outcome for the child and how it will be measured.
 */
@Component("validateSupportPlan")
public class ValidateSupportPlan implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean measured = SUPPORT_PLAN_OUTCOMES.from(task).stream()
        .anyMatch(row -> filled(row.get("outcome")) && filled(row.get("measure")));
    if (!measured) {
      throw new FormFieldValidationException(SUPPORT_PLAN_OUTCOMES.name(),
          "The support plan needs at least one outcome for the child, with how progress towards it will be measured.");
    }
  }
}
