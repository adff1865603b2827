package org.safeguardingworkflows.children;

import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * The timescales of a concern raised about a child, read by the concern review diagram as
 * {@code ${concernSettings.X}}. Defaults and their sources are in {@code application.yaml} under
 * {@code safeguarding.concerns}.
 */
@Component("concernSettings")
@ConfigurationProperties("safeguarding.concerns")
public class ConcernSettings {

  private int urgentDecisionDueWorkingDays;
  private int decisionDueWorkingDays;
  private String reReferralWindow;
  private int strategyDiscussionDueWorkingDays;
  private int chaseDueWorkingDays;

  @PostConstruct
  void checkSettings() {
    try {
      Period.parse(reReferralWindow);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalStateException("safeguarding.concerns.re-referral-window must be an ISO 8601 period such as P12M, not '"
          + reReferralWindow + "'");
    }
    if (urgentDecisionDueWorkingDays < 1 || decisionDueWorkingDays < 1 || strategyDiscussionDueWorkingDays < 1
        || chaseDueWorkingDays < 1) {
      throw new IllegalStateException("safeguarding.concerns: every working-day timescale must be at least 1");
    }
  }

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
