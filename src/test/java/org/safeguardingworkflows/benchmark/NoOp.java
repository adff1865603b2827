package org.safeguardingworkflows.benchmark;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Stands in for every delegate and listener of the baseline diagram: does nothing. A bean named in a delegate
 * expression, because deployments may not name Java classes (deployments/DeploymentRules), the baseline's included.
 */
@Component(NoOp.BEAN)
public class NoOp implements JavaDelegate, TaskListener, ExecutionListener {

  static final String BEAN = "benchmarkNoOp";

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
