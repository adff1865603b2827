package org.safeguardingworkflows.testsupport;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves the engine's clock, which timers, due dates and working-day deadlines all read. */
public final class EngineClock {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private EngineClock() {
  }

  public static void setTo(LocalDate date, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(date, time, LONDON).toInstant()));
  }

  public static void setTo(Date instant) {
    ClockUtil.setCurrentTime(instant);
  }

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(LONDON).toLocalDate();
  }

  public static void reset() {
    ClockUtil.reset();
  }

  public static ZonedDateTime inLondon(Date instant) {
    return instant.toInstant().atZone(LONDON);
  }
}
