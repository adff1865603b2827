package org.safeguardingworkflows.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A recurring task (supervision, review, approval) must not open with last time's answers already filled in:
 * Tasklist shows every visible variable in the form, and a manager could re-submit last month's judgement
 * without noticing. Tasks marked {@code formOpensBlank} in the diagram clear their form's input variables when
 * they are created; earlier answers stay in the history.
 */
class PreviousAnswersCleared implements TaskListener {

  static final String PROPERTY = "formOpensBlank";

  @Override
  public void notify(DelegateTask task) {
    DeployedForm.of(task).ifPresent(form -> {
      for (String key : DeployedForm.inputKeys(form)) {
        task.getExecution().removeVariable(key);
      }
    });
  }
}
