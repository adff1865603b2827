package org.safeguardingworkflows.repeaticpc;

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
    String strategyDiscussionDate,
    String categoryOfAbuse,
    String proposedBy,
    String icpcDeadline,
    String discussionDeadline,
    Integer previousPlans,
    Boolean withinTwoYears,
    String lastPlanEndDate,
    String previousIro,
    Map<String, ViewStatus> views,
    Boolean fourPartyDiscussionComplete,
    Boolean overrideUsed,
    String overrideBy,
    String overrideReasons,
    String decision,
    String decisionBy,
    String decisionReasons,
    String conferenceDate,
    String chair,
    Boolean previousIroChairs,
    Boolean planMade,
    String planStartDate,
    String originProcessInstanceId,
    String legalPlanningRequestedInstanceId,
    String earlierPlanAuthority,
    String earlierPlanStart,
    String earlierPlanEnd) {

  /** One of the four views: recorded or not, by whom, and what it said. */
  public record ViewStatus(boolean recorded, String by, String threshold, String framework) {}

  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String CLOSED = "CLOSED";
}
