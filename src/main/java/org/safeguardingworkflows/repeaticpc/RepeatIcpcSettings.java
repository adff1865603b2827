package org.safeguardingworkflows.repeaticpc;

import java.time.Period;

import org.safeguardingworkflows.timescales.IsoPeriod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The timescales of the discussion before a repeat ICPC, read by the BPMN as {@code ${repeatIcpcSettings.x}}.
 * Defaults and their sources are in {@code application.yaml} under {@code safeguarding.repeat-icpc}. Every
 * deadline counts England and Wales working days from the strategy discussion, as the ICPC deadline does.
 */
@Component("repeatIcpcSettings")
@ConfigurationProperties("safeguarding.repeat-icpc")
@Validated
public class RepeatIcpcSettings {

  @Positive
  private int icpcDueWorkingDays;
  @Positive
  private int discussionDueWorkingDays;
  @PositiveOrZero
  private int escalateWorkingDaysBeforeDiscussionDeadline;
  @Positive
  private int historySummaryDueWorkingDays;
  @Positive
  private int chaseDueWorkingDays;
  @Positive
  private int chaseAgainAfterWorkingDays;
  @Positive
  private int schedulingDueWorkingDays;
  @Positive
  private int outcomeDueWorkingDays;
  @PositiveOrZero
  private int overrideWithinWorkingDaysOfIcpcDeadline;
  @Positive
  private int handoverNoteDueWorkingDays;
  @IsoPeriod
  private String repeatWindow;

  /** The four-party discussion comes before the conference it prepares. */
  @AssertTrue(message = "discussion-due-working-days must not be later than icpc-due-working-days: the discussion comes "
      + "before the conference")
  public boolean isDiscussionBeforeTheConference() {
    return discussionDueWorkingDays <= icpcDueWorkingDays;
  }

  /** Missing views escalate after the strategy discussion, not before it. */
  @AssertTrue(message = "escalate-working-days-before-discussion-deadline must not be more than discussion-due-working-days")
  public boolean isEscalationAfterTheStrategyDiscussion() {
    return escalateWorkingDaysBeforeDiscussionDeadline <= discussionDueWorkingDays;
  }

  /** The history summary is written before the views that read it are due. */
  @AssertTrue(message = "history-summary-due-working-days must leave time for the views: at most discussion-due-working-days "
      + "less escalate-working-days-before-discussion-deadline")
  public boolean isSummaryBeforeTheViews() {
    return historySummaryDueWorkingDays <= getViewsDueWorkingDays();
  }

  /** The discussion may be overridden only within the conference's own timescale. */
  @AssertTrue(message = "override-within-working-days-of-icpc-deadline must not be more than icpc-due-working-days")
  public boolean isOverrideWithinTheConferenceTimescale() {
    return overrideWithinWorkingDaysOfIcpcDeadline <= icpcDueWorkingDays;
  }

  /** The views are due, and escalate when missing, this many working days after the strategy discussion. */
  public int getViewsDueWorkingDays() {
    return discussionDueWorkingDays - escalateWorkingDaysBeforeDiscussionDeadline;
  }

  public Period repeatWindowPeriod() {
    return Period.parse(repeatWindow);
  }

  public int getIcpcDueWorkingDays() { return icpcDueWorkingDays; }
  public void setIcpcDueWorkingDays(int value) { this.icpcDueWorkingDays = value; }
  public int getDiscussionDueWorkingDays() { return discussionDueWorkingDays; }
  public void setDiscussionDueWorkingDays(int value) { this.discussionDueWorkingDays = value; }
  public int getEscalateWorkingDaysBeforeDiscussionDeadline() { return escalateWorkingDaysBeforeDiscussionDeadline; }
  public void setEscalateWorkingDaysBeforeDiscussionDeadline(int value) { this.escalateWorkingDaysBeforeDiscussionDeadline = value; }
  public int getHistorySummaryDueWorkingDays() { return historySummaryDueWorkingDays; }
  public void setHistorySummaryDueWorkingDays(int value) { this.historySummaryDueWorkingDays = value; }
  public int getChaseDueWorkingDays() { return chaseDueWorkingDays; }
  public void setChaseDueWorkingDays(int value) { this.chaseDueWorkingDays = value; }
  public int getChaseAgainAfterWorkingDays() { return chaseAgainAfterWorkingDays; }
  public void setChaseAgainAfterWorkingDays(int value) { this.chaseAgainAfterWorkingDays = value; }
  public int getSchedulingDueWorkingDays() { return schedulingDueWorkingDays; }
  public void setSchedulingDueWorkingDays(int value) { this.schedulingDueWorkingDays = value; }
  public int getOutcomeDueWorkingDays() { return outcomeDueWorkingDays; }
  public void setOutcomeDueWorkingDays(int value) { this.outcomeDueWorkingDays = value; }
  /** The four-party discussion may be overridden only this many working days or fewer before the ICPC deadline. */
  public int getOverrideWithinWorkingDaysOfIcpcDeadline() { return overrideWithinWorkingDaysOfIcpcDeadline; }
  public void setOverrideWithinWorkingDaysOfIcpcDeadline(int value) { this.overrideWithinWorkingDaysOfIcpcDeadline = value; }
  /** A new social worker records the handover note within this many working days of the change. */
  public int getHandoverNoteDueWorkingDays() { return handoverNoteDueWorkingDays; }
  public void setHandoverNoteDueWorkingDays(int value) { this.handoverNoteDueWorkingDays = value; }
  public String getRepeatWindow() { return repeatWindow; }
  public void setRepeatWindow(String value) { this.repeatWindow = value; }
}
