package org.safeguardingworkflows.repeaticpc;

import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * The timescales of the discussion before a repeat ICPC, read by the BPMN as {@code ${repeatIcpcSettings.x}}.
 * Defaults and their sources are in {@code application.yaml} under {@code safeguarding.repeat-icpc}. Every
 * deadline counts England and Wales working days from the strategy discussion, as the ICPC deadline does.
 */
@Component("repeatIcpcSettings")
@ConfigurationProperties("safeguarding.repeat-icpc")
public class RepeatIcpcSettings {

  private int icpcDueWorkingDays;
  private int discussionDueWorkingDays;
  private int escalateWorkingDaysBeforeDiscussionDeadline;
  private int historySummaryDueWorkingDays;
  private int chaseDueWorkingDays;
  private int chaseAgainAfterWorkingDays;
  private int schedulingDueWorkingDays;
  private int outcomeDueWorkingDays;
  private int overrideWithinWorkingDaysOfIcpcDeadline;
  private int handoverNoteDueWorkingDays;
  private String repeatWindow;

  @PostConstruct
  void checkConsistency() {
    if (discussionDueWorkingDays > icpcDueWorkingDays) {
      throw new IllegalStateException("safeguarding.repeat-icpc.discussion-due-working-days (" + discussionDueWorkingDays
          + ") must not be later than icpc-due-working-days (" + icpcDueWorkingDays + "): the discussion comes before the conference");
    }
    if (escalateWorkingDaysBeforeDiscussionDeadline < 0 || escalateWorkingDaysBeforeDiscussionDeadline > discussionDueWorkingDays) {
      throw new IllegalStateException("safeguarding.repeat-icpc.escalate-working-days-before-discussion-deadline must be between 0 and "
          + "discussion-due-working-days, not " + escalateWorkingDaysBeforeDiscussionDeadline);
    }
    if (historySummaryDueWorkingDays > getViewsDueWorkingDays()) {
      throw new IllegalStateException("safeguarding.repeat-icpc.history-summary-due-working-days must leave time for the views: at most "
          + getViewsDueWorkingDays());
    }
    if (chaseDueWorkingDays < 1 || chaseAgainAfterWorkingDays < 1 || schedulingDueWorkingDays < 1 || outcomeDueWorkingDays < 1
        || handoverNoteDueWorkingDays < 1) {
      throw new IllegalStateException("safeguarding.repeat-icpc chase, scheduling, outcome and handover note timescales must be at least one working day");
    }
    if (overrideWithinWorkingDaysOfIcpcDeadline < 0 || overrideWithinWorkingDaysOfIcpcDeadline > icpcDueWorkingDays) {
      throw new IllegalStateException("safeguarding.repeat-icpc.override-within-working-days-of-icpc-deadline must be between 0 and "
          + "icpc-due-working-days (" + icpcDueWorkingDays + "), not " + overrideWithinWorkingDaysOfIcpcDeadline);
    }
    try {
      Period.parse(repeatWindow);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalStateException("safeguarding.repeat-icpc.repeat-window must be an ISO 8601 period such as P2Y, not '" + repeatWindow + "'");
    }
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
