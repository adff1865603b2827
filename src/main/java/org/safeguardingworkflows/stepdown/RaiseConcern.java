package org.safeguardingworkflows.stepdown;

import org.safeguardingworkflows.platform.ProcessVariable;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.safeguardingworkflows.deployments.CorrelatesMessageWith;
import org.safeguardingworkflows.platform.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * A supervision, review or early-help check that finds poor engagement or re-emerging difficulties raises a
 * concern on its own journey: the same {@code ConcernReported} message a case management system sends through
 * the API, so every concern reaches the team manager's contingency review the same way.
 */
@CorrelatesMessageWith(message = StepDownVariables.MESSAGE_CONCERN_REPORTED, variables = {"concernKind", "concernSummary"})
@Component("raiseConcern")
public class RaiseConcern implements JavaDelegate {

  private final SystemAccess systemAccess;

  public RaiseConcern(SystemAccess systemAccess) {
    this.systemAccess = systemAccess;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> concern = ProcessVariable.values(
        StepDownVariables.CONCERN_KIND.with(StepDownVariables.CONCERN_KIND.from(execution)),
        StepDownVariables.CONCERN_SUMMARY.with(StepDownVariables.CONCERN_SUMMARY.from(execution)));
    systemAccess.run(SystemAccess.Reason.MESSAGE_THE_CHILDS_PROCESS, () -> execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(StepDownVariables.MESSAGE_CONCERN_REPORTED)
        .processInstanceId(execution.getProcessInstanceId())
        .setVariablesLocal(concern)
        .correlateWithResult());
  }
}
