package org.safeguardingworkflows.legal;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * The legal planning process's timescales, read by the BPMN as {@code ${legalPlanningSettings.ploTimeLimit}} and
 * so on. Defaults and their sources are in {@code application.yaml} under {@code safeguarding.legal-planning}.
 * Periods are ISO 8601 strings (P28D, P12W) because timers and {@code calendarDates} take them.
 */
@Component("legalPlanningSettings")
@ConfigurationProperties("safeguarding.legal-planning")
public class LegalPlanningSettings {

  private int meetingDueWorkingDays;
  private int stillNotHeldAfterWorkingDays;
  private int decisionDueWorkingDays;
  private int letterDueWorkingDays;
  private int preProceedingsMeetingWorkingDays;
  private String reviewInterval;
  private int reviewDueWorkingDays;
  private String ploDecisionAfter;
  private String ploTimeLimit;
  private int maxExtensionWeeks;
  private int applicationDueWorkingDays;
  private int handoverDueWorkingDays;
  private int planReviewDueWorkingDays;

  @PostConstruct
  void checkSettings() {
    requirePeriod("review-interval", reviewInterval);
    requirePeriod("plo-decision-after", ploDecisionAfter);
    requirePeriod("plo-time-limit", ploTimeLimit);
    LocalDate start = LocalDate.of(2026, 1, 5);
    if (start.plus(Period.parse(ploDecisionAfter)).isAfter(start.plus(Period.parse(ploTimeLimit)))) {
      throw new IllegalStateException("safeguarding.legal-planning.plo-decision-after must not be later than plo-time-limit");
    }
    if (maxExtensionWeeks < 1) {
      throw new IllegalStateException("safeguarding.legal-planning.max-extension-weeks must be at least 1");
    }
  }

  private static void requirePeriod(String name, String value) {
    try {
      Period.parse(value);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalStateException("safeguarding.legal-planning." + name
          + " must be an ISO 8601 period such as P28D or P12W, not '" + value + "'");
    }
  }

  /** When the senior managers are told a second time: the meeting's due date plus the further working days. */
  public int getSecondEscalationWorkingDays() {
    return meetingDueWorkingDays + stillNotHeldAfterWorkingDays;
  }

  public int getMeetingDueWorkingDays() { return meetingDueWorkingDays; }
  public void setMeetingDueWorkingDays(int value) { this.meetingDueWorkingDays = value; }
  public int getStillNotHeldAfterWorkingDays() { return stillNotHeldAfterWorkingDays; }
  public void setStillNotHeldAfterWorkingDays(int value) { this.stillNotHeldAfterWorkingDays = value; }
  public int getDecisionDueWorkingDays() { return decisionDueWorkingDays; }
  public void setDecisionDueWorkingDays(int value) { this.decisionDueWorkingDays = value; }
  public int getLetterDueWorkingDays() { return letterDueWorkingDays; }
  public void setLetterDueWorkingDays(int value) { this.letterDueWorkingDays = value; }
  public int getPreProceedingsMeetingWorkingDays() { return preProceedingsMeetingWorkingDays; }
  public void setPreProceedingsMeetingWorkingDays(int value) { this.preProceedingsMeetingWorkingDays = value; }
  public String getReviewInterval() { return reviewInterval; }
  public void setReviewInterval(String value) { this.reviewInterval = value; }
  public int getReviewDueWorkingDays() { return reviewDueWorkingDays; }
  public void setReviewDueWorkingDays(int value) { this.reviewDueWorkingDays = value; }
  public String getPloDecisionAfter() { return ploDecisionAfter; }
  public void setPloDecisionAfter(String value) { this.ploDecisionAfter = value; }
  public String getPloTimeLimit() { return ploTimeLimit; }
  public void setPloTimeLimit(String value) { this.ploTimeLimit = value; }
  public int getMaxExtensionWeeks() { return maxExtensionWeeks; }
  public void setMaxExtensionWeeks(int value) { this.maxExtensionWeeks = value; }
  public int getApplicationDueWorkingDays() { return applicationDueWorkingDays; }
  public void setApplicationDueWorkingDays(int value) { this.applicationDueWorkingDays = value; }
  /** The team manager's review of a continued plan is due this many working days after its review date. */
  public int getPlanReviewDueWorkingDays() { return planReviewDueWorkingDays; }
  public void setPlanReviewDueWorkingDays(int value) { this.planReviewDueWorkingDays = value; }
  public int getHandoverDueWorkingDays() { return handoverDueWorkingDays; }
  public void setHandoverDueWorkingDays(int value) { this.handoverDueWorkingDays = value; }
}
