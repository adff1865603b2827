package org.safeguardingworkflows.benchmark;

import static org.safeguardingworkflows.stepdown.StepDownVariables.*;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.safeguardingworkflows.deployments.VariableSources;
import org.safeguardingworkflows.planhistory.PlanHistoryImport;
import org.safeguardingworkflows.planhistory.PlanHistoryImportInSmallHeap;
import org.safeguardingworkflows.reporting.RepeatPlanReport;
import org.safeguardingworkflows.reporting.RepeatPlanReportBenchmark;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.security.TaskFilters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The performance scenarios of issue 8, run against the application test context (embedded PostgreSQL, job
 * executor off so that the harness decides when it runs). Sizes come from {@link Sizes}: tiny in the smoke test that
 * runs inside {@code mvn verify}, real in {@code mvn -Pbenchmark test}.
 */
public class Benchmarks {

  public static final String BASELINE_KEY = PROCESS_KEY + "Baseline";
  private static final int MOST_TIMERS_IN_A_WATCH_PERIOD = 200;
  /** Child references of benchmark journeys; the smoke run removes them again. */
  public static final String PREFIX = "PB-";
  /** Scenario 1 alternates between the application and the baseline this many times. */
  static final int JOURNEY_ROUNDS = 10;
  /** Seeding starts this many journeys per transaction (one commit per batch, not per engine command). */
  static final int SEED_BATCH = 20;
  /** Scenario 2 reads the lists on this day; its journeys started on the {@value #SEED_DAYS} days before. */
  static final LocalDate TASK_LIST_DAY = LocalDate.of(2026, 3, 2);
  static final int SEED_DAYS = 180;

  /**
   * How big each scenario is. Scenario 6: {@code practitionerJourneys} open journeys, {@code practitioners} simulated
   * practitioners working for {@code practitionerSeconds} after {@code practitionerWarmUpSeconds} unmeasured, on each
   * node configuration.
   */
  public record Sizes(String mode, int warmUpJourneys, int journeys, List<Integer> taskListSizes, int requests, int stormTimers,
                      int reportPlans, int csvLines, int practitionerJourneys, int practitioners, int practitionerSeconds,
                      int practitionerWarmUpSeconds) {

    static Sizes smoke() {
      return new Sizes("smoke", 0, 1, List.of(6, 12), 3, 4, 1_000, 100, 24, 4, 3, 1);
    }

    /** The full run; each size can be overridden with a system property (benchmark.journeys=..., etc.). */
    static Sizes full() {
      return new Sizes("full", Integer.getInteger("benchmark.warmUpJourneys", 20), Integer.getInteger("benchmark.journeys", 2000),
          java.util.Arrays.stream(System.getProperty("benchmark.taskListSizes", "1000,100000").split(","))
              .map(String::trim).map(Integer::valueOf).toList(),
          Integer.getInteger("benchmark.requests", 200), Integer.getInteger("benchmark.stormTimers", 10000),
          Integer.getInteger("benchmark.reportPlans", 1_000_000), Integer.getInteger("benchmark.csvLines", 100_000),
          Integer.getInteger("benchmark.practitionerJourneys", 100_000), Integer.getInteger("benchmark.practitioners", 50),
          Integer.getInteger("benchmark.practitionerSeconds", 120), Integer.getInteger("benchmark.practitionerWarmUpSeconds", 20));
    }
  }

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final int port;
  private final Sizes sizes;
  private final BenchmarkResults results;
  private final int seedThreads = Integer.getInteger("benchmark.seedThreads", 4);

  public Benchmarks(ProcessEngine engine, JdbcClient jdbc, TransactionTemplate transactions, int port, Sizes sizes) {
    this.engine = engine;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.port = port;
    this.sizes = sizes;
    this.results = new BenchmarkResults(sizes.mode(), jdbc.sql("select version()").query(String.class).single());
  }

  public BenchmarkResults results() {
    return results;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Scenario 1: journey cost against a no-op baseline

  /**
   * The application's journeys and the baseline's alternate in rounds after the same warm-up, so that neither is
   * favoured by the JIT having warmed up further or by the machine's load changing during the run.
   */
  public void journeyCost() {
    deployBaseline();
    List<String> keys = List.of(PROCESS_KEY, BASELINE_KEY);
    for (int i = 0; i < sizes.warmUpJourneys(); i++) {
      keys.forEach(key -> journey(key, new ArrayList<>()));
    }
    Map<String, List<Long>> completions = new HashMap<>();
    Map<String, Long> nanos = new HashMap<>();
    int rounds = Math.min(JOURNEY_ROUNDS, sizes.journeys());
    for (int round = 0; round < rounds; round++) {
      int journeys = sizes.journeys() / rounds + (round < sizes.journeys() % rounds ? 1 : 0);
      for (String key : keys) {
        List<Long> times = completions.computeIfAbsent(key, k -> new ArrayList<>());
        long started = System.nanoTime();
        for (int i = 0; i < journeys; i++) {
          journey(key, times);
        }
        nanos.merge(key, System.nanoTime() - started, Long::sum);
      }
    }
    Map<String, Double> throughput = new HashMap<>();
    for (String key : keys) {
      String who = key.equals(PROCESS_KEY) ? "application" : "no-op baseline";
      throughput.put(key, sizes.journeys() / (nanos.get(key) / 1e9));
      results.add("1 journey cost", who + ": journeys/s (" + sizes.journeys() + " journeys in " + rounds + " alternating rounds)",
          throughput.get(key), "1/s");
      List<Long> times = completions.get(key);
      Collections.sort(times);
      for (int p : new int[] {50, 95, 99}) {
        results.add("1 journey cost", who + ": task completion p" + p + " (" + times.size() + " completions)",
            percentile(times, p) / 1e6, "ms");
      }
    }
    double ratio = throughput.get(PROCESS_KEY) / throughput.get(BASELINE_KEY);
    results.add("1 journey cost", "application / baseline throughput", ratio, "ratio", ">= 0.8", ratio >= 0.8);
    EngineClock.reset();
  }

  /**
   * One complete step-down journey through the Java API: start, meeting, approval, every supervision and review of
   * one watch period with their timers executed, impact review, closure meeting, end. Task completions are timed.
   */
  void journey(String key, List<Long> completions) {
    EngineClock.setTo(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0));
    String childRef = PREFIX + "J-" + shortId();
    String id = engine.getRuntimeService().startProcessInstanceByKey(key, childRef,
        StepDownDriver.startVariables(childRef, "CHILD_IN_NEED")).getId();
    complete(id, "Task_HoldStepDownMeeting", StepDownDriver.stepDownMeeting(), completions);
    complete(id, "Task_ApproveStepDownPlan", Map.of(STEP_DOWN_DECISION.name(), "APPROVE", STEP_DOWN_DECISION_REASONS.name(), "Considered"), completions);
    for (int timersFired = 0; ; timersFired++) {
      // A watch period holds a few dozen supervisions and reviews; far more means a timer no longer moves on, and the
      // benchmark must fail rather than hold the build until its time limit.
      if (timersFired > MOST_TIMERS_IN_A_WATCH_PERIOD) {
        throw new IllegalStateException("Journey " + childRef + " fired " + timersFired + " timers without its watch period ending");
      }
      Job next = engine.getManagementService().createJobQuery().processInstanceId(id).timers()
          .orderByJobDuedate().asc().listPage(0, 1).get(0);
      String fired = engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(next.getJobDefinitionId())
          .singleResult().getActivityId();
      EngineClock.setTo(next.getDuedate());
      engine.getManagementService().executeJob(next.getId());
      if ("Event_SupervisionDue".equals(fired)) {
        complete(id, "Task_HoldManagementSupervision", Map.of(SUPERVISION_ENGAGEMENT.name(), "GOOD", SUPERVISION_DIFFICULTIES_REEMERGING.name(), "NO",
            SUPERVISION_SAME_WORKER.name(), "YES", SUPERVISION_ACTIONS.name(), "Continue the plan", SUPERVISION_HELD_ON.name(), EngineClock.today().toString()),
            completions);
      } else if ("Event_ReviewDue".equals(fired)) {
        complete(id, "Task_ReviewCinServices", Map.of(
            SERVICE_REVIEWS.name(), List.of(Map.of("provider", "Family support service", "attended", "YES", "impact", "Routines in place")),
            REVIEW_OVERALL_PROGRESS.name(), "GOOD", REVIEW_ENGAGEMENT.name(), "GOOD", REVIEW_DIFFICULTIES_REEMERGING.name(), "NO",
            REVIEW_HELD_ON.name(), EngineClock.today().toString()), completions);
      } else if ("Event_WatchPeriodEnds".equals(fired)) {
        break;
      } else {
        throw new IllegalStateException("Unexpected timer " + fired);
      }
    }
    complete(id, "Task_HoldImpactReview", Map.of(IMPACT_DECISION.name(), "CLOSURE", IMPACT_REASONS.name(), "Reviewed the watch period"), completions);
    complete(id, "Task_HoldClosureMeeting", StepDownDriver.closureMeeting(), completions);
    // The partner agencies are asked about re-emerging difficulties at each fixed time after closure; then it ends.
    for (Job check : engine.getManagementService().createJobQuery().processInstanceId(id).activityId("Event_ReEmergenceCheckDue")
        .timers().orderByJobDuedate().asc().list()) {
      EngineClock.setTo(check.getDuedate());
      engine.getManagementService().executeJob(check.getId());
      complete(id, "Task_CheckForReEmergence", Map.of(RE_EMERGENCE_AGENCIES_ASKED.name(), List.of("SCHOOL"), RE_EMERGENCE_FOUND.name(), "NO",
          RE_EMERGENCE_NOTES.name(), "Nothing new"), completions);
    }
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() != 0) {
      throw new IllegalStateException("Journey " + childRef + " did not end");
    }
  }

  private void complete(String instanceId, String taskKey, Map<String, Object> variables, List<Long> completions) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("No open task " + taskKey + " in " + instanceId);
    }
    long started = System.nanoTime();
    engine.getTaskService().complete(task.getId(), variables);
    completions.add(System.nanoTime() - started);
  }

  /**
   * The same diagram under another key with every delegate and listener rewritten (Camunda Model API) to {@link NoOp},
   * deployed with the forms its user tasks reference. The engine plugin's task conventions still apply to it.
   */
  void deployBaseline() {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult();
    BpmnModelInstance model = Bpmn.readModelFromStream(engine.getRepositoryService().getProcessModel(definition.getId()));
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    process.setId(BASELINE_KEY);
    process.setName("Step-down baseline (no-op delegates)");
    String noOp = "${" + NoOp.BEAN + "}";
    // Except the delegates that record what the diagram reads later (they declare it: deployments/VariableSources):
    // every deployment is checked for variables read before they are recorded, and without the two that move the
    // watch period's loop timers the supervision and review timers would fall due on the same day for ever.
    Predicate<String> doesWork = expression -> expression != null
        && VariableSources.application().writtenBy(expression.replaceAll("[${}\\s]", "")).isEmpty();
    model.getModelElementsByType(ServiceTask.class).stream().filter(task -> doesWork.test(task.getCamundaDelegateExpression()))
        .forEach(task -> task.setCamundaDelegateExpression(noOp));
    model.getModelElementsByType(CamundaTaskListener.class).stream()
        .filter(listener -> doesWork.test(listener.getCamundaDelegateExpression()))
        .forEach(listener -> listener.setCamundaDelegateExpression(noOp));
    model.getModelElementsByType(CamundaExecutionListener.class).stream()
        .filter(listener -> doesWork.test(listener.getCamundaDelegateExpression()))
        .forEach(listener -> listener.setCamundaDelegateExpression(noOp));
    model.getModelElementsByType(MessageEventDefinition.class).stream()
        .filter(message -> doesWork.test(message.getCamundaDelegateExpression()))
        .forEach(message -> message.setCamundaDelegateExpression(noOp));
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("benchmark-baseline")
        .addModelInstance(BASELINE_KEY + ".bpmn", model);
    for (String resource : engine.getRepositoryService().getDeploymentResourceNames(definition.getDeploymentId())) {
      if (resource.endsWith(".form")) {
        InputStream form = engine.getRepositoryService().getResourceAsStream(definition.getDeploymentId(), resource);
        deployment.addInputStream(resource.substring(resource.lastIndexOf('/') + 1), form);
      }
    }
    deployment.deploy();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Scenario 2: task lists at scale

  /** One read measured in scenario 2: what a team manager's browser or a case management system asks for. */
  private record Read(String name, java.util.function.Supplier<Api.Reply> request) {}

  public void taskListsAtScale(TaskFilters taskFilters) throws Exception {
    List<String> children = new ArrayList<>();
    Api manager = Api.as(port, TestStaff.TEAM_MANAGER);
    taskFilters.ensureMyTasks(TestStaff.TEAM_MANAGER);
    // Team tasks are offered to the team's group, not to team-managers (teams/TeamCandidateGroup).
    String groupList = "/engine-rest/task?candidateGroup=" + TestStaff.TEAM + "&sortBy=dueDate&sortOrder=asc&maxResults=50";
    // Tasklist lists a filter's tasks with POST /filter/{id}/list, page by page; the filter keeps its own sorting.
    String myTasks = "/engine-rest/filter/" + taskFilters.filterDefinedBy("user:" + TestStaff.TEAM_MANAGER).getId() + "/list?firstResult=0&maxResults=50";
    String teamCases = "/engine-rest/filter/" + taskFilters.filterDefinedBy("team-managers:step-down").getId() + "/list?firstResult=0&maxResults=50";
    List<Read> reads = List.of(
        // The issue's URL, on the team's group. A candidateGroup query leaves assigned tasks out (Camunda's default).
        new Read("team group list (issue's URL)", () -> manager.get(groupList)),
        new Read("team group list incl. assigned", () -> manager.get(groupList + "&includeAssignedTasks=true")),
        new Read("Tasklist filter 'My tasks' (tm.one)", () -> manager.post(myTasks, Map.of())),
        new Read("Tasklist filter 'My team's step-down cases'", () -> manager.post(teamCases, Map.of())),
        new Read("GET /api/step-downs/{childRef}", () -> manager.get("/api/step-downs/" + children.get(ThreadLocalRandom.current().nextInt(children.size())))));
    Map<String, Map<Integer, Double>> p95 = new HashMap<>();
    try {
      for (int size : sizes.taskListSizes()) {
        long started = System.nanoTime();
        seed(size - children.size(), children, "S", position -> position % 3, TASK_LIST_DAY.minusDays(SEED_DAYS), SEED_DAYS);
        EngineClock.setTo(TASK_LIST_DAY, LocalTime.of(9, 0));
        long open = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(PREFIX + "S-%").count();
        results.add("2 task lists", "seeded open journeys (" + size + ")", open, "journeys");
        results.add("2 task lists", "seeding time to " + size, (System.nanoTime() - started) / 1e9, "s");
        // Fresh statistics for the tables the reads use, and only those: a database-wide analyze in the shared test
        // database would also record the (then empty) import staging table as empty.
        jdbc.sql("analyze act_ru_task, act_ru_identitylink, act_ru_authorization, act_ru_execution, act_ru_variable, act_hi_actinst, act_ru_job").update();
        for (Read read : reads) {
          Api.Reply first = read.request().get();
          expectOk(first);
          int rows = first.json().isArray() ? first.json().size() : 1;
          List<Long> times = timeRequests(() -> expectOk(read.request().get()));
          for (int p : new int[] {50, 95}) {
            results.add("2 task lists", read.name() + " (" + rows + " rows) p" + p + " at " + size, percentile(times, p) / 1e6, "ms");
          }
          p95.computeIfAbsent(read.name(), name -> new HashMap<>()).put(size, percentile(times, 95) / 1e6);
        }
      }
      int small = sizes.taskListSizes().get(0);
      int large = sizes.taskListSizes().get(sizes.taskListSizes().size() - 1);
      for (Read read : reads) {
        double atLarge = p95.get(read.name()).get(large);
        double ratio = atLarge / p95.get(read.name()).get(small);
        results.add("2 task lists", read.name() + ": p95 at " + large, atLarge, "ms", "< 100 (at 100,000)", atLarge < 100);
        results.add("2 task lists", read.name() + ": p95 ratio " + large + "/" + small, ratio, "ratio", "<= 2 (100,000/1,000)", ratio <= 2);
      }
      results.add("5 footprint", "RSS after scenario 2", BenchmarkResults.rssMegabytes(), "MB");
    } finally {
      EngineClock.reset();
    }
  }

  /**
   * Open journeys, the n-th taken to {@code stageOf(n)}: 0 at the meeting, 1 at approval, 2 in the watch period. They
   * start on {@code days} consecutive days from {@code firstDay}, as a local authority's journeys do, so that their
   * tasks fall due on different days. Each thread starts {@link #SEED_BATCH} journeys per transaction: the engine
   * joins the surrounding Spring transaction.
   */
  private void seed(int count, List<String> children, String kind, java.util.function.IntUnaryOperator stageOf,
      LocalDate firstDay, int days) throws Exception {
    seed(count, children, kind, stageOf, firstDay, days, (childRef, position) -> StepDownDriver.startVariables(childRef, "CHILD_IN_NEED"),
        Long.MAX_VALUE);
  }

  /**
   * As above, with the start variables of the n-th journey (its worker and team manager) from {@code startVariables},
   * and no new day begun after {@code deadline} ({@link System#nanoTime()}): on a busy machine the caller takes fewer
   * journeys, and says how many, rather than no result at all.
   */
  void seed(int count, List<String> children, String kind, java.util.function.IntUnaryOperator stageOf,
      LocalDate firstDay, int days, java.util.function.BiFunction<String, Integer, Map<String, Object>> startVariables,
      long deadline) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(seedThreads);
    try {
      int seeded = 0;
      for (int day = 0; day < days && System.nanoTime() < deadline; day++) {
        // The engine's clock is one for the whole JVM: every journey of a day is started before the clock moves on.
        EngineClock.setTo(firstDay.plusDays(day), LocalTime.of(9, 0));
        int untilToday = (int) ((long) count * (day + 1) / days);
        List<Future<List<String>>> started = new ArrayList<>();
        for (int first = seeded; first < untilToday; first += SEED_BATCH) {
          int from = children.size() + first - seeded;
          int batch = Math.min(SEED_BATCH, untilToday - first);
          started.add(pool.submit(() -> transactions.execute(status -> {
            List<String> batchChildren = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
              batchChildren.add(openJourney(kind, stageOf.applyAsInt(from + i), from + i, startVariables));
            }
            return batchChildren;
          })));
        }
        for (Future<List<String>> batch : started) {
          children.addAll(batch.get());
        }
        seeded = untilToday;
      }
    } finally {
      pool.shutdown();
    }
  }

  private String openJourney(String kind, int stage, int position,
      java.util.function.BiFunction<String, Integer, Map<String, Object>> startVariables) {
    String childRef = PREFIX + kind + "-" + shortId();
    String id = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, childRef, startVariables.apply(childRef, position)).getId();
    List<Long> ignored = new ArrayList<>();
    if (stage >= 1) {
      complete(id, "Task_HoldStepDownMeeting", StepDownDriver.stepDownMeeting(), ignored);
    }
    if (stage >= 2) {
      complete(id, "Task_ApproveStepDownPlan", Map.of(STEP_DOWN_DECISION.name(), "APPROVE", STEP_DOWN_DECISION_REASONS.name(), "Considered"), ignored);
    }
    return childRef;
  }

  private List<Long> timeRequests(Runnable request) {
    for (int i = 0; i < Math.min(20, sizes.requests()); i++) {
      request.run();
    }
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < sizes.requests(); i++) {
      long started = System.nanoTime();
      request.run();
      nanos.add(System.nanoTime() - started);
    }
    Collections.sort(nanos);
    return nanos;
  }

  private static void expectOk(Api.Reply reply) {
    if (reply.status() != 200) {
      throw new IllegalStateException("HTTP " + reply.status() + ": " + reply.body());
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Scenario 3: the repeat-plan report over a large plan history, and a large CSV import

  /**
   * Plan history generated as RepeatPlanReportBenchmark generates it (70% first plans, 26% second, 4% third), a
   * year's report over it, then a generated CSV file (PlanHistoryImportInSmallHeap's generator) imported.
   */
  public void reportAndImport(RepeatPlanReport report, PlanHistoryImport planImport) throws Exception {
    int plans = sizes.reportPlans();
    try {
      long started = System.nanoTime();
      RepeatPlanReportBenchmark.generatePlans(jdbc, plans * 7 / 10, plans * 26 / 100, plans * 4 / 100);
      // Years of history have long been vacuumed by autovacuum: index-only scans then need no visits to the table.
      jdbc.sql("vacuum analyze cp_plan").update();
      long generated = jdbc.sql("select count(*) from cp_plan where child_ref like 'BM-%'").query(Long.class).single();
      results.add("3 report and import", "plans generated (" + generated + ")", (System.nanoTime() - started) / 1e9, "s");
      LocalDate from = LocalDate.of(2023, 1, 1);
      LocalDate to = LocalDate.of(2023, 12, 31);
      report.report(from, to);
      List<Long> runs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long run = System.nanoTime();
        report.report(from, to);
        runs.add(System.nanoTime() - run);
      }
      Collections.sort(runs);
      double median = percentile(runs, 50) / 1e6;
      results.add("3 report and import", "report of 2023 over " + generated + " plans, median of 5", median, "ms", "< 1,000", median < 1000);
      results.add("3 report and import", "report of 2023 over " + generated + " plans, slowest of 5", runs.get(runs.size() - 1) / 1e6, "ms");
    } finally {
      jdbc.sql("delete from cp_plan where child_ref like 'BM-%'").update();
      // Statistics as they were before the generated plans: later imports plan their joins on cp_plan from them.
      jdbc.sql("analyze cp_plan").update();
    }
    String prefix = PREFIX + "I";
    long started = System.nanoTime();
    PlanHistoryImport.Result imported = planImport.importCsv(new InputStreamReader(
        PlanHistoryImportInSmallHeap.generatedFile(prefix, sizes.csvLines()), StandardCharsets.UTF_8));
    double seconds = (System.nanoTime() - started) / 1e9;
    results.add("3 report and import", "CSV import of " + sizes.csvLines() + " lines (" + imported.imported() + " imported)", seconds, "s",
        "< 10 (100,000 lines)", seconds < 10);
    results.add("3 report and import", "CSV import rate", sizes.csvLines() / seconds, "lines/s");
    jdbc.sql("delete from cp_plan where child_ref like ?").param(prefix + "%").update();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Scenario 4: timer storm

  /**
   * Journeys all waiting for their first supervision, started on the same morning long before every other journey in
   * the database (so that only their timers are due); the clock moves past the due date and the job executor runs.
   */
  public void timerStorm(org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty configured) throws Exception {
    LocalDate stormDay = LocalDate.of(2019, 1, 7);
    EngineClock.setTo(stormDay, LocalTime.of(9, 0));
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    // The tests switch the job executor off; the storm runs the engine's own with the application's configuration.
    if (executor instanceof org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor pool) {
      pool.setCorePoolSize(configured.getCorePoolSize());
      pool.setMaxPoolSize(configured.getMaxPoolSize());
      pool.setQueueSize(configured.getQueueCapacity());
    }
    if (configured.getMaxJobsPerAcquisition() != null) {
      executor.setMaxJobsPerAcquisition(configured.getMaxJobsPerAcquisition());
    }
    results.note("Timer storm job executor: " + configured.getCorePoolSize() + " threads, " + executor.getMaxJobsPerAcquisition()
        + " jobs per acquisition, queue " + configured.getQueueCapacity());
    try {
      long seeding = System.nanoTime();
      List<String> children = new ArrayList<>();
      seed(sizes.stormTimers(), children, "T", position -> 2, stormDay, 1);
      results.add("4 timer storm", "seeding " + children.size() + " journeys to the watch period", (System.nanoTime() - seeding) / 1e9, "s");
      String instances = "select id_ from act_ru_execution where parent_id_ is null and business_key_ like '" + PREFIX + "T-%'";
      EngineClock.setTo(stormDay.plusDays(29), LocalTime.of(9, 0));
      // Each journey waits for every supervision of its watch period, on fixed dates: only the first is due now.
      long due = jdbc.sql("select count(*) from act_ru_job where process_instance_id_ in ("
          + instances + ") and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = 'Event_SupervisionDue') and duedate_ <= ?")
          .param(new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime())).query(Long.class).single();
      long fireStarted = System.nanoTime();
      executor.start();
      long deadline = fireStarted + TimeUnit.MINUTES.toNanos(Long.getLong("benchmark.stormMinutes", 4));
      long supervisions;
      String countTasks = "select count(*) from act_ru_task where task_def_key_ = 'Task_HoldManagementSupervision' and proc_inst_id_ in (" + instances + ")";
      do {
        Thread.sleep(200);
        supervisions = jdbc.sql(countTasks).query(Long.class).single();
      } while (supervisions < due && System.nanoTime() < deadline);
      double seconds = (System.nanoTime() - fireStarted) / 1e9;
      executor.shutdown();
      long fired = jdbc.sql("select count(*) from act_hi_actinst where act_id_ = 'Event_SupervisionDue' and end_time_ is not null and proc_inst_id_ in ("
          + instances + ")").query(Long.class).single();
      long twice = jdbc.sql("select count(*) from (select proc_inst_id_ from act_ru_task where task_def_key_ = 'Task_HoldManagementSupervision' and proc_inst_id_ in ("
          + instances + ") group by proc_inst_id_ having count(*) > 1) t").query(Long.class).single();
      results.add("4 timer storm", "supervision timers due at once", due, "timers");
      results.add("4 timer storm", "time until all fired (" + supervisions + "/" + due + " supervision tasks)", seconds, "s", "<= 120", supervisions == due && seconds <= 120);
      results.add("4 timer storm", "fired exactly once (timer completions " + fired + ", instances with 2+ tasks " + twice + ")",
          fired == due && twice == 0 ? 1 : 0, "1 = yes", "each exactly once", fired == due && twice == 0);
    } finally {
      if (executor.isActive()) {
        executor.shutdown();
      }
      EngineClock.reset();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Scenario 5: footprint

  /** Start-up to ready as this JVM saw it, and RSS now; call it first, right after the context has started. */
  public void footprintAtStartUp(long contextStartupDate) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    results.add("5 footprint", "JVM start to application ready (first benchmark call)", (System.currentTimeMillis() - jvmStart) / 1000.0, "s");
    results.add("5 footprint", "Spring context start to ready", (System.currentTimeMillis() - contextStartupDate) / 1000.0, "s");
    results.add("5 footprint", "RSS after start-up (JVM only, PostgreSQL not counted)", BenchmarkResults.rssMegabytes(), "MB");
    results.add("5 footprint", "max heap", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0), "MB");
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Removes every benchmark journey and the baseline deployment (the smoke run shares its database with the tests). */
  public void removeBenchmarkData() {
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(PREFIX + "%").list()
        .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "benchmark over", true, true));
    engine.getRepositoryService().createDeploymentQuery().deploymentName("benchmark-baseline").list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true, true));
    jdbc.sql("delete from cp_plan where child_ref like '" + PREFIX + "%'").update();
  }

  static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private static String shortId() {
    return Long.toString(System.currentTimeMillis(), 36) + "-" + SEQUENCE.incrementAndGet();
  }

  static Comparator<Job> byDue() {
    return Comparator.comparing(Job::getDuedate);
  }
}
