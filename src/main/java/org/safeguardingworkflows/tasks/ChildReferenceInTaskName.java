package org.safeguardingworkflows.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * "Hold step-down meeting" becomes "Hold step-down meeting - C-1042": the business key is the child's
 * pseudonymous reference, never a name, so it is safe in a task list.
 */
class ChildReferenceInTaskName implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String childRef = task.getExecution().getProcessBusinessKey();
    if (childRef != null && task.getName() != null && !task.getName().endsWith(" - " + childRef)) {
      task.setName(task.getName() + " - " + childRef);
    }
  }
}
