package org.safeguardingworkflows.timescales;

import java.time.LocalDate;
import java.time.Period;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Deadlines counted in calendar time rather than working days: court orders run for months and years, and the
 * pre-proceedings clock counts weeks. Used from BPMN timer expressions, e.g.
 * {@code ${calendarDates.before(orderEndDate, supervisionOrderSettings.extensionDecisionBeforeExpiry)}}, with the
 * dates the process keeps as ISO strings and the periods from a settings bean. Every deadline falls at the end of
 * the working day, as {@link WorkingDays} deadlines do.
 */
@Component("calendarDates")
public class CalendarDates {

  private final CalendarProperties calendar;

  public CalendarDates(CalendarProperties calendar) {
    this.calendar = calendar;
  }

  /** The end of the working day on this date (an ISO date string or a LocalDate). */
  public Date endOfDay(Object date) {
    return calendar.endOfDay(CalendarProperties.dateOf(date));
  }

  /** The end of the working day an ISO period (P12W, P3M, P1Y) after the date. */
  public Date after(Object date, String isoPeriod) {
    return endOfDay(plus(CalendarProperties.dateOf(date), isoPeriod));
  }

  /** The end of the working day an ISO period before the date. */
  public Date before(Object date, String isoPeriod) {
    return endOfDay(minus(CalendarProperties.dateOf(date), isoPeriod));
  }

  /**
   * The calendar date an ISO period from today, as the ISO date string the process keeps ({@code 2026-03-30}): a
   * date a later step may replace (the next supervision booked earlier) and a gateway may compare as text, since ISO
   * dates sort as they read.
   */
  public String dayFromToday(String isoPeriod) {
    return plus(today(), isoPeriod).toString();
  }

  /** Today in the service's time zone, on the engine's clock (which tests move). */
  public LocalDate today() {
    return calendar.today();
  }

  public static LocalDate plus(LocalDate date, String isoPeriod) {
    return date.plus(Period.parse(isoPeriod));
  }

  public static LocalDate minus(LocalDate date, String isoPeriod) {
    return date.minus(Period.parse(isoPeriod));
  }

}
