package org.safeguardingworkflows.timescales;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Date;

import org.springframework.stereotype.Component;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Statutory deadlines count working days: weekends and bank holidays do not count. Used from BPMN
 * expressions ({@code ${workingDays.after(planEndDate, 10)}}) for task due dates and timer dates alike, so
 * that what Tasklist shows as due and when an escalation fires always agree. "Today" is the engine's clock,
 * which tests move forward.
 */
@Component("workingDays")
public class WorkingDays {

  private final HolidayManager holidays;
  private final CalendarProperties calendar;

  public WorkingDays(CalendarProperties calendar) {
    this.calendar = calendar;
    this.holidays = HolidayManager.getInstance(ManagerParameters.create(calendar.country()));
  }

  /** The deadline {@code workingDays} working days after {@code start} (an ISO date string or a LocalDate). */
  public Date after(Object start, int workingDays) {
    return calendar.endOfDay(addWorkingDays(CalendarProperties.dateOf(start), workingDays));
  }

  /** The deadline {@code workingDays} working days after today. */
  public Date fromToday(int workingDays) {
    return calendar.endOfDay(addWorkingDays(today(), workingDays));
  }

  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("A number of working days cannot be negative: " + workingDays);
    }
    LocalDate date = start;
    int counted = 0;
    while (counted < workingDays) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date, calendar.region());
  }

  public LocalDate today() {
    return calendar.today();
  }

  /** The local authority's calendar date of an instant. */
  public LocalDate localDate(Date instant) {
    return instant.toInstant().atZone(calendar.zone()).toLocalDate();
  }
}
