package org.safeguardingworkflows.repeaticpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.SettingsCheck;

/** The timescales must make sense together, or the application refuses to start (with the setting named). */
class RepeatIcpcSettingsTest {

  @Test
  void theDefaultsFromApplicationYamlAreConsistent() {
    RepeatIcpcSettings settings = defaults();
    assertThat(SettingsCheck.problems(settings)).isEmpty();
    assertThat(settings.getViewsDueWorkingDays()).as("8 working days less the 2 before the deadline").isEqualTo(6);
    assertThat(settings.repeatWindowPeriod()).isEqualTo(Period.ofYears(2));
  }

  @Test
  void theDiscussionCannotBeDueAfterTheConference() {
    RepeatIcpcSettings settings = defaults();
    settings.setDiscussionDueWorkingDays(16);
    assertThat(SettingsCheck.problems(settings))
        .anyMatch(problem -> problem.startsWith("discussionBeforeTheConference: discussion-due-working-days"));
  }

  @Test
  void escalationCannotComeBeforeTheStrategyDiscussion() {
    RepeatIcpcSettings settings = defaults();
    settings.setEscalateWorkingDaysBeforeDiscussionDeadline(9);
    assertThat(SettingsCheck.problems(settings))
        .anyMatch(problem -> problem.startsWith("escalationAfterTheStrategyDiscussion: "
            + "escalate-working-days-before-discussion-deadline"));
  }

  @Test
  void theSummaryMustBeDueBeforeTheViews() {
    RepeatIcpcSettings settings = defaults();
    settings.setHistorySummaryDueWorkingDays(7);
    assertThat(SettingsCheck.problems(settings))
        .anyMatch(problem -> problem.startsWith("summaryBeforeTheViews: history-summary-due-working-days"));
  }

  @Test
  void theOverrideWindowLiesWithinTheConferencesTimescale() {
    RepeatIcpcSettings settings = defaults();
    settings.setOverrideWithinWorkingDaysOfIcpcDeadline(16);
    assertThat(SettingsCheck.problems(settings)).containsExactly("overrideWithinTheConferenceTimescale: "
        + "override-within-working-days-of-icpc-deadline must not be more than icpc-due-working-days");
    settings.setOverrideWithinWorkingDaysOfIcpcDeadline(-1);
    assertThat(SettingsCheck.problems(settings))
        .containsExactly("overrideWithinWorkingDaysOfIcpcDeadline: must be greater than or equal to 0");
  }

  @Test
  void theRepeatWindowIsAnIsoPeriod() {
    RepeatIcpcSettings settings = defaults();
    settings.setRepeatWindow("two years");
    assertThat(SettingsCheck.problems(settings))
        .anyMatch(problem -> problem.startsWith("repeatWindow: must be a period"));
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
