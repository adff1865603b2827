package org.safeguardingworkflows.benchmark;

import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the smoke test and the full benchmark share: the order of the scenarios. Each names its application context:
 * the smoke test shares the tests' one, the full benchmark runs alone in its JVM without the coverage collector.
 */
abstract class BenchmarkRun {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;
  @Autowired org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties camunda;
  @Autowired org.safeguardingworkflows.reporting.RepeatPlanReport report;
  @Autowired org.safeguardingworkflows.planhistory.PlanHistoryImport planImport;
  @Autowired org.safeguardingworkflows.security.TaskFilters taskFilters;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;
  @Autowired org.safeguardingworkflows.teams.Teams teams;
  @Autowired io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;
  @LocalServerPort int port;

  /** Runs every scenario at these sizes and writes the results into the directory; returns the JSON file. */
  Path run(Benchmarks.Sizes sizes, Path directory) throws Exception {
    // Scenario 5 (footprint) is always measured; -Dbenchmark.scenarios=1,2,3,4,6 picks the others.
    java.util.List<String> scenarios = java.util.List.of(("full".equals(sizes.mode()) ? System.getProperty("benchmark.scenarios", "1,2,3,4") : "1,2,3,4,6").split(","));
    PractitionersAtScale practitioners = null;
    Benchmarks benchmarks = new Benchmarks(engine, jdbc, new org.springframework.transaction.support.TransactionTemplate(transactionManager), port, sizes);
    benchmarks.footprintAtStartUp(context.getStartupDate());
    try {
      if (scenarios.contains("1")) {
        long started = System.nanoTime();
        benchmarks.journeyCost();
        benchmarks.results().add("harness", "scenario 1 wall time", (System.nanoTime() - started) / 1e9, "s");
      }
      if (scenarios.contains("2")) {
        long started = System.nanoTime();
        benchmarks.taskListsAtScale(taskFilters);
        benchmarks.results().add("harness", "scenario 2 wall time", (System.nanoTime() - started) / 1e9, "s");
      }
      if (scenarios.contains("3")) {
        long started = System.nanoTime();
        benchmarks.reportAndImport(report, planImport);
        benchmarks.results().add("harness", "scenario 3 wall time", (System.nanoTime() - started) / 1e9, "s");
      }
      if (scenarios.contains("4")) {
        long started = System.nanoTime();
        benchmarks.timerStorm(camunda.getJobExecution());
        benchmarks.results().add("harness", "scenario 4 wall time", (System.nanoTime() - started) / 1e9, "s");
      }
      if (scenarios.contains("6")) {
        long started = System.nanoTime();
        practitioners = new PractitionersAtScale(benchmarks, engine, teams, taskFilters, sizes);
        practitioners.prepare();
        // The full run starts nodes from the built jar; the smoke run, inside `mvn verify` before `package`, has none.
        practitioners.run(port, "full".equals(sizes.mode()) ? postgres.getJdbcUrl("postgres", "postgres") : null);
        benchmarks.results().add("harness", "scenario 6 wall time", (System.nanoTime() - started) / 1e9, "s");
      }
    } finally {
      if (!"full".equals(sizes.mode()) || Boolean.getBoolean("benchmark.cleanUp")) {
        benchmarks.removeBenchmarkData();
        if (practitioners != null) {
          practitioners.removeStaff();
        }
      }
    }
    return benchmarks.results().write(directory);
  }
}
