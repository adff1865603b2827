package org.safeguardingworkflows.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;

/** A reported period is read the same way by every report: two ISO dates, inclusive, in order. */
class ReportPeriodTest {

  @Test
  void aPeriodIsTwoInclusiveDates() {
    assertThat(ReportPeriod.parse("2026-04-01", "2027-03-31"))
        .isEqualTo(new ReportPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)));
    assertThat(ReportPeriod.parse("2026-04-01", "2026-04-01").to()).isEqualTo(LocalDate.of(2026, 4, 1));
  }

  @Test
  void eachMissingOrMalformedDateIsNamed() {
    assertThat(fieldsRefused(() -> ReportPeriod.parse(null, "31/03/2027")))
        .containsExactly("from:required", "to:date");
    assertThat(fieldsRefused(() -> ReportPeriod.parse("2026-02-30", "2026-4-1")))
        .containsExactly("from:date", "to:date");
  }

  @Test
  void theEndCannotComeBeforeTheStart() {
    assertThat(fieldsRefused(() -> ReportPeriod.parse("2026-04-02", "2026-04-01")))
        .containsExactly("to:not-before-from");
  }

  @Test
  void aMonthIsWrittenAsYearAndMonth() {
    assertThat(ReportPeriod.month("month", "2026-11")).isEqualTo(YearMonth.of(2026, 11));
    assertThat(fieldsRefused(() -> ReportPeriod.month("month", "2026-13"))).containsExactly("month:month");
    assertThat(fieldsRefused(() -> ReportPeriod.month("month", "11/2026"))).containsExactly("month:month");
  }

  private static List<String> fieldsRefused(Runnable parse) {
    try {
      parse.run();
    } catch (ApiProblem problem) {
      return problem.fieldProblems().stream().map(ReportPeriodTest::fieldAndRule).toList();
    }
    throw new AssertionError("expected the period to be refused");
  }

  private static String fieldAndRule(FieldProblem problem) {
    return problem.field() + ":" + problem.rule();
  }
}
