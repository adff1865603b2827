package org.safeguardingworkflows.repeaticpc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where a child's proposal for a repeat ICPC stands: the deadlines, which of the four views are recorded and by
 * whom, whether the discussion was complete or overridden, the joint decision and the conference. Read from the
 * engine's history, so it answers for a finished proposal as well as an open one. An earlier plan held by another
 * authority, when the proposal declared one, is shown as declared.
 */
public record ProposalView(
    String childRef,
    String processInstanceId,
    String status,
    List<String> stage,
    LocalDate strategyDiscussionDate,
    String categoryOfAbuse,
    String proposedBy,
    LocalDate icpcDeadline,
    LocalDate discussionDeadline,
    Integer previousPlans,
    Boolean withinTwoYears,
    LocalDate lastPlanEndDate,
    String previousIro,
    Map<String, ViewStatus> views,
    Boolean fourPartyDiscussionComplete,
    Boolean overrideUsed,
    String overrideBy,
    String overrideReasons,
    String decision,
    String decisionBy,
    String decisionReasons,
    LocalDate conferenceDate,
    String chair,
    Boolean previousIroChairs,
    Boolean planMade,
    LocalDate planStartDate,
    String originProcessInstanceId,
    String legalPlanningRequestedInstanceId,
    String earlierPlanAuthority,
    LocalDate earlierPlanStart,
    LocalDate earlierPlanEnd) {

  /** One of the four views: recorded or not, by whom, and what it said. */
  public record ViewStatus(boolean recorded, String by, String threshold, String framework) {}

  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String CLOSED = "CLOSED";
}
