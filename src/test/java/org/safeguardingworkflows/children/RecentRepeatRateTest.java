package org.safeguardingworkflows.children;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit's repeat rate for a recent period counts every plan that started in it. Plans recorded only when they
 * ended left the first plans still open out of the count, while a repeat plan's earlier plans were all there: the
 * recent rate was inflated (here it would have read 1 repeat plan of 1). Recorded when conferences make them, three
 * first plans and one repeat started in the period: 1 of 4. The period (1941) is one no other test uses.
 */
@ApplicationTest
class RecentRepeatRateTest {

  @LocalServerPort int port;

  @Test
  void firstPlansRecordedWhenMadeCountInTheRecentRepeatRate() {
    for (String start : new String[] {"1941-02-03", "1941-06-09", "1941-11-17"}) {
      assertThat(made(newChild(), start).path("planStart").asText()).isEqualTo(start);
    }
    String returning = newChild();
    made(returning, "1939-04-03");
    assertThat(worker().post("/api/children/" + returning + "/plans/current/end",
        Map.of("planEndDate", "1940-05-06", "reason", "REVIEW_CONFERENCE")).status()).isEqualTo(200);
    made(returning, "1941-09-01");

    JsonNode report = Api.as(port, TestStaff.TEAM_MANAGER).get("/api/reports/repeat-plans?from=1941-01-01&to=1941-12-31").json();

    assertThat(report.path("plansStarted").asLong()).isEqualTo(4);
    assertThat(report.path("repeatPlans").asLong()).isEqualTo(1);
    assertThat(report.path("repeatRate").decimalValue()).isEqualByComparingTo("0.25");
    assertThat(report.path("repeatPlansWithin2Years").asLong()).isEqualTo(1);
  }

  private JsonNode made(String childRef, String start) {
    Api.Reply reply = worker().post("/api/children/" + childRef + "/plans",
        Map.of("planStartDate", start, "categoryOfAbuse", "NEG", "iro", TestStaff.IRO));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  private Api worker() {
    return Api.as(port, TestStaff.WORKER);
  }

  private static String newChild() {
    return "C-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
