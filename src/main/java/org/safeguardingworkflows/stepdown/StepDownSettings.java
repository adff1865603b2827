package org.safeguardingworkflows.stepdown;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * The step-down journey's timescales, read by the BPMN as {@code ${stepDownSettings.watchPeriod}} and so on.
 * Defaults and their sources are in {@code application.yaml} under {@code safeguarding.step-down}.
 * Durations are ISO 8601 strings because that is what Camunda timers take.
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

  @PostConstruct
  void checkDurations() {
    requireIsoDuration("watch-period", watchPeriod);
    requireIsoDuration("supervision-interval", supervisionInterval);
    requireIsoDuration("review-interval", reviewInterval);
    requireIsoDuration("early-help-check-after", earlyHelpCheckAfter);
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
}
