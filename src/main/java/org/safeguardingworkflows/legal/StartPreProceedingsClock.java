package org.safeguardingworkflows.legal;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.timescales.CalendarDates;
import org.springframework.stereotype.Component;

/**
 * Pre-proceedings run to a clock that starts at the pre-proceedings meeting: a decision is due at week 12 and
 * the time limit falls at week 16 (by default). The dates are kept as variables so that the timers, Tasklist,
 * the API and the audit report all read the same deadlines.
 */
@WritesVariables({"ploStartDate", "ploDecisionDueDate", "ploEndDate", "ploExtensions"})
@Component("startPreProceedingsClock")
public class StartPreProceedingsClock implements JavaDelegate {

  private final LegalPlanningSettings settings;

  public StartPreProceedingsClock(LegalPlanningSettings settings) {
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate start = LegalPlanningVariables.PRE_PROCEEDINGS_MEETING_DATE.from(execution);
    LegalPlanningVariables.PLO_START_DATE.setOn(execution, start);
    LegalPlanningVariables.PLO_DECISION_DUE_DATE.setOn(execution,
        CalendarDates.plus(start, settings.getPloDecisionAfter()));
    LegalPlanningVariables.PLO_END_DATE.setOn(execution, CalendarDates.plus(start, settings.getPloTimeLimit()));
    LegalPlanningVariables.PLO_EXTENSIONS.setOn(execution, 0);
  }
}
