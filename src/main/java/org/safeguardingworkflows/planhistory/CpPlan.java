package org.safeguardingworkflows.planhistory;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * One child protection plan of a child: the CIN census CPP items plus how the plan ended and the step-down
 * journey that followed it. {@code planEnd} is null while the plan is open.
 */
public record CpPlan(
    Long id,
    String childRef,
    LocalDate planStart,
    LocalDate planEnd,
    String initialCategory,
    String latestCategory,
    String iro,
    String stepDownDestination,
    String stepDownOutcome,
    String stepDownInstanceId,
    Source source) {

  /** Child references are opaque case-management ids, never names (as the step-down API checks them). */
  public static final Pattern CHILD_REF = Pattern.compile("^[A-Za-z0-9-]{1,40}$");

  /** Where the record came from. */
  public enum Source { PROCESS, IMPORT }

  public boolean isOpen() {
    return planEnd == null;
  }

  /** CIN census rule: a child's plans never overlap (an open plan runs until further notice). */
  public boolean overlaps(LocalDate otherStart, LocalDate otherEnd) {
    LocalDate thisEnd = planEnd == null ? LocalDate.MAX : planEnd;
    LocalDate thatEnd = otherEnd == null ? LocalDate.MAX : otherEnd;
    return !planStart.isAfter(thatEnd) && !otherStart.isAfter(thisEnd);
  }
}
