package org.safeguardingworkflows.tasks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.platform.validation.ChildReference;

/**
 * Every process here is keyed by the child's reference, whichever way it was started (the domain API, a Tasklist start
 * form, engine REST, a message). Tasklist's "Start process" sets no business key, so a process started without one
 * takes its {@code childRef} variable. A business key that is not the child's reference is refused: an engine REST
 * start keyed by another child's reference would otherwise have been that child's second journey (and the
 * one-per-child rules, which look journeys up by key, would have missed it), and one keyed by free text would have
 * stored that text in every list that shows the key. Runs in the starting transaction, so nothing is stored.
 */
class ChildReferenceAsBusinessKey implements ExecutionListener {

  static final String CHILD_REF = "childRef";

  @Override
  public void notify(DelegateExecution execution) {
    Object childRef = execution.getVariable(CHILD_REF);
    String businessKey = execution.getProcessBusinessKey();
    if (childRef == null && businessKey == null) {
      // Nothing to key by: the process's own first step refuses the missing reference with its field rules.
      return;
    }
    String key = businessKey != null ? businessKey : childRef.toString();
    if (!CpPlan.CHILD_REF.matcher(key).matches()) {
      throw new FormFieldValidationException(CHILD_REF,
          "The child reference " + ChildReference.MESSAGE);
    }
    if (childRef != null && !key.equals(childRef.toString())) {
      throw new FormFieldValidationException(CHILD_REF, "The child reference does not match the child this work was started for.");
    }
    if (businessKey == null) {
      execution.setProcessBusinessKey(key);
    }
  }
}
