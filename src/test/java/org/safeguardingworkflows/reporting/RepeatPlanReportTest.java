package org.safeguardingworkflows.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The repeat-plan report on constructed data, every answer computed by hand. The period is the calendar year 1995;
 * the previous period is 1994.
 */
@ApplicationTest
class RepeatPlanReportTest {

  static final LocalDate FROM = LocalDate.of(1995, 1, 1);
  static final LocalDate TO = LocalDate.of(1995, 12, 31);

  @Autowired RepeatPlanReport report;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;
  @Autowired PlanHistory planHistory;
  IsolatedPlanHistory history;

  @BeforeEach
  void isolate() {
    history = new IsolatedPlanHistory(transactionManager, jdbc, planHistory);
  }

  /**
   * Plans starting in 1995 (11), by child:
   * <pre>
   * A  1990-01-10..1990-06-30, then 1995-01-01 (on the first day)  repeat, 1646 days after, not within 2 years
   * B  1993-03-01..1993-12-31, then 1995-12-31 (on the last day)   repeat, ended exactly 2 years before: within, 730 days
   * C  1992, 1993-01-01..1994-06-30, then 1995-06-01 (open)        third plan, within, 336 days
   * D  1995-03-01                                                  first plan: not a repeat
   * E  1994-01-01..1995-02-28, then 1995-04-01                     within, 32 days
   * F  1995-02-01..1995-05-31, then 1995-09-01 (open)              first not a repeat; second within, 93 days
   * G  1995-01-15..1995-10-31, then 1996-01-01 (after the period)  first not a repeat; second not counted
   * H  1990, then 1994-12-31..1995-03-31 (the day before)          not in 1995; a repeat of 1994, not within
   * I  1992-05-01..1993-06-29, then 1995-06-30                     ended 2 years and a day before: not within, 731 days
   * J  1994-01-01..1994-03-31, 1995-01-10..1995-02-10, 1995-08-01  two repeats in the period: 285 days, then 172 (third)
   * </pre>
   * Repeat plans A B C E F I J J = 8 (rate 8/11 = 0.727); within 2 years B C E F J J = 6 (0.545); children 7; third or
   * later C J = 2. Days 32 93 172 285 336 730 731 1646: mean 4025/8 = 503.125 days = 16.5 months; median
   * (285 + 336) / 2 = 310.5 days = 10.2 months. Categories: NEG A C J2 = 3, PHY B = 1, SAB F = 1, EMO E J3 = 2, MUL I = 1.
   * 1994: E1, J1 first plans and H2 a repeat not within 2 years: 3 started, 1 repeat, 0 within; change +700%, and no
   * change figure within 2 years (nothing to compare with).
   */
  private void constructedHistory(IsolatedPlanHistory plans) {
    plans.plan("A", "1990-01-10", "1990-06-30", "NEG").plan("A", "1995-01-01", "1995-11-30", "NEG")
        .plan("B", "1993-03-01", "1993-12-31", "PHY").plan("B", "1995-12-31", null, "PHY")
        .plan("C", "1992-01-01", "1992-06-30", "NEG").plan("C", "1993-01-01", "1994-06-30", "NEG").plan("C", "1995-06-01", null, "NEG")
        .plan("D", "1995-03-01", "1995-09-30", "EMO")
        .plan("E", "1994-01-01", "1995-02-28", "EMO").plan("E", "1995-04-01", "1995-12-01", "EMO")
        .plan("F", "1995-02-01", "1995-05-31", "SAB").plan("F", "1995-09-01", null, "SAB")
        .plan("G", "1995-01-15", "1995-10-31", "PHY").plan("G", "1996-01-01", null, "PHY")
        .plan("H", "1990-01-01", "1990-12-31", "NEG").plan("H", "1994-12-31", "1995-03-31", "NEG")
        .plan("I", "1992-05-01", "1993-06-29", "MUL").plan("I", "1995-06-30", "1995-12-30", "MUL")
        .plan("J", "1994-01-01", "1994-03-31", "NEG").plan("J", "1995-01-10", "1995-02-10", "NEG").plan("J", "1995-08-01", null, "EMO");
  }

  @Test
  void theFiguresOfAPeriodMatchTheHandComputedAnswers() {
    RepeatPlanReport.Report figures = history.with(plans -> {
      constructedHistory(plans);
      return report.report(FROM, TO);
    });

    assertThat(figures.from()).isEqualTo(FROM);
    assertThat(figures.to()).isEqualTo(TO);
    assertThat(figures.plansStarted()).isEqualTo(11);
    assertThat(figures.repeatPlans()).isEqualTo(8);
    assertThat(figures.repeatRate()).isEqualByComparingTo("0.727");
    assertThat(figures.repeatPlansWithin2Years()).isEqualTo(6);
    assertThat(figures.repeatRateWithin2Years()).isEqualByComparingTo("0.545");
    assertThat(figures.childrenWithRepeatPlan()).isEqualTo(7);
    assertThat(figures.thirdOrLaterPlans()).isEqualTo(2);
    assertThat(figures.meanMonthsBetweenPlans()).isEqualByComparingTo("16.5");
    assertThat(figures.medianMonthsBetweenPlans()).isEqualByComparingTo("10.2");
    assertThat(figures.byCategory()).containsExactly(Map.entry("NEG", 3L), Map.entry("PHY", 1L), Map.entry("SAB", 1L),
        Map.entry("EMO", 2L), Map.entry("MUL", 1L));

    PlanFigures previous = figures.previousPeriod();
    assertThat(previous.from()).isEqualTo(LocalDate.of(1994, 1, 1));
    assertThat(previous.to()).isEqualTo(LocalDate.of(1994, 12, 31));
    assertThat(previous.plansStarted()).isEqualTo(3);
    assertThat(previous.repeatPlans()).isEqualTo(1);
    assertThat(previous.repeatPlansWithin2Years()).isZero();
    assertThat(previous.meanMonthsBetweenPlans()).isEqualByComparingTo(new BigDecimal(1461).divide(BigDecimal.valueOf(30.4375), 1, java.math.RoundingMode.HALF_UP));
    assertThat(figures.change().repeatPlans()).isEqualTo(700);
    assertThat(figures.change().repeatPlansWithin2Years()).isNull();
  }

  @Test
  void theFirstAndLastDayOfThePeriodBelongToIt_theDaysAroundDoNot() {
    PlanFigures firstDay = history.with(plans -> {
      constructedHistory(plans);
      return report.figures(FROM, FROM);
    });
    assertThat(firstDay.plansStarted()).as("A's plan on 1 January").isEqualTo(1);
    assertThat(firstDay.repeatPlans()).isEqualTo(1);

    PlanFigures dayBefore = history.with(plans -> {
      constructedHistory(plans);
      return report.figures(FROM.minusDays(1), FROM.minusDays(1));
    });
    assertThat(dayBefore.repeatPlans()).as("H's plan on 31 December 1994").isEqualTo(1);
    assertThat(dayBefore.repeatPlansWithin2Years()).isZero();
  }

  @Test
  void aChildsFirstPlanIsNeverARepeat_evenWithASecondPlanInThePeriod() {
    PlanFigures figures = history.with(plans -> {
      plans.plan("D", "1995-03-01", "1995-04-30", "EMO").plan("D", "1995-06-01", null, "EMO");
      return report.figures(FROM, TO);
    });
    assertThat(figures.plansStarted()).isEqualTo(2);
    assertThat(figures.repeatPlans()).isEqualTo(1);
    assertThat(figures.childrenWithRepeatPlan()).isEqualTo(1);
    // 30 April to 1 June is 32 days.
    assertThat(figures.meanMonthsBetweenPlans()).isEqualByComparingTo("1.1");
    assertThat(figures.medianMonthsBetweenPlans()).isEqualByComparingTo("1.1");
  }

  @Test
  void anEmptyPeriodHasCountsOfZeroAndNoRatesOrAverages() {
    RepeatPlanReport.Report figures = history.with(plans -> report.report(FROM, TO));
    assertThat(figures.plansStarted()).isZero();
    assertThat(figures.repeatRate()).isNull();
    assertThat(figures.meanMonthsBetweenPlans()).isNull();
    assertThat(figures.medianMonthsBetweenPlans()).isNull();
    assertThat(figures.change().repeatPlans()).isNull();
    assertThat(figures.byCategory()).containsOnlyKeys("NEG", "PHY", "SAB", "EMO", "MUL").allSatisfy((code, count) -> assertThat(count).isZero());
  }

  @Test
  void theMonthlySeriesUsesTheSameDefinitions_andAddsUpToThePeriod() {
    RepeatPlanReport.Monthly monthly = history.with(plans -> {
      constructedHistory(plans);
      return report.monthly(YearMonth.of(1995, 12), 24);
    });
    assertThat(monthly.months()).hasSize(24);
    assertThat(monthly.from()).isEqualTo(YearMonth.of(1994, 1));
    RepeatPlanReport.Month january = monthly.months().get(12);
    assertThat(january.month()).isEqualTo(YearMonth.of(1995, 1));
    assertThat(january.repeatPlans()).as("A and J").isEqualTo(2);
    assertThat(january.repeatPlansWithin2Years()).as("J").isEqualTo(1);
    assertThat(january.previousYearRepeatPlans()).isZero();
    RepeatPlanReport.Month december = monthly.months().get(23);
    assertThat(december.repeatPlans()).as("B").isEqualTo(1);
    assertThat(december.previousYearRepeatPlans()).as("H, December 1994").isEqualTo(1);
    assertThat(december.previousYearRepeatPlansWithin2Years()).isZero();
    assertThat(monthly.months().subList(12, 24).stream().mapToLong(RepeatPlanReport.Month::repeatPlans).sum()).isEqualTo(8);
    assertThat(monthly.months().subList(12, 24).stream().mapToLong(RepeatPlanReport.Month::repeatPlansWithin2Years).sum()).isEqualTo(6);
    assertThat(monthly.months().subList(0, 12).stream().mapToLong(RepeatPlanReport.Month::repeatPlans).sum())
        .as("1994 in the first year of the chart").isEqualTo(1);
  }

  /**
   * The briefing (point 1): 25 repeat plans from March 2016 to January 2017, 53 from March 2017 to January 2018,
   * "an increase of 112%". Each repeat follows a first plan that ended within 2 years; 100 first plans start in
   * each period too.
   */
  @Test
  void theBriefingsHeadline_25Then53_isAnIncreaseOf112Percent() {
    RepeatPlanReport.Report figures = history.with(plans -> {
      for (int i = 0; i < 25; i++) {
        String child = "BR16-" + i;
        plans.plan(child, "2015-01-05", "2015-06-30", "NEG");
        plans.plan(child, LocalDate.of(2016, 3, 1).plusDays(i * 12L).toString(), null, i % 2 == 0 ? "NEG" : "EMO");
      }
      for (int i = 0; i < 53; i++) {
        String child = "BR17-" + i;
        plans.plan(child, "2015-07-01", "2016-01-31", "PHY");
        plans.plan(child, LocalDate.of(2017, 3, 1).plusDays(i * 6L).toString(), null, "NEG");
      }
      for (int i = 0; i < 100; i++) {
        plans.plan("FIRST16-" + i, LocalDate.of(2016, 3, 1).plusDays(i * 3L).toString(), null, "EMO");
        plans.plan("FIRST17-" + i, LocalDate.of(2017, 3, 1).plusDays(i * 3L).toString(), null, "EMO");
      }
      return report.report(LocalDate.of(2017, 3, 1), LocalDate.of(2018, 1, 31));
    });
    assertThat(figures.previousPeriod().from()).isEqualTo(LocalDate.of(2016, 3, 1));
    assertThat(figures.previousPeriod().to()).isEqualTo(LocalDate.of(2017, 1, 31));
    assertThat(figures.previousPeriod().repeatPlans()).isEqualTo(25);
    assertThat(figures.repeatPlans()).isEqualTo(53);
    assertThat(figures.repeatPlansWithin2Years()).isEqualTo(53);
    assertThat(figures.change().repeatPlans()).isEqualTo(112);
    assertThat(figures.change().repeatPlansWithin2Years()).isEqualTo(112);
    assertThat(figures.plansStarted()).isEqualTo(153);
  }

  @Test
  void percentChangesRoundToWholeNumbers() {
    assertThat(RepeatPlanReport.percentChange(25, 53)).isEqualTo(112);
    assertThat(RepeatPlanReport.percentChange(3, 4)).isEqualTo(33);
    assertThat(RepeatPlanReport.percentChange(8, 1)).isEqualTo(-88);
    assertThat(RepeatPlanReport.percentChange(8, 8)).isZero();
    assertThat(RepeatPlanReport.percentChange(0, 5)).isNull();
  }
}
