package org.safeguardingworkflows.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The report over real HTTP: /api/reports with HTTP Basic, and the Cockpit plugin resource with a Cockpit login.
 * The data lie in 1931-1932, where no other test writes: a child with a plan in 1931 and a repeat in 1932, and a
 * child whose first plan starts in 1932.
 */
@ApplicationTest
class ReportsApiTest {

  static final String PERIOD = "from=1932-01-01&to=1932-12-31";

  @LocalServerPort int port;
  @Autowired PlanHistory planHistory;
  @Autowired JdbcClient jdbc;
  final String prefix = "R" + UUID.randomUUID().toString().substring(0, 8) + "-";

  @BeforeEach
  void twoChildren() {
    plan(prefix + "1", "1931-02-02", "1931-10-30", "NEG");
    plan(prefix + "1", "1932-03-01", null, "EMO");
    plan(prefix + "2", "1932-05-02", null, "PHY");
  }

  @AfterEach
  void removeThem() {
    jdbc.sql("delete from cp_plan where child_ref like ?").param(prefix + "%").update();
  }

  @Test
  void managersReadTheReportAsJson() {
    for (String reader : new String[] {TestStaff.TEAM_MANAGER, TestStaff.SENIOR_MANAGER, TestStaff.PROCESS_OWNER}) {
      Reply reply = Api.as(port, reader).get("/api/reports/repeat-plans?" + PERIOD);
      assertThat(reply.status()).as(reader).isEqualTo(200);
      assertThat(reply.headers().getContentType().toString()).startsWith("application/json");
    }
    JsonNode report = Api.as(port, "ci.admin", "Ci-admin-pass-1").get("/api/reports/repeat-plans?" + PERIOD).json();
    assertThat(report.path("from").asText()).isEqualTo("1932-01-01");
    assertThat(report.path("to").asText()).isEqualTo("1932-12-31");
    assertThat(report.path("plansStarted").asLong()).isEqualTo(2);
    assertThat(report.path("repeatPlans").asLong()).isEqualTo(1);
    assertThat(report.path("repeatRate").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(report.path("repeatPlansWithin2Years").asLong()).isEqualTo(1);
    assertThat(report.path("childrenWithRepeatPlan").asLong()).isEqualTo(1);
    assertThat(report.path("thirdOrLaterPlans").asLong()).isZero();
    // 30 October 1931 to 1 March 1932: 123 days, 4.0 months.
    assertThat(report.path("meanMonthsBetweenPlans").decimalValue()).isEqualByComparingTo("4.0");
    assertThat(report.path("medianMonthsBetweenPlans").decimalValue()).isEqualByComparingTo("4.0");
    assertThat(report.path("byCategory").path("EMO").asLong()).isEqualTo(1);
    assertThat(report.path("previousPeriod").path("from").asText()).isEqualTo("1931-01-01");
    assertThat(report.path("previousPeriod").path("plansStarted").asLong()).isEqualTo(1);
    assertThat(report.path("previousPeriod").path("repeatPlans").asLong()).isZero();
    assertThat(report.path("change").has("repeatPlans")).as("no change from nothing").isFalse();
    assertThat(report.path("processes").path("repeatIcpc").path("proposals").asLong()).isZero();
    assertThat(report.path("processes").path("legalPlanning").path("recommendations").asLong()).isZero();
    assertThat(report.path("processes").path("stepDown").path("endedPlans").asLong()).isEqualTo(0);
  }

  @Test
  void theReportAsCsvHasTheSameFigures() {
    Reply csv = Api.as(port, TestStaff.TEAM_MANAGER).get("/api/reports/repeat-plans?" + PERIOD, "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(csv.headers().getContentDisposition().getFilename()).isEqualTo("repeat-plans-1932-01-01-to-1932-12-31.csv");
    assertThat(csv.body()).startsWith(RepeatPlanCsv.HEADER + "\r\n" + "from,1932-01-01,1931-01-01,\r\n")
        .contains("\r\nplans_started,2,1,\r\n")
        .contains("\r\nrepeat_plans,1,0,\r\n")
        .contains("\r\nrepeat_rate,0.500,0.000,\r\n")
        .contains("\r\nmean_months_between_plans,4.0,,\r\n")
        .contains("\r\nrepeat_plans_category_EMO,1,0,\r\n")
        .contains("\r\nrepeat_icpc_proposals,0,,\r\n")
        .contains("\r\nlegal_planning_open_past_deadline,0,,\r\n");
    assertThat(Api.as(port, TestStaff.TEAM_MANAGER).get("/api/reports/repeat-plans?" + PERIOD, "text/*;q=0.9, application/xml").status())
        .as("CSV is the acceptable choice").isEqualTo(200);
  }

  @Test
  void everyRefusalHasItsStatus() {
    assertThat(Api.anonymous(port).get("/api/reports/repeat-plans?" + PERIOD).status()).isEqualTo(401);
    assertThat(Api.as(port, "nobody.here", "Wrong-pass-1").get("/api/reports/repeat-plans?" + PERIOD).status()).isEqualTo(401);

    Reply worker = Api.as(port, TestStaff.WORKER).get("/api/reports/repeat-plans?" + PERIOD);
    assertThat(worker.status()).isEqualTo(403);
    assertThat(worker.headers().getContentType()).hasToString("application/problem+json");
    assertThat(worker.json().path("detail").asText())
        .isEqualTo("Only team managers, senior managers, process owners and administrators may read reports.");
    assertThat(worker.body()).doesNotContain("plansStarted");
    assertThat(Api.as(port, TestStaff.IRO).get("/api/reports/repeat-plans/monthly").status()).isEqualTo(403);

    Api manager = Api.as(port, TestStaff.TEAM_MANAGER);
    Reply missing = manager.get("/api/reports/repeat-plans");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("errors").toString())
        .contains("\"field\":\"from\",\"rule\":\"required\"").contains("\"field\":\"to\",\"rule\":\"required\"");
    Reply badDates = manager.get("/api/reports/repeat-plans?from=1932-02-30&to=31/12/1932");
    assertThat(badDates.status()).isEqualTo(400);
    assertThat(badDates.json().path("errors").toString())
        .contains("\"field\":\"from\",\"rule\":\"date\"").contains("\"field\":\"to\",\"rule\":\"date\"");
    Reply backwards = manager.get("/api/reports/repeat-plans?from=1932-12-31&to=1932-01-01");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().path("errors").toString()).contains("\"field\":\"to\",\"rule\":\"not-before-from\"");
    Reply xml = manager.get("/api/reports/repeat-plans?" + PERIOD, "application/xml");
    assertThat(xml.status()).isEqualTo(406);
    assertThat(xml.headers().getContentType()).hasToString("application/problem+json");
    assertThat(manager.get("/api/reports/repeat-plans/monthly?to=1932-13").status()).isEqualTo(400);
  }

  @Test
  void theMonthlySeriesAddsUpToTheReport() {
    JsonNode monthly = Api.as(port, TestStaff.SENIOR_MANAGER).get("/api/reports/repeat-plans/monthly?to=1932-12").json();
    assertThat(monthly.path("from").asText()).isEqualTo("1931-01");
    assertThat(monthly.path("to").asText()).isEqualTo("1932-12");
    assertThat(monthly.path("months")).hasSize(24);
    JsonNode march1932 = monthly.path("months").get(14);
    assertThat(march1932.path("month").asText()).isEqualTo("1932-03");
    assertThat(march1932.path("repeatPlans").asLong()).isEqualTo(1);
    assertThat(march1932.path("repeatPlansWithin2Years").asLong()).isEqualTo(1);
    assertThat(march1932.path("previousYearRepeatPlans").asLong()).isZero();
    long total = 0;
    for (JsonNode month : monthly.path("months")) {
      total += month.path("repeatPlans").asLong();
    }
    assertThat(total).isEqualTo(1);
  }

  /** Cockpit's dashboard reads the same report through the plugin resource, with the Cockpit login. */
  @Test
  void theCockpitPluginServesTheSameFiguresToAManagersCockpitSession() {
    WebappSession manager = WebappSession.login(port, "cockpit", TestStaff.TEAM_MANAGER, TestStaff.PASSWORD);
    assertThat(manager.loginStatus()).isEqualTo(200);

    Reply fromCockpit = manager.get("/api/cockpit/plugin/repeat-plans/default/report?" + PERIOD, "application/json");
    assertThat(fromCockpit.status()).isEqualTo(200);
    Reply fromApi = Api.as(port, TestStaff.TEAM_MANAGER).get("/api/reports/repeat-plans?" + PERIOD);
    assertThat(fromCockpit.json()).isEqualTo(fromApi.json());

    Reply csv = manager.get("/api/cockpit/plugin/repeat-plans/default/report.csv?" + PERIOD, "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().getFirst("Content-Disposition")).contains("repeat-plans-1932-01-01-to-1932-12-31.csv");
    assertThat(csv.body()).isEqualTo(Api.as(port, TestStaff.TEAM_MANAGER).get("/api/reports/repeat-plans?" + PERIOD, "text/csv").body());

    Reply monthly = manager.get("/api/cockpit/plugin/repeat-plans/default/monthly", "application/json");
    assertThat(monthly.status()).isEqualTo(200);
    assertThat(monthly.json()).isEqualTo(Api.as(port, TestStaff.TEAM_MANAGER).get("/api/reports/repeat-plans/monthly").json());

    Reply defaultPeriod = manager.get("/api/cockpit/plugin/repeat-plans/default/report", "application/json");
    assertThat(LocalDate.parse(defaultPeriod.json().path("to").asText()))
        .isEqualTo(LocalDate.parse(defaultPeriod.json().path("from").asText()).plusYears(1).minusDays(1));

    Reply bad = manager.get("/api/cockpit/plugin/repeat-plans/default/report?from=1932-01-01&to=nonsense", "application/json");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.headers().getFirst("Content-Type")).startsWith("application/problem+json");
    assertThat(bad.json().path("errors").toString()).contains("\"field\":\"to\",\"rule\":\"date\"");

    assertThat(manager.get("/api/cockpit/plugin/repeat-plans/static/app/plugin.js", "*/*").body())
        .contains("pluginPoint: \"cockpit.route\"", "pluginPoint: \"cockpit.navigation\"");
  }

  @Test
  void theCockpitPluginRefusesThoseWhoMayNotReadReports() {
    assertThat(WebappSession.anonymous(port).get("/api/cockpit/plugin/repeat-plans/default/report?" + PERIOD, "application/json").status())
        .isEqualTo(401);
    // A social worker cannot open Cockpit; logged in to Tasklist, the plugin's data is still refused.
    assertThat(WebappSession.login(port, "cockpit", TestStaff.SECOND_WORKER, TestStaff.PASSWORD).loginStatus()).isEqualTo(403);
    WebappSession worker = WebappSession.login(port, "tasklist", TestStaff.SECOND_WORKER, TestStaff.PASSWORD);
    assertThat(worker.loginStatus()).isEqualTo(200);
    Reply refused = worker.get("/api/cockpit/plugin/repeat-plans/default/report?" + PERIOD, "application/json");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("plansStarted");
    assertThat(worker.get("/api/cockpit/plugin/repeat-plans/default/report.csv?" + PERIOD, "text/csv").status()).isEqualTo(403);
  }

  private void plan(String childRef, String start, String end, String category) {
    planHistory.insert(new CpPlan(null, childRef, LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
        category, category, null, null, null, null, CpPlan.Source.IMPORT));
  }
}
