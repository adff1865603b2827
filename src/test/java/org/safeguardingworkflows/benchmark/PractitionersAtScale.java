package org.safeguardingworkflows.benchmark;

import static org.safeguardingworkflows.stepdown.StepDownVariables.ALLOCATED_WORKER;
import static org.safeguardingworkflows.stepdown.StepDownVariables.TEAM_MANAGER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.TaskFilters;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.testsupport.ApplicationNode;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;

/**
 * Scenario 6 (issue 16): concurrent practitioners working in Tasklist at scale, on one application node and then on
 * two. The open journeys are seeded once, in process, and every node configuration then works on the same database:
 * each practitioner lists "My tasks", opens a task with its form and completes it ({@link SimulatedPractitioner}), with
 * no pause, for a fixed time after an unmeasured warm-up. The configurations' figures are written side by side.
 *
 * <p>Staff come in pairs, a social worker and the team manager of a team of their own; every journey names the worker
 * and the manager of one pair, so that a worker's "My tasks" holds step-down meetings and the manager's holds the
 * approvals (and the approvals that the worker's meetings create). The active practitioners are the first pairs.
 */
final class PractitionersAtScale {

  static final String SCENARIO = "6 practitioners";
  /** Practitioner accounts and their teams carry this prefix; the smoke run removes them again. */
  static final String STAFF_PREFIX = "pb.";
  static final String TEAM_PREFIX = "pb-team-";
  /**
   * Journeys per pair of staff. Far more than a real caseload (some 20 children a worker): enough that no active
   * practitioner runs out of tasks in either configuration, and each "My tasks" is a longer list than a real one,
   * which makes the lists harder, not easier.
   */
  static final int JOURNEYS_PER_PAIR = 400;
  /** Seeding starts no new day after this many minutes (100,000 journeys took 12.6 minutes on an idle 2-core machine). */
  static final long SEED_MINUTES = Long.getLong("benchmark.practitionerSeedMinutes", 60);

  private final Benchmarks benchmarks;
  private final ProcessEngine engine;
  private final Teams teams;
  private final TaskFilters taskFilters;
  private final Benchmarks.Sizes sizes;
  private final int pairs;

  PractitionersAtScale(Benchmarks benchmarks, ProcessEngine engine, Teams teams, TaskFilters taskFilters, Benchmarks.Sizes sizes) {
    this.benchmarks = benchmarks;
    this.engine = engine;
    this.teams = teams;
    this.taskFilters = taskFilters;
    this.sizes = sizes;
    this.pairs = Math.max(activePairs(), (sizes.practitionerJourneys() + JOURNEYS_PER_PAIR - 1) / JOURNEYS_PER_PAIR);
  }

  private int activePairs() {
    return Math.max(1, sizes.practitioners() / 2);
  }

  static String worker(int pair) {
    return String.format("%ssw.%03d", STAFF_PREFIX, pair + 1);
  }

  static String manager(int pair) {
    return String.format("%stm.%03d", STAFF_PREFIX, pair + 1);
  }

  static String team(int pair) {
    return String.format("%s%03d", TEAM_PREFIX, pair + 1);
  }

  /** The staff, their filters and the open journeys: a third at the meeting, a third at approval, a third watched. */
  void prepare() throws Exception {
    long started = System.nanoTime();
    IdentityService identity = engine.getIdentityService();
    for (int pair = 0; pair < pairs; pair++) {
      teams.ensureTeam(team(pair), "Benchmark team " + (pair + 1));
      staff(identity, worker(pair), Role.SOCIAL_WORKERS, team(pair));
      staff(identity, manager(pair), Role.TEAM_MANAGERS, team(pair));
      if (pair < activePairs()) {
        taskFilters.ensureMyTasks(worker(pair));
        taskFilters.ensureMyTasks(manager(pair));
        taskFilters.ensureTeamFilter(identity.createGroupQuery().groupId(team(pair)).singleResult());
      }
    }
    benchmarks.results().add(SCENARIO, "staff created (" + pairs + " teams of a worker and a manager)", (System.nanoTime() - started) / 1e9, "s");
    started = System.nanoTime();
    List<String> children = new ArrayList<>();
    try {
      benchmarks.seed(sizes.practitionerJourneys(), children, "P", position -> position % 3,
          Benchmarks.TASK_LIST_DAY.minusDays(Benchmarks.SEED_DAYS), Benchmarks.SEED_DAYS, (childRef, position) -> {
            Map<String, Object> variables = StepDownDriver.startVariables(childRef, "CHILD_IN_NEED");
            // Pairs take the journeys three at a time, so that each pair gets every stage whatever the number of pairs.
            int pair = (position / 3) % pairs;
            variables.put(ALLOCATED_WORKER.name(), worker(pair));
            variables.put(TEAM_MANAGER.name(), manager(pair));
            return variables;
          }, started + TimeUnit.MINUTES.toNanos(SEED_MINUTES));
    } finally {
      // The practitioners work on today's date, as the nodes' clocks do.
      EngineClock.reset();
    }
    benchmarks.results().add(SCENARIO, "seeding " + children.size() + " open journeys", (System.nanoTime() - started) / 1e9, "s");
    if (children.size() < sizes.practitionerJourneys()) {
      benchmarks.results().note("Scenario 6: seeding stopped after " + SEED_MINUTES + " minutes (-Dbenchmark.practitionerSeedMinutes) with "
          + children.size() + " of the " + sizes.practitionerJourneys() + " journeys asked for; the practitioners worked at that size,"
          + " the journeys started on the first days of the seeding period only.");
    }
    benchmarks.results().add(SCENARIO, "open process instances in the database (every kind)", engine.getRuntimeService().createProcessInstanceQuery().count(), "journeys");
  }

  private static void staff(IdentityService identity, String id, Role role, String team) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("Staff");
      user.setLastName("Benchmark " + role.displayName());
      user.setPassword(TestStaff.PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, role.groupId());
      identity.createMembership(id, team);
    }
  }

  /** The active practitioners, a worker and a manager of each active pair. */
  List<String> practitioners() {
    List<String> practitioners = new ArrayList<>();
    for (int pair = 0; pair < activePairs(); pair++) {
      practitioners.add(worker(pair));
      practitioners.add(manager(pair));
    }
    return practitioners.subList(0, Math.min(practitioners.size(), Math.max(1, sizes.practitioners())));
  }

  /**
   * The practitioners work on one node and then on two, on the database {@link #prepare()} filled. With a JDBC URL the
   * nodes are the built jar as separate processes ({@link ApplicationNode}), the first started alone and the second
   * added for the second configuration (nodes started one after the other, so that neither races the other's
   * start-up); this JVM's own application then only holds the embedded database and sits idle. Without a URL (the
   * smoke run, before `package`), or without a built jar, the one node is this JVM's application, sharing its cores
   * and heap with the practitioners' client threads, and two nodes are not measured.
   */
  void run(int inProcessPort, String jdbcUrl) throws Exception {
    Map<String, PractitionerLoad> loads = new LinkedHashMap<>();
    if (jdbcUrl != null) {
      try (ApplicationNode first = node("benchmark-node-1", jdbcUrl); ApplicationNode second = node("benchmark-node-2", jdbcUrl)) {
        if (started(first)) {
          staleJarWarning();
          workOn("one node", List.of(first.baseUrl()), loads);
          started(second);
          workOn("two nodes", List.of(first.baseUrl(), second.baseUrl()), loads);
          for (ApplicationNode node : List.of(first, second)) {
            benchmarks.results().add(SCENARIO, "RSS of " + node.name() + " after the runs", BenchmarkResults.rssMegabytes(node.pid()), "MB");
          }
          benchmarks.results().note("Scenario 6 nodes: the built jar as separate processes (" + String.join(" ", NODE_JVM_OPTIONS)
              + ", postgres and demo profiles, job executor off: the seeded journeys' timers are long overdue, and a timer storm is"
              + " scenario 4's measure, not this one's), logs in target/nodes/.");
        }
      }
    }
    if (loads.isEmpty()) {
      benchmarks.results().note("Scenario 6 ran on this JVM's own application only (no separate nodes): one node, with the"
          + " practitioners' client threads in the same JVM; two nodes not measured.");
      workOn("one node (in process)", List.of("http://localhost:" + inProcessPort), loads);
    }
    report(loads);
  }

  /** The practitioners work on these nodes through each API asked for, one API after the other. */
  private void workOn(String configuration, List<String> baseUrls, Map<String, PractitionerLoad> loads) throws InterruptedException {
    List<SimulatedPractitioner.Api> apis = SimulatedPractitioner.Api.fromProperty();
    for (SimulatedPractitioner.Api api : apis) {
      loads.put(apis.size() == 1 ? configuration : configuration + ", " + api.label, work(baseUrls, api));
    }
  }

  /** As fast as the application runs in production: the JIT's full tiers, the heap the other scenarios have. */
  static final List<String> NODE_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

  private static ApplicationNode node(String name, String jdbcUrl) {
    return ApplicationNode.onPostgres(name, jdbcUrl, "postgres", "postgres").jobExecutor(false)
        .jvmOptions(NODE_JVM_OPTIONS.toArray(String[]::new)).build();
  }

  /** Starts the node and records its start-up time; false when there is no built jar to start. */
  private boolean started(ApplicationNode node) {
    long started = System.nanoTime();
    try {
      node.start();
    } catch (IllegalStateException noJar) {
      benchmarks.results().note("Scenario 6: no application node started: " + noJar.getMessage());
      return false;
    }
    node.awaitUp();
    benchmarks.results().add(SCENARIO, node.name() + ": process start to healthy", (System.nanoTime() - started) / 1e9, "s");
    return true;
  }

  /** The nodes run target/*.jar as it is: say so when it was built before the last compilation. */
  private void staleJarWarning() throws java.io.IOException {
    Path target = Path.of("target");
    java.nio.file.attribute.FileTime jar;
    java.nio.file.attribute.FileTime classes;
    try (Stream<Path> files = Files.list(target)) {
      jar = files.filter(file -> file.getFileName().toString().matches("safeguarding-workflows-.*\\.jar"))
          .map(PractitionersAtScale::modified).max(Comparator.naturalOrder()).orElse(null);
    }
    try (Stream<Path> files = Files.walk(target.resolve("classes"))) {
      classes = files.map(PractitionersAtScale::modified).max(Comparator.naturalOrder()).orElse(null);
    }
    if (jar != null && classes != null && jar.compareTo(classes) < 0) {
      benchmarks.results().note("Scenario 6: WARNING the nodes' jar is older than target/classes: run `mvn package -DskipTests` first.");
    }
  }

  private static java.nio.file.attribute.FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (java.io.IOException e) {
      return java.nio.file.attribute.FileTime.fromMillis(0);
    }
  }

  /** Every active practitioner works against these nodes, round robin, for the warm-up and then the measured time. */
  PractitionerLoad work(List<String> baseUrls, SimulatedPractitioner.Api api) throws InterruptedException {
    RoundRobinNodes nodes = new RoundRobinNodes(baseUrls);
    PractitionerLoad load = new PractitionerLoad();
    long warmUpEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(sizes.practitionerWarmUpSeconds());
    long until = warmUpEnds + TimeUnit.SECONDS.toNanos(sizes.practitionerSeconds());
    List<Thread> threads = new ArrayList<>();
    for (String practitioner : practitioners()) {
      Thread thread = new Thread(new SimulatedPractitioner(practitioner, TestStaff.PASSWORD, api, nodes, load, until), "practitioner-" + practitioner);
      thread.start();
      threads.add(thread);
    }
    TimeUnit.NANOSECONDS.sleep(Math.max(0, warmUpEnds - System.nanoTime()));
    load.startMeasuring();
    TimeUnit.NANOSECONDS.sleep(Math.max(0, until - System.nanoTime()));
    load.stopMeasuring();
    for (Thread thread : threads) {
      // A request still under way ends within its own timeout (60 s).
      thread.join(TimeUnit.SECONDS.toMillis(90));
    }
    return load;
  }

  /** Each measure once per configuration, the configurations next to each other. */
  void report(Map<String, PractitionerLoad> byConfiguration) {
    BenchmarkResults results = benchmarks.results();
    results.note("Scenario 6: " + practitioners().size() + " practitioners (through "
        + SimulatedPractitioner.Api.fromProperty().stream().map(api -> api.path).collect(java.util.stream.Collectors.joining(" and "))
        + "), no pause between requests, " + sizes.practitionerWarmUpSeconds() + " s warm-up (errors counted, times not), then "
        + sizes.practitionerSeconds() + " s measured, per configuration, in this order: " + String.join("; ", byConfiguration.keySet()) + ".");
    for (String kind : PractitionerLoad.KINDS) {
      for (int p : new int[] {50, 95, 99}) {
        byConfiguration.forEach((configuration, load) -> {
          List<Long> times = load.sorted(kind);
          results.add(SCENARIO, kind + " p" + p + " (" + times.size() + " requests): " + configuration, Benchmarks.percentile(times, p) / 1e6, "ms");
        });
      }
    }
    byConfiguration.forEach((configuration, load) -> results.add(SCENARIO, "tasks completed per second: " + configuration,
        load.measuredCompletions() / load.measuredSeconds(), "1/s"));
    byConfiguration.forEach((configuration, load) -> results.add(SCENARIO, "requests per second: " + configuration,
        load.measuredRequests() / load.measuredSeconds(), "1/s"));
    byConfiguration.forEach((configuration, load) -> results.add(SCENARIO, "errors (any request, warm-up included): " + configuration,
        load.errors(), "requests", "0", load.errors() == 0));
    byConfiguration.forEach((configuration, load) -> results.add(SCENARIO, "optimistic-locking failures surfaced to practitioners: " + configuration,
        load.optimisticLockingFailures(), "requests", "0", load.optimisticLockingFailures() == 0));
    byConfiguration.forEach((configuration, load) -> results.add(SCENARIO, "empty task lists (practitioner out of work): " + configuration,
        load.emptyLists(), "lists"));
    byConfiguration.forEach((configuration, load) -> load.errorKinds().stream().sorted()
        .forEach(error -> results.note("Scenario 6, " + configuration + ": " + error)));
  }

  /** Removes the practitioners, their teams and their filters (the smoke run shares its database with the tests). */
  void removeStaff() {
    IdentityService identity = engine.getIdentityService();
    for (Filter filter : engine.getFilterService().createTaskFilterQuery().list()) {
      Object definedBy = filter.getProperties() == null ? null : filter.getProperties().get("definedBy");
      if (definedBy != null && (definedBy.toString().startsWith("user:" + STAFF_PREFIX) || definedBy.toString().startsWith("team:" + TEAM_PREFIX))) {
        engine.getFilterService().deleteFilter(filter.getId());
        engine.getAuthorizationService().createAuthorizationQuery().resourceId(filter.getId()).list()
            .forEach(authorization -> engine.getAuthorizationService().deleteAuthorization(authorization.getId()));
      }
    }
    identity.createUserQuery().list().stream().filter(user -> user.getId().startsWith(STAFF_PREFIX))
        .forEach(user -> identity.deleteUser(user.getId()));
    identity.createGroupQuery().list().stream().filter(group -> group.getId().startsWith(TEAM_PREFIX))
        .forEach(group -> identity.deleteGroup(group.getId()));
  }
}
