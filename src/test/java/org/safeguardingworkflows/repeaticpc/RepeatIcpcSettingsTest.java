package org.safeguardingworkflows.repeaticpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;

import org.junit.jupiter.api.Test;

/** The timescales must make sense together, or the application refuses to start. */
class RepeatIcpcSettingsTest {

  @Test
  void theDefaultsFromApplicationYamlAreConsistent() {
    RepeatIcpcSettings settings = defaults();
    settings.checkConsistency();
    assertThat(settings.getViewsDueWorkingDays()).as("8 working days less the 2 before the deadline").isEqualTo(6);
    assertThat(settings.repeatWindowPeriod()).isEqualTo(Period.ofYears(2));
  }

  @Test
  void theDiscussionCannotBeDueAfterTheConference() {
    RepeatIcpcSettings settings = defaults();
    settings.setDiscussionDueWorkingDays(16);
    assertThatThrownBy(settings::checkConsistency).hasMessageContaining("discussion-due-working-days");
  }

  @Test
  void escalationCannotComeBeforeTheStrategyDiscussion() {
    RepeatIcpcSettings settings = defaults();
    settings.setEscalateWorkingDaysBeforeDiscussionDeadline(9);
    assertThatThrownBy(settings::checkConsistency).hasMessageContaining("escalate-working-days-before-discussion-deadline");
  }

  @Test
  void theSummaryMustBeDueBeforeTheViews() {
    RepeatIcpcSettings settings = defaults();
    settings.setHistorySummaryDueWorkingDays(7);
    assertThatThrownBy(settings::checkConsistency).hasMessageContaining("history-summary-due-working-days");
  }

  @Test
  void theOverrideWindowLiesWithinTheConferencesTimescale() {
    RepeatIcpcSettings settings = defaults();
    settings.setOverrideWithinWorkingDaysOfIcpcDeadline(16);
    assertThatThrownBy(settings::checkConsistency).hasMessageContaining("override-within-working-days-of-icpc-deadline");
    settings.setOverrideWithinWorkingDaysOfIcpcDeadline(-1);
    assertThatThrownBy(settings::checkConsistency).hasMessageContaining("override-within-working-days-of-icpc-deadline");
  }

  @Test
  void theRepeatWindowIsAnIsoPeriod() {
    RepeatIcpcSettings settings = defaults();
    settings.setRepeatWindow("two years");
    assertThatThrownBy(settings::checkConsistency).hasMessageContaining("repeat-window");
  }

  private static RepeatIcpcSettings defaults() {
    RepeatIcpcSettings settings = new RepeatIcpcSettings();
    settings.setIcpcDueWorkingDays(15);
    settings.setDiscussionDueWorkingDays(8);
    settings.setEscalateWorkingDaysBeforeDiscussionDeadline(2);
    settings.setHistorySummaryDueWorkingDays(3);
    settings.setChaseDueWorkingDays(1);
    settings.setChaseAgainAfterWorkingDays(1);
    settings.setSchedulingDueWorkingDays(2);
    settings.setOutcomeDueWorkingDays(1);
    settings.setOverrideWithinWorkingDaysOfIcpcDeadline(7);
    settings.setHandoverNoteDueWorkingDays(2);
    settings.setRepeatWindow("P2Y");
    return settings;
  }
}
