package org.safeguardingworkflows.stepdown;

import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.timescales.CalendarDates;
import org.springframework.stereotype.Component;

/** The next CIN services review falls due on the date booked at this one (see {@link NextDateWithinTheCycle}). */
@WritesVariables({"reviewDueOn"})
@Component("nextReviewDate")
public class NextReviewDate extends NextDateWithinTheCycle {

  public NextReviewDate(StepDownSettings settings, CalendarDates calendarDates) {
    super(StepDownVariables.NEXT_REVIEW_ON, "Date of the next review", StepDownVariables.REVIEW_DUE_ON,
        "the child in need review", settings::getReviewInterval, calendarDates);
  }
}
