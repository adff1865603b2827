package org.safeguardingworkflows.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The briefing's audit as a live report: repeat child protection plans for any period, from the plan history, with
 * the same figures one year earlier and what the processes recorded. The API, the CSV and the Cockpit dashboard all
 * call this class, so they always show the same figures.
 */
@Service
public class RepeatPlanReport {

  /** Who may read the report: managers, process owners and administrators. */
  public static final Set<Role> READERS = EnumSet.of(Role.TEAM_MANAGERS, Role.SENIOR_MANAGERS, Role.PROCESS_OWNERS, Role.ADMINS);

  /** Rows fetched from the database at a time: the plans of a period are streamed, never all held. */
  static final int FETCH_SIZE = 1_000;

  /** The percentage change of the repeat-plan counts against the previous year, whole numbers (25 then 53 is +112). */
  public record Change(Long repeatPlans, Long repeatPlansWithin2Years) {}

  /** The report of one period: its figures, the same figures a year earlier, the change, and the process figures. */
  public record Report(
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
      PlanFigures previousPeriod,
      Change change,
      ProcessFigures.Figures processes,
      long repeatPlansFromNumberOfPreviousCpp,
      NationalMeasure nationalMeasure,
      LocalMeasure localMeasure) {

    static Report of(PlanFigures period, PlanFigures previous, ProcessFigures.Figures processes) {
      return new Report(period.from(), period.to(), period.plansStarted(), period.repeatPlans(), period.repeatRate(),
          period.repeatPlansWithin2Years(), period.repeatRateWithin2Years(), period.childrenWithRepeatPlan(),
          period.thirdOrLaterPlans(), period.meanMonthsBetweenPlans(), period.medianMonthsBetweenPlans(),
          period.byCategory(), previous,
          new Change(percentChange(previous.repeatPlans(), period.repeatPlans()),
              percentChange(previous.repeatPlansWithin2Years(), period.repeatPlansWithin2Years())),
          processes, period.repeatPlansFromNumberOfPreviousCpp(), NationalMeasure.of(period), LocalMeasure.of(period));
    }
  }

  /**
   * The national measure (DfE CIN statistics, table D3): plans starting in the period that are a second or subsequent
   * plan, however long ago the earlier one, as plans and as children; a census return's NumberOfPreviousCPP counts.
   */
  public record NationalMeasure(String label, long plansStarted, long repeatPlans, BigDecimal repeatRate,
      long childrenStartingAPlan, long childrenWithRepeatPlan, BigDecimal childRepeatRate,
      long repeatPlansFromNumberOfPreviousCpp) {

    public static final String LABEL = "National measure (DfE D3): second or subsequent plans, however long ago";

    static NationalMeasure of(PlanFigures figures) {
      return new NationalMeasure(LABEL, figures.plansStarted(), figures.repeatPlans(), figures.repeatRate(),
          figures.childrenStartingAPlan(), figures.childrenWithRepeatPlan(),
          PlanFigures.rate(figures.childrenWithRepeatPlan(), figures.childrenStartingAPlan()),
          figures.repeatPlansFromNumberOfPreviousCpp());
    }
  }

  /**
   * The briefing's local measure: repeat plans whose previous plan ended no more than 2 years before. There is no
   * national figure to compare it with, and plans counted as repeats from NumberOfPreviousCPP alone are not in it.
   */
  public record LocalMeasure(String label, long repeatPlansWithin2Years, BigDecimal repeatRateWithin2Years) {

    public static final String LABEL = "Local measure: repeat plans within 2 years of the previous plan (no national figure)";

    static LocalMeasure of(PlanFigures figures) {
      return new LocalMeasure(LABEL, figures.repeatPlansWithin2Years(), figures.repeatRateWithin2Years());
    }
  }

  /** Repeat plans starting in one month, and in the same month a year earlier (the dashboard's chart). */
  public record Month(YearMonth month, long repeatPlans, long repeatPlansWithin2Years, long previousYearRepeatPlans,
      long previousYearRepeatPlansWithin2Years) {}

  public record Monthly(YearMonth from, YearMonth to, List<Month> months) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate readOnly;
  private final ProcessFigures processFigures;
  private final WorkingDays workingDays;

  public RepeatPlanReport(DataSource dataSource, PlatformTransactionManager transactionManager,
      ProcessFigures processFigures, WorkingDays workingDays) {
    JdbcTemplate streaming = new JdbcTemplate(dataSource);
    // PostgreSQL streams a result set with a cursor only inside a transaction and with a fetch size.
    streaming.setFetchSize(FETCH_SIZE);
    this.jdbc = JdbcClient.create(streaming);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    this.processFigures = processFigures;
    this.workingDays = workingDays;
  }

  public Report report(LocalDate from, LocalDate to) {
    return readOnly.execute(status -> {
      PlanFigures period = figures(from, to);
      PlanFigures previous = figures(from.minusYears(1), to.minusYears(1));
      return Report.of(period, previous, processFigures.of(from, to));
    });
  }

  /** The default period: the 12 months up to and including today. */
  public Report lastTwelveMonths() {
    LocalDate today = workingDays.today();
    return report(today.minusYears(1).plusDays(1), today);
  }

  /** The repeat-plan figures of one period. */
  public PlanFigures figures(LocalDate from, LocalDate to) {
    PlanFigures.Tally tally = new PlanFigures.Tally(from, to);
    readOnly.executeWithoutResult(status -> eachPlanStarted(from, to, tally::add));
    return tally.figures();
  }

  /** Repeat plans per month for {@code months} months up to {@code last}, each against the same month a year earlier. */
  public Monthly monthly(YearMonth last, int months) {
    YearMonth first = last.minusMonths(months - 1L);
    Map<YearMonth, long[]> counts = new HashMap<>();
    readOnly.executeWithoutResult(status -> eachPlanStarted(first.minusYears(1).atDay(1), last.atEndOfMonth(), plan -> {
      if (plan.isRepeat()) {
        long[] count = counts.computeIfAbsent(YearMonth.from(plan.start()), month -> new long[2]);
        count[0]++;
        if (plan.isRepeatWithin2Years()) {
          count[1]++;
        }
      }
    }));
    List<Month> result = new ArrayList<>(months);
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      long[] now = counts.getOrDefault(month, new long[2]);
      long[] before = counts.getOrDefault(month.minusYears(1), new long[2]);
      result.add(new Month(month, now[0], now[1], before[0], before[1]));
    }
    return new Monthly(first, last, result);
  }

  public Monthly lastTwentyFourMonths() {
    return monthly(YearMonth.from(workingDays.today()), 24);
  }

  /**
   * Every plan starting in the period (from &lt;= start &lt;= to), with its number among the child's plans and the end
   * of the child's previous plan, which the plan history keeps on each plan's row: one range of the index on
   * (plan_start, child_ref, initial_category, plan_number, previous_plan_end, previous_cpp). Parameters: from, to.
   */
  static final String PLANS_STARTED = """
      select child_ref, plan_start, initial_category, plan_number, previous_plan_end, previous_cpp
      from cp_plan
      where plan_start between ? and ?""";

  void eachPlanStarted(LocalDate from, LocalDate to, Consumer<StartedPlan> sink) {
    jdbc.sql(PLANS_STARTED)
        .params(Date.valueOf(from), Date.valueOf(to))
        .query(rs -> {
          int planNumber = rs.getInt("plan_number");
          if (rs.wasNull()) {
            // Every write of the plan history numbers the child's plans; a plan without a number would be silently
            // counted as a first plan, so the report refuses to run rather than understate repeat plans.
            throw new IllegalStateException("Plan history row without a plan number (child reference "
                + rs.getString("child_ref") + ", start " + rs.getDate("plan_start") + ")");
          }
          Date previousEnd = rs.getDate("previous_plan_end");
          int declared = rs.getInt("previous_cpp");
          Integer declaredPreviousPlans = rs.wasNull() ? null : declared;
          sink.accept(new StartedPlan(rs.getString("child_ref"), rs.getDate("plan_start").toLocalDate(),
              rs.getString("initial_category"), planNumber, previousEnd == null ? null : previousEnd.toLocalDate(),
              declaredPreviousPlans));
        });
  }

  /** The percentage change from {@code before} to {@code now}, to a whole number; null when there was nothing before. */
  static Long percentChange(long before, long now) {
    if (before == 0) {
      return null;
    }
    return BigDecimal.valueOf(now - before).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(before), 0, RoundingMode.HALF_UP).longValueExact();
  }
}
