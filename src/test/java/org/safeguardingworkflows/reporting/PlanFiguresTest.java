package org.safeguardingworkflows.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.CategoryOfAbuse;

/** The arithmetic of one period's figures: rates, months between plans, categories. */
class PlanFiguresTest {

  private static final LocalDate FROM = LocalDate.of(2026, 4, 1);
  private static final LocalDate TO = LocalDate.of(2027, 3, 31);

  private final PlanFigures.Tally tally = new PlanFigures.Tally(FROM, TO);

  @Test
  void aPeriodWithoutPlansHasNoRatesAndNoMonthsRatherThanZeros() {
    PlanFigures figures = tally.figures();

    assertThat(figures.plansStarted()).isZero();
    assertThat(figures.repeatRate()).isNull();
    assertThat(figures.repeatRateWithin2Years()).isNull();
    assertThat(figures.meanMonthsBetweenPlans()).isNull();
    assertThat(figures.medianMonthsBetweenPlans()).isNull();
  }

  @Test
  void ratesAreSharesOfThePlansStartedWithThreeDecimals() {
    tally.add(first("C-1"));
    tally.add(first("C-2"));
    tally.add(repeat("C-3", 2, 100));
    tally.add(repeat("C-4", 3, 1000));

    PlanFigures figures = tally.figures();

    assertThat(figures.plansStarted()).isEqualTo(4);
    assertThat(figures.repeatPlans()).isEqualTo(2);
    assertThat(figures.repeatRate()).isEqualByComparingTo("0.500");
    assertThat(figures.repeatRate().scale()).isEqualTo(3);
    assertThat(figures.repeatPlansWithin2Years()).isEqualTo(1);
    assertThat(figures.repeatRateWithin2Years()).isEqualByComparingTo("0.250");
    assertThat(figures.thirdOrLaterPlans()).isEqualTo(1);
  }

  @Test
  void aChildWithTwoRepeatPlansInThePeriodIsOneChild() {
    tally.add(repeat("C-1", 2, 60));
    tally.add(repeat("C-1", 3, 30));

    assertThat(tally.figures().repeatPlans()).isEqualTo(2);
    assertThat(tally.figures().childrenWithRepeatPlan()).isEqualTo(1);
  }

  @Test
  void monthsBetweenPlansAreDaysOverTheAverageMonthWithOneDecimal() {
    tally.add(repeat("C-1", 2, 30));
    tally.add(repeat("C-2", 2, 61));
    tally.add(repeat("C-3", 2, 365));

    PlanFigures figures = tally.figures();

    // mean: 456 days / 3 / 30.4375 = 4.99...; median: the middle gap, 61 days / 30.4375 = 2.004...
    assertThat(figures.meanMonthsBetweenPlans()).isEqualByComparingTo(new BigDecimal("5.0"));
    assertThat(figures.medianMonthsBetweenPlans()).isEqualByComparingTo(new BigDecimal("2.0"));
  }

  @Test
  void theMedianOfAnEvenNumberOfGapsIsTheMeanOfTheMiddleTwo() {
    tally.add(repeat("C-1", 2, 30));
    tally.add(repeat("C-2", 2, 92));

    // (30 + 92) / 2 = 61 days = 2.0 months
    assertThat(tally.figures().medianMonthsBetweenPlans()).isEqualByComparingTo(new BigDecimal("2.0"));
  }

  @Test
  void everyCategoryIsListedEvenWhenNoRepeatPlanHadIt() {
    tally.add(repeat("C-1", 2, 30));

    assertThat(tally.figures().byCategory()).hasSize(CategoryOfAbuse.values().length);
    assertThat(tally.figures().byCategory().get("NEG")).isEqualTo(1);
    assertThat(tally.figures().byCategory().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
  }

  private static StartedPlan first(String childRef) {
    return new StartedPlan(childRef, FROM.plusDays(10), "NEG", 1, null);
  }

  private static StartedPlan repeat(String childRef, int planNumber, int daysSinceEarlierPlanEnded) {
    LocalDate start = FROM.plusDays(10);
    return new StartedPlan(childRef, start, "NEG", planNumber, start.minusDays(daysSinceEarlierPlanEnded));
  }
}
