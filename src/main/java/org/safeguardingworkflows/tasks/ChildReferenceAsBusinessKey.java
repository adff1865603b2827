package org.safeguardingworkflows.tasks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Tasklist's "Start process" with a Camunda start form sets no business key; every process here is keyed by the
 * child's reference, so a process started without one takes its {@code childRef} variable. (Start-up validation
 * runs in the same transaction, so a refused reference is never stored.)
 */
class ChildReferenceAsBusinessKey implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Object childRef = execution.getVariable("childRef");
    if (execution.getProcessBusinessKey() == null && childRef != null) {
      execution.setProcessBusinessKey(childRef.toString());
    }
  }
}
