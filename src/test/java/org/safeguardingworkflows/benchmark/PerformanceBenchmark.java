package org.safeguardingworkflows.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.RunningApplication;

/**
 * The full performance benchmark (issue 8). Not part of {@code mvn verify} (the name does not end in Test): run it
 * with {@code mvn -Pbenchmark test}; results go to benchmarks/results/. Sizes: see {@link Benchmarks.Sizes#full()}.
 */
@RunningApplication
class PerformanceBenchmark extends BenchmarkRun {

  @Test
  void fullRun() throws Exception {
    Path json = run(Benchmarks.Sizes.full(), Path.of(System.getProperty("benchmark.results", "benchmarks/results")));
    assertThat(json).exists();
  }
}
