package org.safeguardingworkflows.benchmark;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Stands in for every delegate and listener of the baseline diagram: does nothing. */
public class NoOp implements JavaDelegate, TaskListener, ExecutionListener {

  @Override
  public void execute(DelegateExecution execution) {
  }

  @Override
  public void notify(DelegateTask task) {
  }

  @Override
  public void notify(DelegateExecution execution) {
  }
}
