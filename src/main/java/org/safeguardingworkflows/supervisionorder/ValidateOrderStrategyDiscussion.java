package org.safeguardingworkflows.supervisionorder;

import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The outcome of a strategy discussion called at an outcome review's scrutiny is recorded once it has been held:
 * its date is a real date and not in the future. The form's own rules are re-checked by the task conventions.
 */
@Component("validateOrderStrategyDiscussion")
public class ValidateOrderStrategyDiscussion implements TaskListener {

  private final WorkingDays workingDays;

  public ValidateOrderStrategyDiscussion(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate held;
    try {
      held = date(task, STRATEGY_DISCUSSION_DATE);
    } catch (DateTimeParseException e) {
      held = null;
    }
    if (held == null) {
      throw new FormFieldValidationException(STRATEGY_DISCUSSION_DATE,
          "Give the date of the strategy discussion, written as yyyy-MM-dd.");
    }
    if (held.isAfter(workingDays.today())) {
      throw new FormFieldValidationException(STRATEGY_DISCUSSION_DATE,
          "The date of the strategy discussion cannot be in the future: record the outcome once it has been held.");
    }
  }
}
