package org.safeguardingworkflows.supervisionorder;

import org.safeguardingworkflows.timescales.IsoPeriod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;

/**
 * The supervision order process's timescales, read by the BPMN as {@code ${supervisionOrderSettings.X}}.
 * Defaults and their sources are in {@code application.yaml} under {@code safeguarding.supervision-order}.
 * Periods are ISO 8601 strings (P42D, P3M, P3Y).
 */
@Component("supervisionOrderSettings")
@ConfigurationProperties("safeguarding.supervision-order")
@Validated
public class SupervisionOrderSettings {

  @Positive
  private int defaultLengthMonths;
  @Positive
  private int maxLengthMonths;
  @IsoPeriod
  private String absoluteLimit;
  @Positive
  private int supportPlanDueWorkingDays;
  @IsoPeriod
  private String outcomeReviewInterval;
  @Positive
  private int reviewDueWorkingDays;
  @IsoPeriod
  private String extensionDecisionBeforeExpiry;
  @IsoPeriod
  private String extensionEscalationBeforeExpiry;
  @Positive
  private int decisionDueWorkingDays;
  @IsoPeriod
  private String reReferralCheckAfter;
  @Positive
  private int handoverDueWorkingDays;

  /** An order is made for its usual length, which the court's maximum must allow. */
  @AssertTrue(message = "default-length-months must not be more than max-length-months")
  public boolean isDefaultLengthWithinTheMaximum() {
    return defaultLengthMonths <= maxLengthMonths;
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
