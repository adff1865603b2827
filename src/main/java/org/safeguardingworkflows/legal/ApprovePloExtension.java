package org.safeguardingworkflows.legal;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.legal.LegalPlanningVariables.ExtensionDecision;
import org.springframework.stereotype.Component;

/**
 * Pre-proceedings that reach their time limit unresolved go to a senior manager. Running on beyond it needs the
 * senior manager's recorded approval for a stated number of weeks (at most the configured maximum at a time);
 * the time limit then moves by that many weeks and comes back to a senior manager when it is reached again.
 */
@Component("approvePloExtension")
public class ApprovePloExtension implements TaskListener {

  private final LegalPlanningSettings settings;

  public ApprovePloExtension(LegalPlanningSettings settings) {
    this.settings = settings;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(LegalPlanningVariables.PLO_EXTENSION_DECISION);
    if (!LegalPlanningVariables.isOneOf(ExtensionDecision.class, decision)) {
      throw new FormFieldValidationException(LegalPlanningVariables.PLO_EXTENSION_DECISION,
          "Choose whether to approve the extension, from the answers listed.");
    }
    if (!ExtensionDecision.APPROVE_EXTENSION.name().equals(decision)) {
      return;
    }
    Integer weeks = wholeNumber(task.getVariable(LegalPlanningVariables.PLO_EXTENSION_WEEKS));
    if (weeks == null || weeks < 1 || weeks > settings.getMaxExtensionWeeks()) {
      throw new FormFieldValidationException(LegalPlanningVariables.PLO_EXTENSION_WEEKS,
          "To approve an extension, give its length in whole weeks, from 1 to " + settings.getMaxExtensionWeeks()
              + ". A longer extension needs a further approval when this one ends.");
    }
    LocalDate end = LegalPlanningVariables.date(task, LegalPlanningVariables.PLO_END_DATE);
    Object extensions = task.getVariable(LegalPlanningVariables.PLO_EXTENSIONS);
    task.getExecution().setVariable(LegalPlanningVariables.PLO_END_DATE, end.plusWeeks(weeks).toString());
    task.getExecution().setVariable(LegalPlanningVariables.PLO_EXTENSIONS,
        (extensions instanceof Number number ? number.intValue() : 0) + 1);
  }

  private static Integer wholeNumber(Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    if (value instanceof String text && text.matches("\\d{1,3}")) {
      return Integer.valueOf(text);
    }
    return null;
  }
}
