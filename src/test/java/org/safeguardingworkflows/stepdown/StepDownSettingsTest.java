package org.safeguardingworkflows.stepdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.SettingsCheck;

/**
 * The watch period's rhythm comes from configuration: supervisions and reviews fall due every interval for as long
 * as they fit into the watch period in every month of the year, and a setting that cannot be a period stops the
 * application starting rather than a journey later.
 */
class StepDownSettingsTest {

  private static final String PERIOD_RULE =
      "must be a period longer than zero written in ISO 8601, such as P28D, P12W, P6M or P2Y";

  @Test
  void theDefaultsGiveSixSupervisionsAndFourReviewsInSixMonths() {
    StepDownSettings settings = settings("P6M", "P28D", "P42D");

    assertThat(settings.getSupervisionsDue()).containsExactly("P28D", "P56D", "P84D", "P112D", "P140D", "P168D");
    assertThat(settings.getReviewsDue()).containsExactly("P42D", "P84D", "P126D", "P168D");
  }

  @Test
  void aCycleThatFitsOnlyInLongerMonthsIsLeftOutRatherThanFallingDueAfterTheWatchPeriod() {
    // Six months hold 181 days from 1 January (a February), but 184 from 1 July: day 182 does not always fit.
    assertThat(settings("P6M", "P91D", "P182D").getSupervisionsDue()).containsExactly("P91D");
    assertThat(settings("P6M", "P91D", "P91D").getReviewsDue()).containsExactly("P91D");
  }

  @Test
  void monthlyCyclesAreCountedInMonths() {
    assertThat(settings("P6M", "P1M", "P3M").getSupervisionsDue())
        .containsExactly("P1M", "P2M", "P3M", "P4M", "P5M", "P6M");
  }

  @Test
  void theDefaultsMayStartTheApplication() {
    assertThat(SettingsCheck.problems(settings("P6M", "P28D", "P42D"))).isEmpty();
  }

  @Test
  void aZeroNegativeOrUnreadablePeriodStopsTheStartWithTheSettingNamed() {
    assertThat(SettingsCheck.problems(settings("P6M", "P0D", "P42D")))
        .containsExactly("supervisionInterval: " + PERIOD_RULE);
    assertThat(SettingsCheck.problems(settings("P6M", "P28D", "P-42D")))
        .containsExactly("reviewInterval: " + PERIOD_RULE);
    assertThat(SettingsCheck.problems(settings("six months", "P28D", "P42D")))
        .containsExactly("watchPeriod: " + PERIOD_RULE);
  }

  @Test
  void anIntervalLongerThanTheWatchPeriodStopsTheStart() {
    assertThat(SettingsCheck.problems(settings("P6M", "P28D", "P7M")))
        .containsExactly("everyCycleInsideTheWatchPeriod: "
            + "supervision-interval and review-interval must each fit at least once into the watch period");
  }

  @Test
  void aTimescaleOfNoWorkingDaysStopsTheStart() {
    StepDownSettings settings = settings("P6M", "P28D", "P42D");
    settings.setMeetingDueWorkingDays(0);

    assertThat(SettingsCheck.problems(settings)).containsExactly("meetingDueWorkingDays: must be greater than 0");
  }

  @Test
  void theSeniorManagerHearsOfALateSupervisionOnceItIsDueAndLate() {
    StepDownSettings settings = settings("P6M", "P28D", "P42D");
    settings.setRecurringTaskDueWorkingDays(5);
    settings.setOverdueAfterWorkingDays(5);

    assertThat(settings.getOverdueEscalationWorkingDays()).isEqualTo(10);
  }

  private static StepDownSettings settings(String watchPeriod, String supervisionInterval, String reviewInterval) {
    StepDownSettings settings = new StepDownSettings();
    settings.setWatchPeriod(watchPeriod);
    settings.setSupervisionInterval(supervisionInterval);
    settings.setReviewInterval(reviewInterval);
    settings.setEarlyHelpCheckAfter("P42D");
    settings.setFirstReEmergenceCheckAfter("P3M");
    settings.setSecondReEmergenceCheckAfter("P6M");
    settings.setMeetingDueWorkingDays(10);
    settings.setDecisionDueWorkingDays(5);
    settings.setRecurringTaskDueWorkingDays(5);
    settings.setOverdueAfterWorkingDays(5);
    settings.setHandoverDueWorkingDays(5);
    return settings;
  }
}
