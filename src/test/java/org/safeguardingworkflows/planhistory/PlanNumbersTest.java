package org.safeguardingworkflows.planhistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each plan's number among the child's plans and the previous plan's end, which the repeat-plan report reads from the
 * plan's row, stay right whichever way and in whichever order the plans arrive.
 */
@ApplicationTest
class PlanNumbersTest {

  @Autowired PlanHistory planHistory;
  @Autowired PlanHistoryImport planImport;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  final String prefix = "N" + UUID.randomUUID().toString().substring(0, 8) + "-";

  record Numbered(LocalDate start, int planNumber, LocalDate previousPlanEnd) {}

  @AfterEach
  void removeThisTestsPlans() {
    jdbc.sql("delete from cp_plan where child_ref like ?").param(prefix + "%").update();
  }

  @Test
  void aPlanRecordedByAProcessIsNumberedAfterTheChildsEarlierPlans() {
    String child = prefix + "1";
    recordPlan(child, "2014-02-01", "2014-09-30");
    recordPlan(child, "2016-05-01", null);

    assertThat(numbers(child)).containsExactly(
        new Numbered(day("2014-02-01"), 1, null),
        new Numbered(day("2016-05-01"), 2, day("2014-09-30")));
  }

  @Test
  void olderHistoryImportedAfterLivePlansRenumbersThem() {
    String child = prefix + "1";
    String other = prefix + "2";
    recordPlan(child, "2020-03-02", "2020-12-31");
    recordPlan(child, "2023-01-09", null);
    recordPlan(other, "2021-06-01", null);

    planImport.importCsv(new StringReader(PlanHistoryImport.HEADER + "\n"
        + child + ",2012-04-02,2012-10-31,NEG,NEG,iro.one\n"
        + child + ",2016-07-01,2017-01-31,EMO,EMO,iro.one\n"
        + child + ",2020-03-02,2020-12-31,NEG,NEG,iro.one\n"));

    assertThat(numbers(child)).containsExactly(
        new Numbered(day("2012-04-02"), 1, null),
        new Numbered(day("2016-07-01"), 2, day("2012-10-31")),
        new Numbered(day("2020-03-02"), 3, day("2017-01-31")),
        new Numbered(day("2023-01-09"), 4, day("2020-12-31")));
    assertThat(numbers(other)).as("a child not in the file keeps its numbers")
        .containsExactly(new Numbered(day("2021-06-01"), 1, null));
  }

  @Test
  void anOpenPlanEndingIsTheNextPlansPreviousEnd() {
    String child = prefix + "1";
    long open = planHistory.insert(plan(child, "2018-01-15", null));
    planHistory.recordEnd(open, day("2018-08-31"), "PHY", "CIN", null);
    recordPlan(child, "2019-02-01", null);

    assertThat(numbers(child)).extracting(Numbered::planNumber, Numbered::previousPlanEnd)
        .containsExactly(tuple(1, null), tuple(2, day("2018-08-31")));
  }

  @Test
  void anEarlierPlanRecordedAgainWithAnotherEndMovesTheNextPlansPreviousEnd() {
    String child = prefix + "1";
    long imported = planHistory.insert(plan(child, "2018-01-15", "2018-08-31"));
    recordPlan(child, "2019-02-01", null);
    planHistory.recordEnd(imported, day("2018-07-31"), "PHY", "CIN", null);

    assertThat(numbers(child)).extracting(Numbered::planNumber, Numbered::previousPlanEnd)
        .containsExactly(tuple(1, null), tuple(2, day("2018-07-31")));
  }

  @Test
  void twoPlansRecordedForTheSameChildAtOnceAreNumberedOneAfterTheOther() throws Exception {
    String child = prefix + "1";
    recordPlan(child, "2015-03-02", "2015-12-31");
    recordAtOnce(child, "2018-01-08", "2018-09-28", "2020-06-01");

    assertThat(numbers(child)).containsExactly(
        new Numbered(day("2015-03-02"), 1, null),
        new Numbered(day("2018-01-08"), 2, day("2015-12-31")),
        new Numbered(day("2020-06-01"), 3, day("2018-09-28")));
  }

  @Test
  void aNewChildsFirstTwoPlansRecordedAtOnceAreNumberedOneAndTwo() throws Exception {
    String child = prefix + "1";
    recordAtOnce(child, "2018-01-08", "2018-09-28", "2020-06-01");

    assertThat(numbers(child)).containsExactly(
        new Numbered(day("2018-01-08"), 1, null),
        new Numbered(day("2020-06-01"), 2, day("2018-09-28")));
  }

  @Test
  void aPlanRecordedForAChildOfAFileBeingImportedWaitsUntilTheImportHasCommitted() throws Exception {
    String child = prefix + "1";
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    CountDownLatch importLocked = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      String importId = UUID.randomUUID().toString();
      Future<Boolean> importing = threads.submit(() -> transaction.execute(status -> {
        planHistory.stage(importId, List.of(new PlanHistory.ImportLine(2, child, day("2019-01-07"), day("2019-06-28"), "NEG", "NEG", null)));
        planHistory.lockChildrenOfImport(importId);
        importLocked.countDown();
        boolean waited = waitUntilASessionWaitsForALock();
        planHistory.clearStaged(importId);
        return waited;
      }));
      await(importLocked);
      Future<?> recording = threads.submit(() -> transaction.executeWithoutResult(status -> recordPlan(child, "2021-03-01", null)));
      assertThat(importing.get(30, TimeUnit.SECONDS)).as("the plan waited for the import's lock").isTrue();
      recording.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    assertThat(numbers(child)).containsExactly(new Numbered(day("2021-03-01"), 1, null));
  }

  /**
   * Two transactions record a plan each for the child: the first has recorded its plan and waits, uncommitted, until
   * the second is waiting for the child's lock (or has got past it), then commits; then the second finishes.
   */
  private void recordAtOnce(String child, String firstStart, String firstEnd, String secondStart) throws Exception {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    CountDownLatch firstRecorded = new CountDownLatch(1);
    CountDownLatch secondStarted = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = threads.submit(() -> transaction.executeWithoutResult(status -> {
        recordPlan(child, firstStart, firstEnd);
        firstRecorded.countDown();
        await(secondStarted);
        waitUntilASessionWaitsForALock();
      }));
      await(firstRecorded);
      Future<?> second = threads.submit(() -> transaction.executeWithoutResult(status -> {
        secondStarted.countDown();
        recordPlan(child, secondStart, null);
      }));
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theMigrationNumbersRecordedPlansWithTheSameStatementThePlanHistoryUses() throws IOException {
    String changelog;
    try (InputStream in = getClass().getResourceAsStream("/db/changelog/application/004-plan-numbers.yaml")) {
      changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String statement = PlanHistory.NUMBER_PLANS.strip();
    // The changeset numbers every plan: the same statement without the condition choosing the children.
    String everyPlan = statement.substring(0, statement.length() - "where".length());
    assertThat(oneLine(changelog)).contains(oneLine(everyPlan));
  }

  /**
   * Polls PostgreSQL until a session of this database waits for a lock (the child's row in child_lock, locked by
   * another transaction); gives up after 5 seconds. Returns whether one did.
   */
  private boolean waitUntilASessionWaitsForALock() {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < until) {
      if (jdbc.sql("""
          select count(*) from pg_stat_activity
          where wait_event_type = 'Lock' and datname = current_database()""")
          .query(Long.class).single() > 0) {
        return true;
      }
      Thread.onSpinWait();
    }
    return false;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the other writer never got there");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void recordPlan(String child, String start, String end) {
    planHistory.insert(plan(child, start, end));
  }

  private static CpPlan plan(String child, String start, String end) {
    return new CpPlan(null, child, day(start), end == null ? null : day(end), "NEG", "NEG", "iro.one", null, null, null,
        CpPlan.Source.PROCESS);
  }

  private List<Numbered> numbers(String child) {
    return jdbc.sql("select plan_start, plan_number, previous_plan_end from cp_plan where child_ref = ? order by plan_start")
        .param(child)
        .query((rs, row) -> new Numbered(rs.getDate("plan_start").toLocalDate(), rs.getInt("plan_number"),
            rs.getDate("previous_plan_end") == null ? null : rs.getDate("previous_plan_end").toLocalDate()))
        .list();
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  private static String oneLine(String sql) {
    return sql.replaceAll("\\s+", " ").strip();
  }
}
