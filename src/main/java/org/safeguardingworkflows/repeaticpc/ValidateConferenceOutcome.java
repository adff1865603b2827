package org.safeguardingworkflows.repeaticpc;

import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.platform.ShownDate;
import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.CONFERENCE_DECISION;
import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.PLAN_START_DATE;
import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.STRATEGY_DISCUSSION_DATE;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The conference's decision as the coordinator records it in Tasklist: a plan or not, and for a plan the day it
 * started, which is neither in the future nor before the strategy discussion that led to the conference. Whether the
 * plan would overlap another of the child's plans is checked as it is added to the history
 * ({@link AddRepeatPlanToHistory}), whichever way the outcome arrived. The answer becomes {@code planMade}, the
 * variable the outcome sent through the API sets too.
 */
@WritesVariables({"planMade"})
@Component("validateConferenceOutcome")
public class ValidateConferenceOutcome implements TaskListener {

  static final String PLAN_MADE = "PLAN_MADE";
  static final String NO_PLAN = "NO_PLAN";

  private final WorkingDays workingDays;

  public ValidateConferenceOutcome(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = CONFERENCE_DECISION.from(task);
    if (!PLAN_MADE.equals(decision) && !NO_PLAN.equals(decision)) {
      throw new FormFieldValidationException(CONFERENCE_DECISION.name(), "Please say whether the conference made a child protection plan.");
    }
    RepeatIcpcVariables.PLAN_MADE.setOn(task, PLAN_MADE.equals(decision));
    if (NO_PLAN.equals(decision)) {
      PLAN_START_DATE.setOn(task, null);
      return;
    }
    LocalDate start;
    try {
      start = PLAN_START_DATE.from(task);
    } catch (DateTimeParseException e) {
      throw new FormFieldValidationException(PLAN_START_DATE.name(), "The date the plan started must be a real date written as dd/mm/yyyy.");
    }
    if (start == null) {
      throw new FormFieldValidationException(PLAN_START_DATE.name(), "Please give the date the child protection plan started.");
    }
    if (start.isAfter(workingDays.today())) {
      throw new FormFieldValidationException(PLAN_START_DATE.name(), "The plan cannot start in the future: give the date of the conference that made it.");
    }
    LocalDate strategyDiscussion = STRATEGY_DISCUSSION_DATE.from(task);
    if (strategyDiscussion != null && start.isBefore(strategyDiscussion)) {
      throw new FormFieldValidationException(PLAN_START_DATE.name(), "The plan cannot start before the strategy discussion of "
          + ShownDate.of(strategyDiscussion) + " that led to the conference.");
    }
  }
}
