package org.safeguardingworkflows.planhistory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

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
    SmallHeapRun control = fork("hold");
    assertThat(control.exitCode()).as("holding the lines must not fit in %s: %s", HEAP, control.output())
        .isEqualTo(SmallHeapRun.OUT_OF_MEMORY);

    SmallHeapRun streamed = fork("stream");
    assertThat(streamed.exitCode()).as(streamed.output()).isZero();
    assertThat(streamed.output()).contains("imported=" + LINES + " unchanged=0");
    assertThat(jdbc.sql("select count(*) from cp_plan where child_ref like ?").param(prefix + "%").query(Long.class).single())
        .isEqualTo(LINES);
    assertThat(jdbc.sql("select count(*) from cp_plan_import_line").query(Long.class).single())
        .as("nothing left in staging").isZero();
  }

  private SmallHeapRun fork(String mode) throws IOException, InterruptedException {
    return SmallHeapRun.of(PlanHistoryImportInSmallHeap.class, HEAP, mode, postgres.getJdbcUrl("postgres", "postgres"), prefix,
        String.valueOf(LINES));
  }
}
