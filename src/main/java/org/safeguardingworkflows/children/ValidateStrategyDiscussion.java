package org.safeguardingworkflows.children;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * A strategy discussion about a child, whichever process called it (a step-down journey, a concern review, a
 * supervision order), is recorded after it was held: its date ({@code strategyDiscussionDate}) cannot be in the future
 * (a repeat ICPC proposal counts its deadlines from that date, and refuses a future one). The form's own rules (every
 * answer required, the summary's length) are re-checked on the server by the task conventions.
 */
@Component("validateStrategyDiscussion")
public class ValidateStrategyDiscussion implements TaskListener {

  static final ProcessVariable<LocalDate> STRATEGY_DISCUSSION_DATE = ProcessVariable.date("strategyDiscussionDate");

  private final WorkingDays workingDays;

  public ValidateStrategyDiscussion(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate held;
    try {
      held = STRATEGY_DISCUSSION_DATE.from(task);
    } catch (DateTimeParseException e) {
      throw new FormFieldValidationException(STRATEGY_DISCUSSION_DATE.name(),
          "The date of the strategy discussion must be a real date written as dd/mm/yyyy.");
    }
    if (held != null && held.isAfter(workingDays.today())) {
      throw new FormFieldValidationException(STRATEGY_DISCUSSION_DATE.name(),
          "The date of the strategy discussion cannot be in the future: record the outcome once it has been held.");
    }
  }
}
