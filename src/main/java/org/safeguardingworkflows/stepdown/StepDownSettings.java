package org.safeguardingworkflows.stepdown;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.safeguardingworkflows.timescales.IsoPeriod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;

/**
 * The step-down journey's timescales, read by the BPMN as {@code ${stepDownSettings.watchPeriod}} and so on.
 * Defaults and their sources are in {@code application.yaml} under {@code safeguarding.step-down}.
 * Durations are ISO 8601 strings because that is what Camunda timers take.
 * <p>
 * The first supervision and CIN review fall due one cycle after the watch period starts; each then falls due on the
 * date booked at the one before, never later than one cycle after that one was due ({@link NextDateWithinTheCycle}).
 * {@link #getSupervisionsDue()} lists the dates the default cycle gives within the watch period ("one cycle after the
 * start", "two cycles after the start"...), which the settings check uses: every watch period holds at least one.
 */
@Component("stepDownSettings")
@ConfigurationProperties("safeguarding.step-down")
@Validated
public class StepDownSettings {

  @Positive
  private int meetingDueWorkingDays;
  @Positive
  private int decisionDueWorkingDays;
  @IsoPeriod
  private String watchPeriod;
  @IsoPeriod
  private String supervisionInterval;
  @IsoPeriod
  private String reviewInterval;
  @Positive
  private int recurringTaskDueWorkingDays;
  @Positive
  private int overdueAfterWorkingDays;
  @Positive
  private int handoverDueWorkingDays;
  @IsoPeriod
  private String earlyHelpCheckAfter;
  @IsoPeriod
  private String firstReEmergenceCheckAfter;
  @IsoPeriod
  private String secondReEmergenceCheckAfter;

  /** Checked with the settings: a watch period with no supervision or no review in it would watch nothing. */
  @AssertTrue(message = "supervision-interval and review-interval must each fit at least once into the watch period")
  public boolean isEveryCycleInsideTheWatchPeriod() {
    if (IsoPeriod.Check.parse(watchPeriod) == null || IsoPeriod.Check.parse(supervisionInterval) == null
        || IsoPeriod.Check.parse(reviewInterval) == null) {
      return true; // the periods themselves are reported on their own
    }
    return !getSupervisionsDue().isEmpty() && !getReviewsDue().isEmpty();
  }

  /** How long after the start of the watch period each supervision falls due (P28D, P56D...), all within the period. */
  public List<String> getSupervisionsDue() {
    return cyclesWithinWatchPeriod(supervisionInterval);
  }

  /** How long after the start of the watch period each CIN review falls due (P42D, P84D...), all within the period. */
  public List<String> getReviewsDue() {
    return cyclesWithinWatchPeriod(reviewInterval);
  }

  /** How long after the closure meeting the partner agencies are asked about re-emerging difficulties (P3M, P6M). */
  public List<String> getReEmergenceChecks() {
    return List.of(firstReEmergenceCheckAfter, secondReEmergenceCheckAfter);
  }

  /**
   * One, two, three... cycles, as long as they end on or before the end of the watch period. Months differ in length,
   * so the comparison is made from a fixed reference date (the longest six months contain 184 days); a cycle that
   * fits only in some months is left out rather than falling due after the watch period has ended.
   */
  private List<String> cyclesWithinWatchPeriod(String cycle) {
    Period step = Period.parse(cycle);
    Period watch = Period.parse(watchPeriod);
    List<String> due = new ArrayList<>();
    for (int n = 1; n <= 1000; n++) {
      Period after = step.multipliedBy(n).normalized();
      boolean fitsEveryStart = true;
      for (int month = 1; month <= 12; month++) {
        LocalDate start = LocalDate.of(2026, month, 1);
        if (start.plus(after).isAfter(start.plus(watch))) {
          fitsEveryStart = false;
        }
      }
      if (!fitsEveryStart) {
        break;
      }
      due.add(after.toString());
    }
    return due;
  }

  /** When the senior manager is told about an unfinished supervision or review: due date plus the days late. */
  public int getOverdueEscalationWorkingDays() {
    return recurringTaskDueWorkingDays + overdueAfterWorkingDays;
  }

  /**
   * When a senior manager is told the step-down meeting has not been held: its due date (counted from the end of the
   * plan) plus the days late. A plan recorded weeks after it ended makes this the day the journey starts.
   */
  public int getMeetingChaseWorkingDays() {
    return meetingDueWorkingDays + overdueAfterWorkingDays;
  }

  /** When a senior manager is told the team manager has not decided on the step-down plan: due date plus days late. */
  public int getDecisionChaseWorkingDays() {
    return decisionDueWorkingDays + overdueAfterWorkingDays;
  }

  public int getMeetingDueWorkingDays() { return meetingDueWorkingDays; }
  public void setMeetingDueWorkingDays(int value) { this.meetingDueWorkingDays = value; }
  public int getDecisionDueWorkingDays() { return decisionDueWorkingDays; }
  public void setDecisionDueWorkingDays(int value) { this.decisionDueWorkingDays = value; }
  public String getWatchPeriod() { return watchPeriod; }
  public void setWatchPeriod(String value) { this.watchPeriod = value; }
  public String getSupervisionInterval() { return supervisionInterval; }
  public void setSupervisionInterval(String value) { this.supervisionInterval = value; }
  public String getReviewInterval() { return reviewInterval; }
  public void setReviewInterval(String value) { this.reviewInterval = value; }
  public int getRecurringTaskDueWorkingDays() { return recurringTaskDueWorkingDays; }
  public void setRecurringTaskDueWorkingDays(int value) { this.recurringTaskDueWorkingDays = value; }
  public int getOverdueAfterWorkingDays() { return overdueAfterWorkingDays; }
  public void setOverdueAfterWorkingDays(int value) { this.overdueAfterWorkingDays = value; }
  public int getHandoverDueWorkingDays() { return handoverDueWorkingDays; }
  public void setHandoverDueWorkingDays(int value) { this.handoverDueWorkingDays = value; }
  public String getEarlyHelpCheckAfter() { return earlyHelpCheckAfter; }
  public void setEarlyHelpCheckAfter(String value) { this.earlyHelpCheckAfter = value; }
  public String getFirstReEmergenceCheckAfter() { return firstReEmergenceCheckAfter; }
  public void setFirstReEmergenceCheckAfter(String value) { this.firstReEmergenceCheckAfter = value; }
  public String getSecondReEmergenceCheckAfter() { return secondReEmergenceCheckAfter; }
  public void setSecondReEmergenceCheckAfter(String value) { this.secondReEmergenceCheckAfter = value; }
}
