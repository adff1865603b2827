package org.safeguardingworkflows.supervisionorder;

import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * The supervision order process's timescales, read by the BPMN as {@code ${supervisionOrderSettings.X}}.
 * Defaults and their sources are in {@code application.yaml} under {@code safeguarding.supervision-order}.
 * Periods are ISO 8601 strings (P42D, P3M, P3Y).
 */
@Component("supervisionOrderSettings")
@ConfigurationProperties("safeguarding.supervision-order")
public class SupervisionOrderSettings {

  private int defaultLengthMonths;
  private int maxLengthMonths;
  private String absoluteLimit;
  private int supportPlanDueWorkingDays;
  private String outcomeReviewInterval;
  private int reviewDueWorkingDays;
  private String extensionDecisionBeforeExpiry;
  private String extensionEscalationBeforeExpiry;
  private int decisionDueWorkingDays;
  private String reReferralCheckAfter;
  private int handoverDueWorkingDays;

  @PostConstruct
  void checkSettings() {
    requirePeriod("absolute-limit", absoluteLimit);
    requirePeriod("outcome-review-interval", outcomeReviewInterval);
    requirePeriod("extension-decision-before-expiry", extensionDecisionBeforeExpiry);
    requirePeriod("extension-escalation-before-expiry", extensionEscalationBeforeExpiry);
    requirePeriod("re-referral-check-after", reReferralCheckAfter);
    if (defaultLengthMonths < 1 || defaultLengthMonths > maxLengthMonths) {
      throw new IllegalStateException("safeguarding.supervision-order.default-length-months must be from 1 to max-length-months");
    }
  }

  private static void requirePeriod(String name, String value) {
    try {
      Period.parse(value);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalStateException("safeguarding.supervision-order." + name
          + " must be an ISO 8601 period such as P42D, P3M or P3Y, not '" + value + "'");
    }
  }

  public int getDefaultLengthMonths() { return defaultLengthMonths; }
  public void setDefaultLengthMonths(int value) { this.defaultLengthMonths = value; }
  public int getMaxLengthMonths() { return maxLengthMonths; }
  public void setMaxLengthMonths(int value) { this.maxLengthMonths = value; }
  public String getAbsoluteLimit() { return absoluteLimit; }
  public void setAbsoluteLimit(String value) { this.absoluteLimit = value; }
  public int getSupportPlanDueWorkingDays() { return supportPlanDueWorkingDays; }
  public void setSupportPlanDueWorkingDays(int value) { this.supportPlanDueWorkingDays = value; }
  public String getOutcomeReviewInterval() { return outcomeReviewInterval; }
  public void setOutcomeReviewInterval(String value) { this.outcomeReviewInterval = value; }
  public int getReviewDueWorkingDays() { return reviewDueWorkingDays; }
  public void setReviewDueWorkingDays(int value) { this.reviewDueWorkingDays = value; }
  public String getExtensionDecisionBeforeExpiry() { return extensionDecisionBeforeExpiry; }
  public void setExtensionDecisionBeforeExpiry(String value) { this.extensionDecisionBeforeExpiry = value; }
  public String getExtensionEscalationBeforeExpiry() { return extensionEscalationBeforeExpiry; }
  public void setExtensionEscalationBeforeExpiry(String value) { this.extensionEscalationBeforeExpiry = value; }
  public int getDecisionDueWorkingDays() { return decisionDueWorkingDays; }
  public void setDecisionDueWorkingDays(int value) { this.decisionDueWorkingDays = value; }
  public int getHandoverDueWorkingDays() { return handoverDueWorkingDays; }
  public void setHandoverDueWorkingDays(int value) { this.handoverDueWorkingDays = value; }
  public String getReReferralCheckAfter() { return reReferralCheckAfter; }
  public void setReReferralCheckAfter(String value) { this.reReferralCheckAfter = value; }
}
