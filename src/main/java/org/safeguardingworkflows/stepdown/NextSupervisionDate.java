package org.safeguardingworkflows.stepdown;

import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.timescales.CalendarDates;
import org.springframework.stereotype.Component;

/** The next management supervision falls due on the date booked at this one (see {@link NextDateWithinTheCycle}). */
@WritesVariables({"supervisionDueOn"})
@Component("nextSupervisionDate")
public class NextSupervisionDate extends NextDateWithinTheCycle {

  public NextSupervisionDate(StepDownSettings settings, CalendarDates calendarDates) {
    super(StepDownVariables.NEXT_SUPERVISION_ON, "Date of the next supervision", StepDownVariables.SUPERVISION_DUE_ON,
        "management supervision", settings::getSupervisionInterval, calendarDates);
  }
}
