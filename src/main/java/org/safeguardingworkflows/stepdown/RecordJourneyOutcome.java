package org.safeguardingworkflows.stepdown;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.springframework.stereotype.Component;

/**
 * Writes how the journey ended (the service task's {@code journeyOutcome} input: CLOSED, EARLY_HELP or
 * ESCALATED) to the child's plan history, where the audit report reads it.
 */
@Component("recordJourneyOutcome")
public class RecordJourneyOutcome implements JavaDelegate {

  private final PlanHistory planHistory;

  public RecordJourneyOutcome(PlanHistory planHistory) {
    this.planHistory = planHistory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = (String) execution.getVariableLocal(StepDownVariables.JOURNEY_OUTCOME);
    planHistory.recordStepDownOutcome(execution.getProcessInstanceId(), outcome);
    execution.getProcessInstance().setVariable(StepDownVariables.JOURNEY_OUTCOME, outcome);
  }
}
