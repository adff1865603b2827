package org.safeguardingworkflows.benchmark;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.springframework.stereotype.Component;

/**
 * Stands in for every delegate and listener of the baseline diagram: does nothing. A bean named in a delegate
 * expression, because deployments may not name Java classes (deployments/DeploymentRules), the baseline's included.
 * It declares what the step-down delegates it replaces declare they write (recordEndedPlan, handOverToTheNewHolder),
 * so that the baseline passes the same model checks as the diagram (deployments/RequiredVariables): without it the
 * handover tasks read variables nothing records, and the baseline is refused. The benchmark's journeys never reach a
 * handover, so nothing reads what it does not write.
 */
@WritesVariables({"workerChanges", "previousWorker"})
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
