package org.safeguardingworkflows.timescales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Statutory deadlines skip weekends and the bank holidays of England and Wales. */
class WorkingDaysTest {

  final WorkingDays workingDays = new WorkingDays(
      new CalendarProperties("GB", "eng", ZoneId.of("Europe/London"), LocalTime.of(17, 0)));

  @Test
  void aWeekendDoesNotCount() {
    // Friday 6 March 2026 + 1 working day = Monday 9 March
    assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
  }

  @Test
  void easterDoesNotCount() {
    // Thursday 2 April 2026 + 1 = Tuesday 7 April (Good Friday 3 April, Easter Monday 6 April)
    assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
  }

  @Test
  void christmasAndTheSubstituteBoxingDayDoNotCount() {
    // Thursday 24 December 2026 + 1 = Tuesday 29 December (Christmas Friday, Boxing Day substitute Monday 28)
    assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 29));
  }

  @Test
  void theEarlyMayAndSpringBankHolidaysDoNotCount() {
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 5, 4))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 5, 25))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 8, 31))).as("summer bank holiday (England)").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 8, 3))).as("Scotland's summer holiday is a working day in England").isTrue();
  }

  @Test
  void anIcpcDeadlineOfFifteenWorkingDaysSpansAWeekendAndABankHoliday() {
    // Strategy discussion Tuesday 28 April 2026: 15 working days, skipping 4 May, is Wednesday 20 May.
    assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 4, 28), 15)).isEqualTo(LocalDate.of(2026, 5, 20));
  }

  @Test
  void aDeadlineFallsAtTheEndOfTheWorkingDayInLondon() {
    assertThat(workingDays.after("2026-06-01", 1).toInstant())
        .isEqualTo(ZonedDateTime.of(2026, 6, 2, 17, 0, 0, 0, ZoneId.of("Europe/London")).toInstant());
  }

  @Test
  void aNegativeNumberOfDaysIsRefused() {
    assertThatThrownBy(() -> workingDays.addWorkingDays(LocalDate.of(2026, 6, 1), -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
