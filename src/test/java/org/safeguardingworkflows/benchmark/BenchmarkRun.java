package org.safeguardingworkflows.benchmark;

import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the smoke test and the full benchmark share: the application test context and the order of the scenarios. */
@ApplicationTest
abstract class BenchmarkRun {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  /** Runs every scenario at these sizes and writes the results into the directory; returns the JSON file. */
  Path run(Benchmarks.Sizes sizes, Path directory) throws Exception {
    Benchmarks benchmarks = new Benchmarks(engine, jdbc, port, sizes);
    benchmarks.footprintAtStartUp(context.getStartupDate());
    try {
      benchmarks.journeyCost();
      benchmarks.taskListsAtScale();
      benchmarks.timerStorm();
      benchmarks.results().note("Scenario 3 (report over 1,000,000 plans, 100,000-line CSV import) is not part of this harness yet: "
          + "run RepeatPlanReportBenchmark for the report.");
    } finally {
      if (!"full".equals(sizes.mode()) || Boolean.getBoolean("benchmark.cleanUp")) {
        benchmarks.removeBenchmarkData();
      }
    }
    return benchmarks.results().write(directory);
  }
}
