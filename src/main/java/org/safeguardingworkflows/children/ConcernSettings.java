package org.safeguardingworkflows.children;

import java.time.Period;

import org.safeguardingworkflows.timescales.IsoPeriod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * The timescales of a concern raised about a child, read by the concern review diagram as
 * {@code ${concernSettings.X}}. Defaults and their sources are in {@code application.yaml} under
 * {@code safeguarding.concerns}.
 */
@Component("concernSettings")
@ConfigurationProperties("safeguarding.concerns")
@Validated
public class ConcernSettings {

  @Positive
  private int urgentDecisionDueWorkingDays;
  @Positive
  private int decisionDueWorkingDays;
  @IsoPeriod
  private String reReferralWindow;
  @Positive
  private int strategyDiscussionDueWorkingDays;
  @Positive
  private int chaseDueWorkingDays;

  /** A new referral or a recurrence is decided within the urgent timescale; any other concern within the usual one. */
  public int decisionDueWorkingDays(String concernKind) {
    return ChildConcerns.ConcernKind.NEW_REFERRAL.name().equals(concernKind)
        || ChildConcerns.ConcernKind.RECURRENCE.name().equals(concernKind)
        ? urgentDecisionDueWorkingDays : decisionDueWorkingDays;
  }

  public Period reReferralPeriod() {
    return Period.parse(reReferralWindow);
  }

  public int getUrgentDecisionDueWorkingDays() { return urgentDecisionDueWorkingDays; }
  public void setUrgentDecisionDueWorkingDays(int value) { this.urgentDecisionDueWorkingDays = value; }
  public int getDecisionDueWorkingDays() { return decisionDueWorkingDays; }
  public void setDecisionDueWorkingDays(int value) { this.decisionDueWorkingDays = value; }
  public String getReReferralWindow() { return reReferralWindow; }
  public void setReReferralWindow(String value) { this.reReferralWindow = value; }
  public int getStrategyDiscussionDueWorkingDays() { return strategyDiscussionDueWorkingDays; }
  public void setStrategyDiscussionDueWorkingDays(int value) { this.strategyDiscussionDueWorkingDays = value; }
  public int getChaseDueWorkingDays() { return chaseDueWorkingDays; }
  public void setChaseDueWorkingDays(int value) { this.chaseDueWorkingDays = value; }
}
