package org.safeguardingworkflows.planhistory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A 50 MB CIN census return imports in bounded memory, shown rather than hoped for: the return (generated as it is
 * read, never written to disk) is imported by a JVM whose heap cannot hold it parsed (the control run, which parses
 * it into a DOM as a whole-file reader would, runs out of memory in the same heap).
 */
@ApplicationTest
class CinCensusImportMemoryTest {

  /** About 1,780 bytes a child: 31,000 children make a return of about 55 MB. */
  static final int CHILDREN = 31_000;
  static final long FIFTY_MB = 50L * 1024 * 1024;
  static final String HEAP = "-Xmx" + System.getProperty("census.import.test.heap", "32m");

  @Autowired EmbeddedPostgres postgres;
  @Autowired JdbcClient jdbc;
  final String prefix = "Z" + UUID.randomUUID().toString().substring(0, 8) + "-";

  @AfterEach
  void removeThisTestsPlans() {
    jdbc.sql("delete from cp_plan where child_ref like ?").param(prefix + "%").update();
    jdbc.sql("delete from cp_plan_review where child_ref like ?").param(prefix + "%").update();
  }

  @Test
  void a50MbReturnImportsInAHeapTooSmallToHoldIt() throws Exception {
    SmallHeapRun control = fork("hold");
    assertThat(control.exitCode()).as("parsing the return whole must not fit in %s: %s", HEAP, control.output())
        .isEqualTo(SmallHeapRun.OUT_OF_MEMORY);

    long started = System.nanoTime();
    SmallHeapRun streamed = fork("stream");
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(streamed.exitCode()).as(streamed.output()).isZero();
    assertThat(streamed.output()).contains("imported=" + 2 * CHILDREN + " reviews=" + 4 * CHILDREN);
    Matcher bytes = Pattern.compile("bytes=(\\d+)").matcher(streamed.output());
    assertThat(bytes.find()).isTrue();
    assertThat(Long.parseLong(bytes.group(1))).as("the return's size").isGreaterThan(FIFTY_MB);
    assertThat(jdbc.sql("select count(*) from cp_plan where child_ref like ?").param(prefix + "%").query(Long.class).single())
        .isEqualTo(2L * CHILDREN);
    assertThat(jdbc.sql("select count(*) from cp_plan_import_line").query(Long.class).single()).as("nothing left in staging").isZero();
    assertThat(jdbc.sql("select count(*) from cp_plan_import_review").query(Long.class).single()).isZero();
    System.out.printf("[measure] %s-byte CIN census return imported in a %s heap: %d ms (forked JVM included)%n",
        bytes.group(1), HEAP, millis);
  }

  private SmallHeapRun fork(String mode) throws IOException, InterruptedException {
    return SmallHeapRun.of(CinCensusImportInSmallHeap.class, HEAP, mode, postgres.getJdbcUrl("postgres", "postgres"), prefix,
        String.valueOf(CHILDREN));
  }
}
