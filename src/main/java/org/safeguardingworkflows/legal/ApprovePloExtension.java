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
    Object decision = LegalPlanningVariables.PLO_EXTENSION_DECISION.from(task);
    if (!LegalPlanningVariables.isOneOf(ExtensionDecision.class, decision)) {
      throw new FormFieldValidationException(LegalPlanningVariables.PLO_EXTENSION_DECISION.name(),
          "Choose whether to approve the extension, from the answers listed.");
    }
    if (!ExtensionDecision.APPROVE_EXTENSION.name().equals(decision)) {
      return;
    }
    Integer weeks = LegalPlanningVariables.PLO_EXTENSION_WEEKS.from(task);
    if (weeks == null || weeks < 1 || weeks > settings.getMaxExtensionWeeks()) {
      throw new FormFieldValidationException(LegalPlanningVariables.PLO_EXTENSION_WEEKS.name(),
          "To approve an extension, give its length in whole weeks, from 1 to " + settings.getMaxExtensionWeeks()
              + ". A longer extension needs a further approval when this one ends.");
    }
    LocalDate end = LegalPlanningVariables.PLO_END_DATE.from(task);
    LegalPlanningVariables.PLO_END_DATE.setOn(task.getExecution(), end.plusWeeks(weeks));
    LegalPlanningVariables.PLO_EXTENSIONS.setOn(task.getExecution(),
        LegalPlanningVariables.PLO_EXTENSIONS.optionalFrom(task).orElse(0) + 1);
  }

}
