package org.safeguardingworkflows.stepdown;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.springframework.stereotype.Component;

/**
 * Writes how the journey ended (the service task's {@code journeyOutcome} input: CLOSED, EARLY_HELP, ESCALATED or
 * RE_EMERGED) to the child's plan history, where the audit report reads it. A new plan made during the journey
 * (RE_EMERGED) is written as "re-emerged: new plan after N months", N being the whole months between the end of the
 * plan this journey followed and the start of the new one (the message's {@code newPlanStartDate}).
 */
@WritesVariables({"journeyOutcome"})
@Component("recordJourneyOutcome")
public class RecordJourneyOutcome implements JavaDelegate {

  static final String RE_EMERGED = "RE_EMERGED";

  private final PlanHistory planHistory;

  public RecordJourneyOutcome(PlanHistory planHistory) {
    this.planHistory = planHistory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = StepDownVariables.JOURNEY_OUTCOME.localFrom(execution);
    if (RE_EMERGED.equals(outcome)) {
      outcome = reEmerged(StepDownVariables.PLAN_END_DATE.from(execution),
          StepDownVariables.NEW_PLAN_START_DATE.from(execution));
    }
    planHistory.recordStepDownOutcome(execution.getProcessInstanceId(), outcome);
    StepDownVariables.JOURNEY_OUTCOME.setOn(execution.getProcessInstance(), outcome);
  }

  /** "re-emerged: new plan after 7 months" (whole months; never negative). */
  static String reEmerged(LocalDate planEnd, LocalDate newPlanStart) {
    if (planEnd == null || newPlanStart == null) {
      return "re-emerged: new plan";
    }
    long months = Math.max(0, ChronoUnit.MONTHS.between(planEnd, newPlanStart));
    return "re-emerged: new plan after " + months + (months == 1 ? " month" : " months");
  }
}
