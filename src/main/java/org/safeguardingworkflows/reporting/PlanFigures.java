package org.safeguardingworkflows.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguardingworkflows.planhistory.CategoryOfAbuse;

/**
 * The repeat-plan figures of one period (a plan "starts in the period" when from &lt;= start &lt;= to). Rates are
 * fractions with 3 decimals; months between plans have 1 decimal; a rate or an average of nothing is absent (null).
 *
 * @param plansStarted plans starting in the period
 * @param repeatPlans of those, second or subsequent plans however long ago (DfE D3)
 * @param repeatRate repeatPlans / plansStarted
 * @param repeatPlansWithin2Years of the repeat plans, those whose previous plan ended no more than 2 years before
 * @param repeatRateWithin2Years repeatPlansWithin2Years / plansStarted
 * @param childrenWithRepeatPlan distinct children among the repeat plans
 * @param thirdOrLaterPlans repeat plans that are the child's third or later
 * @param meanMonthsBetweenPlans over repeat plans: days from the end of the previous plan to the start, / 30.4375
 * @param medianMonthsBetweenPlans the same, median
 * @param byCategory repeat plans per initial category of abuse (CIN census codes, every code present)
 * @param childrenStartingAPlan distinct children with a plan starting in the period
 * @param repeatPlansFromNumberOfPreviousCpp of the repeat plans, those counted only because a census return's
 *     NumberOfPreviousCPP says the child had earlier plans than those held (never "within 2 years")
 */
public record PlanFigures(
    LocalDate from,
    LocalDate to,
    long plansStarted,
    long repeatPlans,
    BigDecimal repeatRate,
    long repeatPlansWithin2Years,
    BigDecimal repeatRateWithin2Years,
    long childrenWithRepeatPlan,
    long thirdOrLaterPlans,
    BigDecimal meanMonthsBetweenPlans,
    BigDecimal medianMonthsBetweenPlans,
    Map<String, Long> byCategory,
    long childrenStartingAPlan,
    long repeatPlansFromNumberOfPreviousCpp) {

  static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(StartedPlan.DAYS_PER_MONTH);

  /** A share with 3 decimals, or null when there is nothing to share. */
  static BigDecimal rate(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
  }

  /** Adds up the plans of one period, one at a time (the plans themselves are not kept). */
  static final class Tally {
    private final LocalDate from;
    private final LocalDate to;
    private long plansStarted;
    private long repeatPlans;
    private long within2Years;
    private long thirdOrLater;
    private final Set<String> childrenWithRepeat = new HashSet<>();
    private final Set<String> childrenStarting = new HashSet<>();
    private long fromNumberOfPreviousCpp;
    private final List<Long> gaps = new ArrayList<>();
    private final Map<String, Long> byCategory = new LinkedHashMap<>();

    Tally(LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
      Arrays.stream(CategoryOfAbuse.values()).forEach(category -> byCategory.put(category.name(), 0L));
    }

    void add(StartedPlan plan) {
      plansStarted++;
      childrenStarting.add(plan.childRef());
      if (!plan.isRepeat()) {
        return;
      }
      repeatPlans++;
      if (plan.isRepeatFromNumberOfPreviousCppOnly()) {
        fromNumberOfPreviousCpp++;
      }
      childrenWithRepeat.add(plan.childRef());
      byCategory.merge(plan.initialCategory(), 1L, Long::sum);
      if (plan.isRepeatWithin2Years()) {
        within2Years++;
      }
      if (plan.isThirdOrLater()) {
        thirdOrLater++;
      }
      Long gap = plan.daysSincePreviousPlan();
      if (gap != null) {
        gaps.add(gap);
      }
    }

    PlanFigures figures() {
      return new PlanFigures(from, to, plansStarted, repeatPlans, rate(repeatPlans, plansStarted), within2Years,
          rate(within2Years, plansStarted), childrenWithRepeat.size(), thirdOrLater, meanMonths(), medianMonths(),
          new LinkedHashMap<>(byCategory), childrenStarting.size(), fromNumberOfPreviousCpp);
    }

    private BigDecimal meanMonths() {
      if (gaps.isEmpty()) {
        return null;
      }
      long total = gaps.stream().mapToLong(Long::longValue).sum();
      return BigDecimal.valueOf(total)
          .divide(BigDecimal.valueOf(gaps.size()).multiply(DAYS_PER_MONTH), 1, RoundingMode.HALF_UP);
    }

    private BigDecimal medianMonths() {
      if (gaps.isEmpty()) {
        return null;
      }
      List<Long> sorted = gaps.stream().sorted().toList();
      int middle = sorted.size() / 2;
      BigDecimal days = sorted.size() % 2 == 1
          ? BigDecimal.valueOf(sorted.get(middle))
          : BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle)).divide(BigDecimal.valueOf(2));
      return days.divide(DAYS_PER_MONTH, 1, RoundingMode.HALF_UP);
    }
  }
}
