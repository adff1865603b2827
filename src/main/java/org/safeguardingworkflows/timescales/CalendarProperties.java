package org.safeguardingworkflows.timescales;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which public holidays count and when a working day ends.
 *
 * @param country jollyday calendar code (GB)
 * @param region jollyday subdivision: {@code eng} (England; Wales has the same bank holidays)
 * @param zone the local authority's time zone
 * @param endOfWorkingDay the time of day at which a deadline falls due
 */
@ConfigurationProperties("safeguarding.calendar")
public record CalendarProperties(String country, String region, ZoneId zone, LocalTime endOfWorkingDay) {

  /** Today in the local authority's time zone, on the engine's clock (which tests move). */
  LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
  }

  /** The end of the working day on this date: when a deadline on it falls due. */
  Date endOfDay(LocalDate date) {
    return Date.from(ZonedDateTime.of(date, endOfWorkingDay, zone).toInstant());
  }

  /** A date as the diagrams pass it: a LocalDate, or the ISO string ({@code yyyy-MM-dd}) the process keeps. */
  static LocalDate dateOf(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof String text) {
      return LocalDate.parse(text);
    }
    throw new IllegalArgumentException("Expected an ISO date (yyyy-MM-dd) but got " + value);
  }
}
