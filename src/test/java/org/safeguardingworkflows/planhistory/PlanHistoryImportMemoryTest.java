package org.safeguardingworkflows.planhistory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Bounded memory, shown rather than hoped for: a 100,000-line file is imported by a JVM whose heap is too small to
 * hold the file's lines (the control run, which only holds them, runs out of memory in the same heap).
 */
@ApplicationTest
class PlanHistoryImportMemoryTest {

  static final int LINES = 100_000;
  /** Enough for the import's fixed needs (JDBC, one batch of lines); not enough for 100,000 parsed lines. */
  static final String HEAP = "-Xmx" + System.getProperty("import.test.heap", "24m");

  @Autowired EmbeddedPostgres postgres;
  @Autowired JdbcClient jdbc;
  final String prefix = "M" + UUID.randomUUID().toString().substring(0, 8) + "-";

  @AfterEach
  void removeThisTestsPlans() {
    jdbc.sql("delete from cp_plan where child_ref like ?").param(prefix + "%").update();
  }

  @Test
  void aFileOf100000LinesImportsInAHeapTooSmallToHoldIt() throws Exception {
    Forked control = fork("hold");
    assertThat(control.exitCode()).as("holding the lines must not fit in %s: %s", HEAP, control.output())
        .isEqualTo(PlanHistoryImportInSmallHeap.OUT_OF_MEMORY);

    Forked streamed = fork("stream");
    assertThat(streamed.exitCode()).as(streamed.output()).isZero();
    assertThat(streamed.output()).contains("imported=" + LINES + " unchanged=0");
    assertThat(jdbc.sql("select count(*) from cp_plan where child_ref like ?").param(prefix + "%").query(Long.class).single())
        .isEqualTo(LINES);
    assertThat(jdbc.sql("select count(*) from cp_plan_import_line").query(Long.class).single())
        .as("nothing left in staging").isZero();
  }

  record Forked(int exitCode, String output) {}

  private Forked fork(String mode) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), PlanHistoryImportInSmallHeap.class.getName(),
        mode, postgres.getJdbcUrl("postgres", "postgres"), prefix, String.valueOf(LINES)));
    Path output = Files.createTempFile("plan-history-import-", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the forked import did not finish in 5 minutes");
      }
      return new Forked(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
