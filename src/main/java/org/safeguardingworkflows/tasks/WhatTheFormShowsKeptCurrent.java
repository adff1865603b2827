package org.safeguardingworkflows.tasks;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The dates in words and the staff names a form shows are written when its task is created ({@link DatesInWords},
 * {@link StaffNames}). A journey's tasks can be open side by side (the four views before a repeat conference): when
 * one is completed, what it recorded must show in the others too ("Team manager's view given by Tom Marsh" on the
 * IRO's form), so each other open task of the journey has them written again; so does a change of the child's
 * worker, manager or IRO, which a message brings (children/HandOverToTheNewHolder).
 */
class WhatTheFormShowsKeptCurrent implements TaskListener {

  private final List<TaskListener> writers;

  WhatTheFormShowsKeptCurrent(List<TaskListener> writers) {
    this.writers = writers;
  }

  @Override
  public void notify(DelegateTask completed) {
    refresh(completed.getProcessInstanceId(), completed.getId());
  }

  /** Writes them again in every open task of the journey but one (none: every open task). */
  void refresh(String processInstanceId, String exceptTaskId) {
    // The engine's own session: the completing user may not see the other tasks, and nothing else is read here.
    List<TaskEntity> open = Context.getCommandContext().getTaskManager().findTasksByProcessInstanceId(processInstanceId);
    for (TaskEntity other : open) {
      if (!other.getId().equals(exceptTaskId)) {
        writers.forEach(writer -> writer.notify(other));
      }
    }
  }
}
