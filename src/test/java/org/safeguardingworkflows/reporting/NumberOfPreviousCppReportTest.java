package org.safeguardingworkflows.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.CensusReturn;
import org.safeguardingworkflows.testsupport.CensusReturn.Plan;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A census return's NumberOfPreviousCPP in the report: the child's earliest held plan with earlier plans declared is a
 * national (D3) repeat plan, not a local "within 2 years" one, and the report says how many it counted so. The plans
 * lie in 1933-34, a census year no other test uses, so the report's figures are this test's alone.
 */
@ApplicationTest
class NumberOfPreviousCppReportTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  final String prefix = "P" + UUID.randomUUID().toString().substring(0, 8) + "-";

  @AfterEach
  void removeThisTestsPlans() {
    jdbc.sql("delete from cp_plan where child_ref like ?").param(prefix + "%").update();
    jdbc.sql("delete from cp_plan_review where child_ref like ?").param(prefix + "%").update();
  }

  @Test
  void numberOfPreviousCppAboveTheHeldPlansMakesANationalRepeatPlan_butNotALocalOne() {
    CensusReturn file = CensusReturn.forYearEnding(1934)
        // Two previous plans declared, none held: a D3 repeat, third or later, not within 2 years.
        .child(prefix + "D", Plan.of("1933-05-02", null, "NEG", 2))
        // None declared: a first plan.
        .child(prefix + "F", Plan.of("1933-06-06", null, "PHY", 0))
        // Both plans held: the second is a repeat within 2 years; its NumberOfPreviousCPP adds nothing.
        .child(prefix + "H", Plan.of("1933-04-03", "1933-07-31", "EMO", 0), Plan.of("1933-10-02", null, "EMO", 1))
        // One declared, and one held before it: the held plans already say so.
        .child(prefix + "K", Plan.of("1932-04-04", "1932-09-30", "SAB", 0));
    Reply imported = Api.as(port, TestStaff.PROCESS_OWNER).post("/api/plan-history", MediaType.APPLICATION_XML, file.xml());
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    Reply later = Api.as(port, TestStaff.PROCESS_OWNER).post("/api/plan-history", MediaType.APPLICATION_XML,
        CensusReturn.forYearEnding(1934).child(prefix + "K", Plan.of("1933-11-06", null, "SAB", 1)).xml());
    assertThat(later.status()).as(later.body()).isEqualTo(200);

    Reply reply = Api.as(port, TestStaff.PROCESS_OWNER).get("/api/reports/repeat-plans?from=1933-04-01&to=1934-03-31");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode report = reply.json();
    assertThat(report.path("plansStarted").asLong()).isEqualTo(5);
    assertThat(report.path("repeatPlans").asLong()).isEqualTo(3);
    assertThat(report.path("repeatPlansFromNumberOfPreviousCpp").asLong()).isEqualTo(1);
    assertThat(report.path("repeatPlansWithin2Years").asLong()).isEqualTo(2);
    assertThat(report.path("thirdOrLaterPlans").asLong()).isEqualTo(1);
    assertThat(report.path("meanMonthsBetweenPlans").decimalValue()).as("D's unknown interval is not averaged").isNotNull();

    JsonNode national = report.path("nationalMeasure");
    assertThat(national.path("label").asText()).startsWith("National measure (DfE D3)");
    assertThat(national.path("repeatPlans").asLong()).isEqualTo(3);
    assertThat(national.path("repeatRate").decimalValue()).isEqualByComparingTo("0.600");
    assertThat(national.path("childrenStartingAPlan").asLong()).isEqualTo(4);
    assertThat(national.path("childrenWithRepeatPlan").asLong()).isEqualTo(3);
    assertThat(national.path("childRepeatRate").decimalValue()).isEqualByComparingTo("0.750");
    assertThat(national.path("repeatPlansFromNumberOfPreviousCpp").asLong()).isEqualTo(1);
    JsonNode local = report.path("localMeasure");
    assertThat(local.path("label").asText()).startsWith("Local measure").contains("no national figure");
    assertThat(local.path("repeatPlansWithin2Years").asLong()).isEqualTo(2);

    String csv = Api.as(port, TestStaff.PROCESS_OWNER).get("/api/reports/repeat-plans?from=1933-04-01&to=1934-03-31", "text/csv").body();
    assertThat(csv).contains("\r\nrepeat_plans_from_number_of_previous_cpp,1,0,\r\n", "\r\nchildren_starting_a_plan,4,1,\r\n");
  }
}
