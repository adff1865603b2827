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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each plan's number among the child's plans and the previous plan's end, which the repeat-plan report reads from the
 * plan's row, stay right whichever way and in whichever order the plans arrive.
 */
@ApplicationTest
class PlanNumbersTest {

  @Autowired PlanHistory planHistory;
  @Autowired PlanHistoryImport planImport;
  @Autowired JdbcClient jdbc;
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
