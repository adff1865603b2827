package org.safeguardingworkflows.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A CP plan that started in the reported period, with what the report needs to know about the child's earlier plans.
 * The definitions of "repeat" live here and nowhere else, so the headline figures, the monthly chart and the CSV
 * cannot disagree.
 *
 * @param planNumber 1 for the child's first plan, 2 for the second...
 * @param previousEnd the end of the child's most recent earlier plan (the one that started last before this one);
 *     null for a first plan, and for a repeat plan whose earlier plan is still open (overlapping plans are refused at
 *     import and by the processes, so this does not happen in checked data)
 * @param declaredPreviousPlans the number of previous plans a CIN census return declared for this plan
 *     ({@code NumberOfPreviousCPP}); null when no return described it
 */
public record StartedPlan(String childRef, LocalDate start, String initialCategory, int planNumber, LocalDate previousEnd,
    Integer declaredPreviousPlans) {

  /** A plan no census return described. */
  public StartedPlan(String childRef, LocalDate start, String initialCategory, int planNumber, LocalDate previousEnd) {
    this(childRef, start, initialCategory, planNumber, previousEnd, null);
  }

  /** Days in an average month (365.25 / 12): months between plans are days divided by this. */
  public static final double DAYS_PER_MONTH = 30.4375;

  /**
   * A second or subsequent plan: the child had a plan that started before this one, however long ago (DfE CIN
   * statistics, table D3: "became the subject of a plan for a second or subsequent time").
   */
  public boolean isRepeat() {
    return planNumber > 1 || isRepeatFromNumberOfPreviousCppOnly();
  }

  /**
   * The child's earliest held plan, which a census return says had previous plans ({@code NumberOfPreviousCPP} above
   * the plans held before it, none): a repeat plan in the DfE D3 measure though the earlier plan is not held. Its
   * interval is unknown, so it is not a repeat "within 2 years" and has no months between plans.
   */
  public boolean isRepeatFromNumberOfPreviousCppOnly() {
    return planNumber == 1 && declaredPreviousPlans != null && declaredPreviousPlans > 0;
  }

  /**
   * A repeat plan whose most recent earlier plan ended no more than 2 calendar years before this one started (the
   * briefing's local measure, "repeat child protection plans within 2 years"). An earlier plan exactly 2 years before
   * counts. An earlier plan with no end is treated as within 2 years: it had not ended before this one started.
   */
  public boolean isRepeatWithin2Years() {
    return planNumber > 1 && (previousEnd == null || !previousEnd.isBefore(start.minusYears(2)));
  }

  /** The child's third, fourth... plan (the audit found 3 of 12 families on a third plan). */
  public boolean isThirdOrLater() {
    return planNumber >= 3 || (isRepeatFromNumberOfPreviousCppOnly() && declaredPreviousPlans >= 2);
  }

  /** Days from the end of the most recent earlier plan to this plan's start; null for a first plan or an open earlier one. */
  public Long daysSincePreviousPlan() {
    return planNumber > 1 && previousEnd != null ? ChronoUnit.DAYS.between(previousEnd, start) : null;
  }
}
