package org.safeguardingworkflows.tasks;

import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.safeguardingworkflows.platform.ShownDate;

/**
 * Tasklist writes a due date as "Due in 10 days" and shows the date itself only on hover; a practitioner planning
 * their week needs the date. Every task with a due date carries it, written dd/mm/yyyy, in a task-local variable that
 * the forms show in a disabled "Due by" field at the top (a text component may not render variables). Kept on the
 * task, not the journey, so that two open tasks never show each other's date; refreshed when the due date is changed.
 */
class DueDateShown implements TaskListener {

  static final String VARIABLE = "taskDueDate";

  @Override
  public void notify(DelegateTask task) {
    if (task.getDueDate() == null) {
      task.removeVariableLocal(VARIABLE);
      return;
    }
    // The engine writes due dates in the server's zone (Europe/London in every deployment), as the timers read them.
    task.setVariableLocal(VARIABLE, ShownDate.of(task.getDueDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate()));
  }
}
