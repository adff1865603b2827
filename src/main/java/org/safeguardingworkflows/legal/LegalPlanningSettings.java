package org.safeguardingworkflows.legal;

import java.time.LocalDate;
import java.time.Period;

import org.safeguardingworkflows.timescales.IsoPeriod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;

/**
 * The legal planning process's timescales, read by the BPMN as {@code ${legalPlanningSettings.ploTimeLimit}} and
 * so on. Defaults and their sources are in {@code application.yaml} under {@code safeguarding.legal-planning}.
 * Periods are ISO 8601 strings (P28D, P12W) because timers and {@code calendarDates} take them.
 */
@Component("legalPlanningSettings")
@ConfigurationProperties("safeguarding.legal-planning")
@Validated
public class LegalPlanningSettings {

  @Positive
  private int meetingDueWorkingDays;
  @Positive
  private int stillNotHeldAfterWorkingDays;
  @Positive
  private int decisionDueWorkingDays;
  @Positive
  private int letterDueWorkingDays;
  @Positive
  private int preProceedingsMeetingWorkingDays;
  @IsoPeriod
  private String reviewInterval;
  @Positive
  private int reviewDueWorkingDays;
  @IsoPeriod
  private String ploDecisionAfter;
  @IsoPeriod
  private String ploTimeLimit;
  @Positive
  private int maxExtensionWeeks;
  @Positive
  private int applicationDueWorkingDays;
  @Positive
  private int handoverDueWorkingDays;
  @Positive
  private int planReviewDueWorkingDays;

  /** The decision on proceedings is due within the PLO's time limit, not after it. */
  @AssertTrue(message = "plo-decision-after must not be later than plo-time-limit")
  public boolean isDecisionWithinTheTimeLimit() {
    Period decision = IsoPeriod.Check.parse(ploDecisionAfter);
    Period limit = IsoPeriod.Check.parse(ploTimeLimit);
    if (decision == null || limit == null) {
      return true; // the periods themselves are reported on their own
    }
    LocalDate start = LocalDate.of(2026, 1, 5);
    return !start.plus(decision).isAfter(start.plus(limit));
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
