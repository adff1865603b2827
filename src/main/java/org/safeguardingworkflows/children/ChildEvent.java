package org.safeguardingworkflows.children;

import java.time.LocalDate;
import java.util.Map;

/**
 * One entry of a child's chronology: what happened, on which day, who recorded it, and the process it came from.
 * {@code details} are what the step recorded, under the names of the form that recorded it (plain values: text,
 * numbers, booleans, lists of rows).
 */
public record ChildEvent(
    Long id,
    String childRef,
    LocalDate date,
    Kind kind,
    String who,
    String processKey,
    String processInstanceId,
    Map<String, Object> details) {

  /** What kind of fact an entry is. Diagrams name these in a user task's {@code childRecord} property. */
  public enum Kind {
    /** An initial (or transfer-in) conference made a child protection plan. */
    PLAN_STARTED,
    /** A plan ended: at a review conference, or because the child became looked after, moved, turned 18 or died. */
    PLAN_ENDED,
    /** A process of the child started (a step-down journey, a repeat-ICPC proposal, legal planning, an order). */
    JOURNEY_STARTED,
    /** A process of the child ended, with the reason (its end event, or why it was stopped). */
    JOURNEY_ENDED,
    /** The formal step-down meeting, with its contingency plan and the agencies that hold it. */
    STEP_DOWN_MEETING,
    /** A manager approved, or sent back, the step-down plan or an early step-down. */
    STEP_DOWN_APPROVAL,
    /** Management supervision held during the watch period. */
    SUPERVISION,
    /** A formal review of the child in need services. */
    CIN_REVIEW,
    /** The formal impact review at the end of the watch period. */
    IMPACT_REVIEW,
    /** The formal closure meeting. */
    CLOSURE_MEETING,
    /** A check of the family's engagement with early help, or of re-emerging difficulties after step-down. */
    ENGAGEMENT_CHECK,
    /** A concern was reported: disengagement, recurrence, a new referral, consent withdrawn. */
    CONCERN_RAISED,
    /** A manager decided what to do about a concern. */
    CONCERN_DECISION,
    /** A strategy discussion was held. */
    STRATEGY_DISCUSSION,
    /** A new worker read the history and the handover was confirmed. */
    HANDOVER,
    /** The child's worker, team manager or IRO changed. */
    WORKER_CHANGED,
    /** One of the four views before a repeat initial conference. */
    FOUR_PARTY_VIEW,
    /** The joint decision of the four parties before a repeat initial conference. */
    JOINT_DECISION,
    /** A conference was scheduled. */
    CONFERENCE_SCHEDULED,
    /** Legal planning was recommended. */
    LEGAL_RECOMMENDATION,
    /** A legal planning meeting was held. */
    LEGAL_PLANNING_MEETING,
    /** A decision or outcome of pre-proceedings or proceedings. */
    LEGAL_OUTCOME,
    /** A supervision order was made. */
    SUPERVISION_ORDER_MADE,
    /** A review of the outcomes of a supervision order. */
    SUPERVISION_ORDER_REVIEW,
    /** A decision about a supervision order: extension, court decision, end of order. */
    SUPERVISION_ORDER_DECISION,
    /** Something in the child's life that changes what the authority does: looked after, moved, turned 18, died. */
    LIFE_EVENT,
    /** A plan the child had with another authority, declared when it mattered (e.g. before a repeat conference). */
    OTHER_AUTHORITY_PLAN,
  }

  public static ChildEvent of(String childRef, LocalDate date, Kind kind, String who, String processKey,
      String processInstanceId, Map<String, Object> details) {
    return new ChildEvent(null, childRef, date, kind, who, processKey, processInstanceId, details == null ? Map.of() : details);
  }
}
