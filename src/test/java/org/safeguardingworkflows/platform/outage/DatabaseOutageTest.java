package org.safeguardingworkflows.platform.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.PlanHistoryImport;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.RestartablePostgres;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL stopped under the running application, and started again. While it is down, health says DOWN and every
 * door into the application (the domain API, the engine's REST API, the webapp login and the webapps' API, each with
 * valid credentials) answers 503 problem+json with Retry-After, never a 500, a 401 or a stack trace; requests that
 * would have written leave nothing, even one cut off in the middle of its transaction. Once it is back, the same
 * application serves every door again without a restart. The server is always started again (finally): every
 * application test shares it.
 */
@ApplicationTest
class DatabaseOutageTest {

  static final String ADMIN = "ci.admin";
  static final String ADMIN_PASSWORD = "Ci-admin-pass-1";

  @LocalServerPort int port;
  @Autowired RestartablePostgres postgres;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @Test
  void whileDownEveryDoorAnswers503AndWhenBackEveryDoorServesAgain() throws Exception {
    String childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
    WebappSession tasklist = WebappSession.login(port, "tasklist", TestStaff.WORKER, TestStaff.PASSWORD);
    assertThat(tasklist.loginStatus()).isEqualTo(200);
    assertThat(tasklist.get("/api/engine/engine/default/task?maxResults=1", "application/json").status()).isEqualTo(200);

    Map<String, Reply> whileDown;
    long stoppedAt = System.nanoTime();
    postgres.stop();
    try {
      whileDown = inParallel(Map.of(
          "health", () -> Api.anonymous(port).get("/actuator/health"),
          "readiness", () -> Api.anonymous(port).get("/actuator/health/readiness"),
          "domain API read", () -> worker().get("/api/step-downs/" + childRef),
          "domain API write", () -> worker().post("/api/step-downs", stepDown(childRef)),
          "engine REST read", () -> worker().get("/engine-rest/task?maxResults=1"),
          "engine REST write", () -> Api.as(port, ADMIN, ADMIN_PASSWORD).post(
              "/engine-rest/process-definition/key/stepDownFromProtection/start", Map.of("businessKey", childRef)),
          "webapp login", () -> WebappSession.anonymous(port).logInAnswer("tasklist", TestStaff.WORKER, TestStaff.PASSWORD),
          "webapp API with a session", () -> tasklist.get("/api/engine/engine/default/task?maxResults=1", "application/json")));
    } finally {
      postgres.start();
    }
    long outageSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stoppedAt);

    assertThat(whileDown.get("health").status()).isEqualTo(503);
    assertThat(whileDown.get("health").body()).contains("DOWN");
    assertThat(whileDown.get("readiness").status()).isEqualTo(503);
    whileDown.forEach((door, reply) -> {
      if (!door.equals("health") && !door.equals("readiness")) {
        assertPlainOutageAnswer(door, reply);
      }
    });
    assertThat(outageSeconds).as("every request answered within seconds (Hikari's connection timeout)").isLessThan(30);

    awaitHealthUp();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count())
        .as("no journey started by a request sent while the database was down").isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isZero();
    assertThat(jdbc.sql("select count(*) from cp_plan where child_ref = ?").param(childRef).query(Long.class).single())
        .as("no plan recorded by a request sent while the database was down").isZero();

    assertThat(worker().get("/api/step-downs/" + childRef).status()).isEqualTo(404);
    assertThat(worker().post("/api/step-downs", stepDown(childRef)).status())
        .as("the child's one journey is still free to start").isEqualTo(201);
    assertThat(worker().get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    assertThat(tasklist.get("/api/engine/engine/default/task?maxResults=1", "application/json").status())
        .as("the session from before the outage").isEqualTo(200);
    assertThat(WebappSession.login(port, "tasklist", TestStaff.WORKER, TestStaff.PASSWORD).loginStatus()).isEqualTo(200);
  }

  @Test
  void anImportCutOffInTheMiddleOfItsTransactionLeavesNothing() throws Exception {
    String prefix = "O" + UUID.randomUUID().toString().substring(0, 8) + "-";
    PipedOutputStream file = new PipedOutputStream();
    PipedInputStream body = new PipedInputStream(file, 1 << 16);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plan-history"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "text/csv")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
        .build();
    CompletableFuture<HttpResponse<String>> answer =
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());

    ExecutorService writer = Executors.newSingleThreadExecutor();
    HttpResponse<String> cutOff;
    try {
      // Two batches of lines (the import stages 1,000 at a time) are written inside the import's transaction...
      writer.submit(() -> writeLines(file, prefix, 0, 2_500, true)).get(30, TimeUnit.SECONDS);
      awaitAnOpenTransactionThatWrote();
      postgres.stop();
      try {
        // ...then the database goes away, and the import goes on to stage the next batch.
        Future<?> rest = writer.submit(() -> {
          writeLines(file, prefix, 2_500, 2_000, false);
          file.close();
          return null;
        });
        cutOff = answer.get(60, TimeUnit.SECONDS);
        rest.cancel(true);
      } finally {
        postgres.start();
      }
    } finally {
      writer.shutdownNow();
    }

    Reply reply = new Reply(cutOff.statusCode(), new org.springframework.http.HttpHeaders(), cutOff.body());
    cutOff.headers().map().forEach(reply.headers()::addAll);
    assertPlainOutageAnswer("plan history import", reply);
    awaitHealthUp();
    assertThat(jdbc.sql("select count(*) from cp_plan where child_ref like ?").param(prefix + "%").query(Long.class).single())
        .as("no plan of the cut-off import").isZero();
    assertThat(jdbc.sql("select count(*) from cp_plan_import_line").query(Long.class).single())
        .as("no staged line of the cut-off import").isZero();
  }

  private static void assertPlainOutageAnswer(String door, Reply reply) {
    assertThat(reply.status()).as(door + ": " + reply.body()).isEqualTo(503);
    assertThat(reply.headers().getFirst("Content-Type")).as(door).startsWith("application/problem+json");
    assertThat(reply.headers().getFirst("Retry-After")).as(door).isEqualTo("10");
    assertThat(reply.json().path("status").asInt()).as(door).isEqualTo(503);
    assertThat(reply.json().path("title").asText()).as(door).isEqualTo("Case database unavailable");
    assertThat(reply.json().path("detail").asText()).as(door)
        .isEqualTo("The case database cannot be reached; try again in a moment.");
    assertThat(reply.body()).as(door).doesNotContain("Exception", "SQL", "at org.", "jdbc");
  }

  private Map<String, Reply> inParallel(Map<String, Callable<Reply>> requests) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(requests.size());
    try {
      Map<String, Future<Reply>> pending = new LinkedHashMap<>();
      requests.forEach((door, call) -> pending.put(door, threads.submit(call)));
      Map<String, Reply> replies = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Reply>> reply : pending.entrySet()) {
        replies.put(reply.getKey(), reply.getValue().get(60, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      threads.shutdownNow();
    }
  }

  /** Waits until a transaction other than this test's has written (PostgreSQL gave it a transaction id). */
  private void awaitAnOpenTransactionThatWrote() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (jdbc.sql("select count(*) from pg_stat_activity where backend_xid is not null and pid <> pg_backend_pid()")
        .query(Long.class).single() == 0) {
      assertThat(System.nanoTime()).as("the import began writing within 30 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private void awaitHealthUp() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Api.anonymous(port).get("/actuator/health").status() != 200) {
      assertThat(System.nanoTime()).as("health UP again within 60 s of PostgreSQL starting").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static Void writeLines(OutputStream file, String prefix, int from, int count, boolean header) throws IOException {
    StringBuilder lines = new StringBuilder(header ? PlanHistoryImport.HEADER + "\n" : "");
    for (int i = from; i < from + count; i++) {
      LocalDate start = LocalDate.of(1960, 1, 1).plusDays(i % 3000);
      lines.append(prefix).append(i).append(',').append(start).append(',').append(start.plusMonths(10))
          .append(",NEG,NEG,").append(TestStaff.IRO).append('\n');
    }
    file.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    file.flush();
    return null;
  }

  private Api worker() {
    return Api.as(port, TestStaff.WORKER);
  }

  private static Map<String, Object> stepDown(String childRef) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("childRef", childRef);
    plan.put("planStartDate", LocalDate.now().minusMonths(9).toString());
    plan.put("planEndDate", LocalDate.now().minusDays(3).toString());
    plan.put("categoryOfAbuse", "NEG");
    plan.put("destination", "CHILD_IN_NEED");
    plan.put("allocatedWorker", TestStaff.WORKER);
    plan.put("teamManager", TestStaff.TEAM_MANAGER);
    plan.put("iro", TestStaff.IRO);
    return plan;
  }
}
