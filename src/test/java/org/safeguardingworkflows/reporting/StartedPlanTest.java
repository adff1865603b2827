package org.safeguardingworkflows.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What counts as a repeat plan: the one definition behind the headline figures, the monthly chart and the CSV. */
class StartedPlanTest {

  private static final LocalDate START = LocalDate.of(2026, 6, 15);

  @Test
  void aFirstPlanIsNoRepeatAndHasNoIntervalToReport() {
    StartedPlan first = new StartedPlan("C-1", START, "NEG", 1, null);

    assertThat(first.isRepeat()).isFalse();
    assertThat(first.isRepeatWithin2Years()).isFalse();
    assertThat(first.isThirdOrLater()).isFalse();
    assertThat(first.daysSincePreviousPlan()).isNull();
  }

  @Test
  void aSecondPlanIsARepeatHoweverLongAgoTheFirstEnded() {
    StartedPlan longAfter = new StartedPlan("C-1", START, "NEG", 2, START.minusYears(9));

    assertThat(longAfter.isRepeat()).isTrue();
    assertThat(longAfter.isRepeatWithin2Years()).isFalse();
    assertThat(longAfter.daysSincePreviousPlan()).isEqualTo(START.toEpochDay() - START.minusYears(9).toEpochDay());
  }

  @Test
  void anEarlierPlanEndingExactlyTwoYearsBeforeCountsAsWithinTwoYearsAndADayMoreDoesNot() {
    assertThat(new StartedPlan("C-1", START, "NEG", 2, START.minusYears(2)).isRepeatWithin2Years()).isTrue();
    assertThat(new StartedPlan("C-1", START, "NEG", 2, START.minusYears(2).minusDays(1)).isRepeatWithin2Years())
        .isFalse();
  }

  @Test
  void anEarlierPlanWithoutAnEndHadNotEndedSoCountsAsWithinTwoYearsWithoutAnInterval() {
    StartedPlan overlapping = new StartedPlan("C-1", START, "NEG", 2, null);

    assertThat(overlapping.isRepeatWithin2Years()).isTrue();
    assertThat(overlapping.daysSincePreviousPlan()).isNull();
  }

  @Test
  void theThirdPlanIsCountedAsThirdOrLater() {
    assertThat(new StartedPlan("C-1", START, "NEG", 2, START.minusMonths(5)).isThirdOrLater()).isFalse();
    assertThat(new StartedPlan("C-1", START, "NEG", 3, START.minusMonths(5)).isThirdOrLater()).isTrue();
  }
}
