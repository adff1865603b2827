package org.safeguardingworkflows.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test: the report over 1,000,000 plans (700,000 children, 20 years of history) on the embedded
 * PostgreSQL. Not run by {@code mvn verify} (the name does not end in Test); run it alone with
 * {@code mvn test -Dtest=RepeatPlanReportBenchmark -Dbpmnlint.skip=true} and read the [benchmark] lines.
 */
@ApplicationTest
public class RepeatPlanReportBenchmark {

  static final int RUNS = 10;

  @Autowired RepeatPlanReport report;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessFigures processFigures;

  @AfterEach
  void removeTheBenchmarkPlans() {
    jdbc.sql("delete from cp_plan where child_ref like 'BM-%'").update();
  }

  @Test
  void aYearsReportOverAMillionPlans() {
    long started = System.nanoTime();
    generatePlans(jdbc, 700_000, 260_000, 40_000);
    jdbc.sql("analyze cp_plan").update();
    long plans = jdbc.sql("select count(*) from cp_plan where child_ref like 'BM-%'").query(Long.class).single();
    System.out.printf("[benchmark] generated %,d plans in %d ms%n", plans, (System.nanoTime() - started) / 1_000_000);
    assertThat(plans).isEqualTo(1_000_000);

    LocalDate from = LocalDate.of(2023, 1, 1);
    LocalDate to = LocalDate.of(2023, 12, 31);
    RepeatPlanReport.Report year = report.report(from, to);
    System.out.printf("[benchmark] 2023: %d plans started, %d repeat plans, %d within 2 years%n",
        year.plansStarted(), year.repeatPlans(), year.repeatPlansWithin2Years());
    assertThat(year.plansStarted()).isGreaterThan(20_000);

    measure("report of a year (with the previous year and the process figures)", () -> report.report(from, to));
    measure("figures of one year", () -> report.figures(from, to));
    measure("process figures of one year", () -> processFigures.of(from, to));
    measure("plans started in one year, read and classified (no tally)", () -> {
      long[] repeats = new long[1];
      report.eachPlanStarted(from, to, plan -> repeats[0] += plan.isRepeat() ? 1 : 0);
      return repeats[0];
    });
    measure("monthly series of 24 months against the year before", () -> report.monthly(YearMonth.of(2023, 12), 24));

    List<String> plan = jdbc.sql("explain (analyze, buffers) " + RepeatPlanReport.PLANS_STARTED)
        .params(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)).query(String.class).list();
    plan.forEach(line -> System.out.println("[benchmark] plan | " + line));
    System.out.printf("[benchmark] load average while measuring: %.1f on %d cores%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }


  /**
   * Plan history for the benchmarks, children 'BM-1', 'BM-2'...: first plans of {@code children} children spread over
   * 2006-2025; a second plan for {@code second} of them and a third for {@code third}, each starting 1-41 months after
   * the previous plan ended and not after October 2026. (700,000 + 260,000 + 40,000 = the million of this benchmark;
   * the performance harness, org.safeguardingworkflows.benchmark, uses it too.) Remove them with 'BM-%'.
   */
  public static void generatePlans(JdbcClient jdbc, int children, int second, int third) {
    // First plans of 700,000 children spread over 2006-2025; a second plan for 260,000 of them and a third for 40,000,
    // each starting 1-41 months after the previous plan ended and not after October 2026.
    jdbc.sql("""
        insert into cp_plan (child_ref, plan_start, plan_end, initial_category, latest_category, source, recorded_at,
                             plan_number)
        select 'BM-' || c, date '2006-01-01' + ((c::bigint * 7919) % 7300)::int,
               date '2006-01-01' + ((c::bigint * 7919) % 7300)::int + 120 + c % 580,
               (array['NEG','PHY','SAB','EMO','MUL'])[1 + c % 5], (array['NEG','PHY','SAB','EMO','MUL'])[1 + c % 5], 'IMPORT', now(), 1
        from generate_series(1, ?) c""").param(children).update();
    for (int[] next : new int[][] {{second, 31}, {third, 17}}) {
      jdbc.sql("""
          insert into cp_plan (child_ref, plan_start, plan_end, initial_category, latest_category, source, recorded_at,
                               plan_number, previous_plan_end)
          select child_ref, next_start, next_start + 90 + n % 400, category, category, 'IMPORT', now(), number, previous_end
          from (select p.child_ref, p.initial_category as category, cast(substr(p.child_ref, 4) as int) as n,
                       p.plan_number + 1 as number, p.plan_end as previous_end,
                       p.plan_end + 30 + (cast(substr(p.child_ref, 4) as int) * ?) % 1200 as next_start
                from cp_plan p
                where p.child_ref like 'BM-%' and p.plan_start = (select max(q.plan_start) from cp_plan q where q.child_ref = p.child_ref)
                  and p.plan_end is not null) last
          where next_start <= date '2026-10-31'
          order by n
          limit ?""").params(next[1], next[0]).update();
    }
  }

  private static void measure(String what, Supplier<?> work) {
    for (int i = 0; i < 3; i++) {
      work.get();
    }
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long started = System.nanoTime();
      work.get();
      millis.add((System.nanoTime() - started) / 1_000_000);
    }
    Collections.sort(millis);
    System.out.printf("[benchmark] %s: median %d ms, fastest %d ms, slowest %d ms (%d runs)%n", what,
        millis.get(RUNS / 2), millis.get(0), millis.get(RUNS - 1), RUNS);
  }
}
