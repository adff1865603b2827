package org.safeguardingworkflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.safeguardingworkflows.platform.cluster.ClusterStartUpLock;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.ApplicationNode;
import org.safeguardingworkflows.testsupport.WebappSession;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two application processes (the built jar, {@link ApplicationNode}) on one PostgreSQL behave as one application
 * (issue 16). In order, on one pair of nodes: both start at the same moment on an empty database; a webapp login on
 * one node is valid on the other; the APIs make no sessions; overdue timers fire exactly once while one node is
 * killed with {@code kill -9} in the middle of them and of a burst of journey starts (every 201 stored); both start
 * together again on the existing database; SIGTERM during a burst of requests answers every accepted request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  /** Concern reviews whose "decision late" timer is made overdue, half started on each node. */
  static final int TIMERS = 200;
  /** Short enough that a killed node's jobs are retried within the test (production: 5 minutes, application.yaml). */
  static final String TEST_LOCK_TIME_MILLIS = "10000";

  EmbeddedPostgres postgres;
  JdbcTemplate database;
  ApplicationNode nodeA;
  ApplicationNode nodeB;
  /** A login kept for the restart of both nodes. */
  WebappSession managerLoggedIn;
  final List<String> acknowledgedJourneys = new ArrayList<>();

  @BeforeAll
  void startTwoNodesTogetherOnAnEmptyDatabase() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    DataSource dataSource = postgres.getPostgresDatabase();
    database = new JdbcTemplate(dataSource);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    nodeA = node("cluster-a", url);
    nodeB = node("cluster-b", url);

    // The test holds the start-up lock while both nodes start, so that both reach it at the same moment, and shows
    // that neither touches the database before it has the lock.
    try (Connection holder = dataSource.getConnection(); Statement statement = holder.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(" + ClusterStartUpLock.KEY + ")");
      nodeA.start();
      nodeB.start();
      awaitTrue(Duration.ofMinutes(2), "both nodes waiting for the start-up lock", () -> database.queryForObject(
          "select count(*) from pg_locks where locktype = 'advisory' and not granted", Long.class) == 2);
      assertThat(database.queryForObject("select to_regclass('public.databasechangelog') is null", Boolean.class))
          .as("no node migrated the schema without the lock").isTrue();
    }
    nodeA.awaitUp();
    nodeB.awaitUp();
  }

  private static ApplicationNode node(String name, String url) {
    return ApplicationNode.onPostgres(name, url, "postgres", "postgres")
        .property("camunda.bpm.job-execution.lock-time-in-millis", TEST_LOCK_TIME_MILLIS)
        // Job due dates are moved by SQL, which wakes no job executor: poll every second at most.
        .property("camunda.bpm.job-execution.max-wait", "1000")
        .build();
  }

  @AfterAll
  void stopEverything() throws IOException {
    for (ApplicationNode node : new ApplicationNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void bothNodesStartedTogether_oneMigrationOneDeploymentNothingTwice() {
    assertSetUpOnce();
  }

  @Test
  @Order(2)
  void aWebappLoginOnOneNodeIsValidOnTheOther_withItsCsrfToken() throws Exception {
    WebappSession onA = WebappSession.login(nodeA.port(), "tasklist", ApplicationNode.TEAM_MANAGER, ApplicationNode.PASSWORD);
    assertThat(onA.loginStatus()).isEqualTo(200);
    WebappSession sameBrowserOnB = onA.onNode(nodeB.port());

    HttpResponse<String> user = sameBrowserOnB.get("/camunda/api/admin/auth/user/default");
    assertThat(user.statusCode()).isEqualTo(200);
    assertThat(user.body()).contains("\"userId\":\"" + ApplicationNode.TEAM_MANAGER + "\"");
    String taskQuery = "/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15";
    assertThat(sameBrowserOnB.post(taskQuery, "{}").statusCode()).as("a POST on B with the session's CSRF token").isEqualTo(200);
    assertThat(onA.get("/camunda/api/admin/auth/user/default").statusCode()).as("still logged in on A").isEqualTo(200);
    assertThat(database.queryForObject("select count(*) from spring_session_attributes where attribute_name = 'authenticatedUser'",
        Long.class)).as("Camunda's login is kept in the shared session").isEqualTo(1);

    // Camunda ends the session of a request with a missing CSRF token: ended on B, it has ended on A too.
    assertThat(sameBrowserOnB.withoutCsrfToken().post(taskQuery, "{}").statusCode()).as("CSRF checked on B").isEqualTo(403);
    assertThat(onA.get("/camunda/api/admin/auth/user/default").statusCode()).as("logged out on A as well").isEqualTo(404);

    managerLoggedIn = WebappSession.login(nodeB.port(), "tasklist", ApplicationNode.TEAM_MANAGER, ApplicationNode.PASSWORD);
    assertThat(managerLoggedIn.loginStatus()).isEqualTo(200);
  }

  @Test
  @Order(3)
  void theApisStayStateless() {
    long sessions = database.queryForObject("select count(*) from spring_session", Long.class);
    for (ApplicationNode node : List.of(nodeA, nodeB)) {
      Api worker = Api.as(node.port(), ApplicationNode.WORKER, ApplicationNode.PASSWORD);
      for (Api.Reply reply : List.of(worker.get("/api/children/C-404404"), worker.get("/engine-rest/task/count"),
          worker.post("/api/step-downs", stepDown(newChild())))) {
        assertThat(reply.status()).isLessThan(500);
        assertThat(reply.headers().get("Set-Cookie")).as("no session cookie from the APIs").isNull();
      }
    }
    assertThat(database.queryForObject("select count(*) from spring_session", Long.class)).isEqualTo(sessions);
  }

  @Test
  @Order(4)
  void overdueTimersFireExactlyOnce_andEvery201Survives_whenANodeIsKilledInTheMiddle() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> raised = new ArrayList<>();
      for (int i = 0; i < TIMERS; i++) {
        ApplicationNode node = i % 2 == 0 ? nodeA : nodeB;
        raised.add(clients.submit(() -> assertThat(Api.as(node.port(), ApplicationNode.WORKER, ApplicationNode.PASSWORD)
            .post("/api/children/" + newChild() + "/concerns", Map.of("kind", "NEW_REFERRAL", "summary", "Referral"))
            .status()).isEqualTo(202)));
      }
      for (Future<?> future : raised) {
        future.get(2, TimeUnit.MINUTES);
      }
      assertThat(database.queryForObject("select count(*) from act_ru_job where process_def_key_ = 'concernReview' and type_ = 'timer'",
          Long.class)).isEqualTo(TIMERS);

      // A burst of journey starts on node B while its job executor works through the storm.
      AtomicBoolean bDied = new AtomicBoolean();
      Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
      List<Future<?>> burst = new ArrayList<>();
      for (int thread = 0; thread < 2; thread++) {
        burst.add(clients.submit(() -> {
          while (!bDied.get()) {
            String childRef = newChild();
            int status = startJourney(nodeB, childRef);
            if (status == 201) {
              acknowledged.add(childRef);
            } else if (status < 0) {
              bDied.set(true);
            }
          }
        }));
      }

      database.update("update act_ru_job set duedate_ = now() - interval '1 minute' where process_def_key_ = 'concernReview'");
      awaitTrue(Duration.ofMinutes(2), "a quarter of the timers fired, some on node B",
          () -> chases() >= TIMERS / 4 && jobsDoneBy(nodeB) > 0);
      nodeB.kill();
      for (Future<?> thread : burst) {
        thread.get(1, TimeUnit.MINUTES);
      }
      long firedBeforeTheKill = chases();

      // The jobs node B had locked and not finished run on node A once their lock expires; when every review has its
      // chase and no timer job is left, nothing can fire again.
      awaitTrue(Duration.ofMinutes(2), "every timer fired", () -> chases() >= TIMERS);
      List<Map<String, Object>> chasesPerReview = database.queryForList(
          "select proc_inst_id_, count(*) as chases from act_hi_taskinst where task_def_key_ = 'Task_ChaseLateConcernReview'"
              + " group by proc_inst_id_");
      assertThat(chasesPerReview).as("one chase for each of the " + TIMERS + " reviews (" + firedBeforeTheKill
          + " before the kill)").hasSize(TIMERS).allSatisfy(row -> assertThat(((Number) row.get("chases")).longValue()).isEqualTo(1));
      assertThat(database.queryForObject("select count(*) from act_ru_job where process_def_key_ = 'concernReview'", Long.class))
          .as("no timer left").isZero();
      assertThat(jobsDoneBy(nodeA)).as("node A took over").isPositive();

      assertThat(acknowledged).as("journeys answered 201 before the kill").isNotEmpty();
      acknowledgedJourneys.addAll(acknowledged);
      assertEveryAcknowledgedJourneyIsStored();
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  @Order(5)
  void bothNodesStartTogetherAgainOnTheExistingDatabase_andTheLoginSurvives() {
    assertThat(nodeA.stop(Duration.ofMinutes(1))).as("SIGTERM ends node A").isNotNegative();
    nodeA.start();
    nodeB.start();
    nodeA.awaitUp();
    nodeB.awaitUp();
    assertSetUpOnce();
    assertEveryAcknowledgedJourneyIsStored();
    try {
      assertThat(managerLoggedIn.onNode(nodeA.port()).get("/camunda/api/admin/auth/user/default").statusCode())
          .as("a login outlives the restart of every node").isEqualTo(200);
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @Order(6)
  void sigtermDuringABurst_everyAcceptedRequestIsAnswered_andEvery201Stored() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    Queue<String> broken = new ConcurrentLinkedQueue<>();
    AtomicBoolean refused = new AtomicBoolean();
    try {
      List<Future<?>> burst = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        burst.add(clients.submit(() -> {
          while (!refused.get()) {
            String childRef = newChild();
            try {
              Answer response = postJourney(nodeA, childRef);
              if (response.statusCode() == 201) {
                acknowledged.add(childRef);
              } else {
                broken.add(response.statusCode() + " " + response.body());
              }
            } catch (ConnectException notAccepted) {
              refused.set(true);
            } catch (IOException e) {
              broken.add(e.toString());
              refused.set(true);
            }
          }
          return null;
        }));
      }
      awaitTrue(Duration.ofMinutes(1), "the burst under way", () -> acknowledged.size() >= 8);
      nodeA.signalStop();
      for (Future<?> thread : burst) {
        thread.get(1, TimeUnit.MINUTES);
      }
      assertThat(nodeA.awaitExit(Duration.ofMinutes(1))).as("node A exits").isNotNegative();
    } finally {
      clients.shutdownNow();
    }
    assertThat(broken).as("requests answered other than 201, or cut off").isEmpty();
    acknowledgedJourneys.addAll(acknowledged);
    assertEveryAcknowledgedJourneyIsStored();
  }

  private void assertSetUpOnce() {
    assertThat(database.queryForObject(
        "select count(*) - count(distinct (id, author, filename)) from databasechangelog", Long.class))
        .as("each changeset ran once").isZero();
    assertThat(database.queryForObject(
        "select count(*) from act_re_deployment where name_ = ?", Long.class, ProcessDeployment.DEPLOYMENT_NAME))
        .as("one deployment").isEqualTo(1);
    assertThat(duplicates("select name_, owner_, properties_ from act_ru_filter")).as("filters").isEmpty();
    assertThat(duplicates("select type_, group_id_, user_id_, resource_type_, resource_id_ from act_ru_authorization"))
        .as("authorizations").isEmpty();
    assertThat(database.queryForObject(
        "select count(*) from act_id_membership where group_id_ = 'camunda-admin'", Long.class))
        .as("one administrator").isEqualTo(1);
    assertThat(database.queryForObject("select count(*) from act_id_group where type_ = 'TEAM'", Long.class))
        .as("the demo's two teams").isEqualTo(2);
  }

  private void assertEveryAcknowledgedJourneyIsStored() {
    for (String childRef : acknowledgedJourneys) {
      assertThat(database.queryForObject("select count(*) from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?",
          Long.class, childRef, "stepDownFromProtection")).as("journey of " + childRef).isEqualTo(1);
      assertThat(database.queryForObject("select count(*) from cp_plan where child_ref = ?", Long.class, childRef))
          .as("plan of " + childRef).isEqualTo(1);
    }
  }

  /** Rows of the query that occur more than once. */
  private List<Map<String, Object>> duplicates(String select) {
    return database.queryForList(
        "select found::text as row, count(*) as copies from (" + select + ") found group by found::text having count(*) > 1");
  }

  private long chases() {
    return database.queryForObject("select count(*) from act_hi_taskinst where task_def_key_ = 'Task_ChaseLateConcernReview'",
        Long.class);
  }

  /** Jobs the node ran to completion: the job log names the node (the launcher sets the engine's host name). */
  private long jobsDoneBy(ApplicationNode node) {
    return database.queryForObject("select count(*) from act_hi_job_log where hostname_ = ? and job_state_ = 2",
        Long.class, node.name());
  }

  /** The status of a journey start, or -1 when the node did not answer (killed). */
  private int startJourney(ApplicationNode node, String childRef) {
    try {
      return postJourney(node, childRef).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  record Answer(int statusCode, String body) {}

  /** A journey start on a connection of its own (Connection: close), as independent clients send them. */
  private Answer postJourney(ApplicationNode node, String childRef) throws IOException {
    String json = stepDown(childRef).entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
        .reduce((a, b) -> a + "," + b).map(body -> "{" + body + "}").orElseThrow();
    String credentials = Base64.getEncoder().encodeToString(
        (ApplicationNode.WORKER + ":" + ApplicationNode.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpURLConnection connection = (HttpURLConnection) URI.create(node.baseUrl() + "/api/step-downs").toURL().openConnection();
    try {
      connection.setConnectTimeout(5000);
      connection.setReadTimeout(60000);
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Connection", "close");
      connection.setRequestProperty("Authorization", "Basic " + credentials);
      connection.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = connection.getOutputStream()) {
        out.write(json.getBytes(StandardCharsets.UTF_8));
      }
      int status = connection.getResponseCode();
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Answer(status, body);
    } finally {
      connection.disconnect();
    }
  }

  private static Map<String, Object> stepDown(String childRef) {
    return Map.of("childRef", childRef,
        "planStartDate", LocalDate.now().minusMonths(9).toString(),
        "planEndDate", LocalDate.now().minusDays(3).toString(),
        "categoryOfAbuse", "NEG",
        "destination", "CHILD_IN_NEED",
        "allocatedWorker", ApplicationNode.WORKER,
        "teamManager", ApplicationNode.TEAM_MANAGER,
        "iro", ApplicationNode.IRO);
  }

  private static String newChild() {
    return "C-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void awaitTrue(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + timeout + ": " + what);
      }
      Thread.sleep(200);
    }
  }

}
