package org.safeguardingworkflows.stepdown;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * The step-down journey's timescales, read by the BPMN as {@code ${stepDownSettings.watchPeriod}} and so on.
 * Defaults and their sources are in {@code application.yaml} under {@code safeguarding.step-down}.
 * Durations are ISO 8601 strings because that is what Camunda timers take.
 * <p>
 * Supervisions and CIN reviews are due on fixed dates counted from the start of the watch period:
 * {@link #getSupervisionsDue()} lists "one cycle after the start", "two cycles after the start"... for every date that
 * falls within the watch period, and the diagram starts one timer per entry when the watch period starts. A late
 * supervision therefore never pushes the next one back.
 */
@Component("stepDownSettings")
@ConfigurationProperties("safeguarding.step-down")
public class StepDownSettings {

  private int meetingDueWorkingDays;
  private int decisionDueWorkingDays;
  private String watchPeriod;
  private String supervisionInterval;
  private String reviewInterval;
  private int recurringTaskDueWorkingDays;
  private int overdueAfterWorkingDays;
  private int handoverDueWorkingDays;
  private String earlyHelpCheckAfter;
  private String firstReEmergenceCheckAfter;
  private String secondReEmergenceCheckAfter;

  @PostConstruct
  void checkDurations() {
    requireIsoDuration("watch-period", watchPeriod);
    requireIsoDuration("supervision-interval", supervisionInterval);
    requireIsoDuration("review-interval", reviewInterval);
    requireIsoDuration("early-help-check-after", earlyHelpCheckAfter);
    requirePeriod("watch-period", watchPeriod);
    requirePeriod("supervision-interval", supervisionInterval);
    requirePeriod("review-interval", reviewInterval);
    requirePeriod("first-re-emergence-check-after", firstReEmergenceCheckAfter);
    requirePeriod("second-re-emergence-check-after", secondReEmergenceCheckAfter);
    if (getSupervisionsDue().isEmpty() || getReviewsDue().isEmpty()) {
      throw new IllegalStateException("safeguarding.step-down.supervision-interval and review-interval must each fit at least once "
          + "into the watch period (" + watchPeriod + ")");
    }
  }

  private static void requirePeriod(String name, String value) {
    try {
      Period period = Period.parse(value);
      if (period.isNegative() || period.isZero()) {
        throw new IllegalStateException("safeguarding.step-down." + name + " must be longer than zero, not '" + value + "'");
      }
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalStateException("safeguarding.step-down." + name + " must be an ISO 8601 period in days, weeks, months "
          + "or years such as P6M or P28D, not '" + value + "'");
    }
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

  private static void requireIsoDuration(String name, String value) {
    try {
      if (value != null && value.contains("T")) {
        Duration.parse(value);
      } else {
        Period.parse(value);
      }
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalStateException("safeguarding.step-down." + name + " must be an ISO 8601 duration such as P6M or P28D, not '" + value + "'");
    }
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
