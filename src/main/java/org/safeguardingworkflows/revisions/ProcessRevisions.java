package org.safeguardingworkflows.revisions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.security.CallerRoles;
import org.safeguardingworkflows.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deployed versions of a process and the running journeys on each, and moving journeys from one version to
 * another. Journeys last six months or more, so a revised diagram is of little use if every running journey stays on
 * the version it started with; Cockpit's migration screens are not in the Community Edition, the engine's migration is.
 *
 * <p>A migration maps every activity to the activity with the same id in the new version (the engine's
 * {@code mapEqualActivities}) plus the explicit mappings of the request, which take the place of a same-id mapping.
 * Each journey is tried on its own, migrated inside a transaction that is then rolled back, so a dry run reports
 * exactly what the engine would do. A real run hands the journeys that can move to a Camunda migration batch (the job
 * executor moves them one job at a time, so thousands of journeys never run in one request) and leaves the others
 * untouched; its progress and outcome are read from the batch ({@link #status}). Open tasks (with their assignees and due dates),
 * timers and history stay with the journey: event triggers are not recalculated. Who migrated what is recorded
 * ({@link MigrationAudit}).
 */
@Service
public class ProcessRevisions {

  /** Who may see revisions and migrate journeys: those who deploy diagrams, and administrators. */
  public static final Set<Role> REVISERS = Set.of(Role.PROCESS_OWNERS, Role.ADMINS);

  private static final Logger log = LoggerFactory.getLogger(ProcessRevisions.class);

  public record Revisions(String processKey, List<Version> versions) {}

  public record Version(int version, String versionTag, String processDefinitionId, String deploymentId,
      String deploymentName, String deploymentSource, Instant deployedAt, String deployedBy, long runningInstances,
      List<ActivityCount> activities) {}

  public record ActivityCount(String activityId, String activityName, int instances) {}

  public record Mapping(String from, String to) {}

  public record MigrationRequest(Integer fromVersion, Integer toVersion, Boolean dryRun, List<Mapping> mappings) {}

  /**
   * Where the journeys waiting at one activity of the old version would go, or why they cannot. When the new version
   * has no activity with its id ({@code inToVersion} false), {@code couldMoveTo} lists the new version's activities
   * the engine could move them to instead, for an explicit mapping; otherwise it is empty.
   */
  public record ActivityMove(String activityId, String activityName, int instances, String movesTo, String movesToName,
      boolean mappedInRequest, boolean inToVersion, List<Destination> couldMoveTo) {}

  /** An activity of the new version that journeys could be mapped to. */
  public record Destination(String activityId, String activityName) {}

  /** A journey that cannot move, with each reason in plain words. */
  public record Unmovable(String processInstanceId, String childRef, List<String> reasons) {}

  /**
   * A dry run's exact report; for a real run, the same at the moment it was handed to the engine's batch
   * ({@code batchId}), whose progress and outcome {@code statusUrl} gives.
   */
  public record MigrationReport(String processKey, int fromVersion, int toVersion, boolean dryRun, String migrationId,
      List<ActivityMove> activities, int instances, int movable, int moved, List<Unmovable> unmovable, String batchId,
      String statusUrl) {}

  /** How far the batch has got: its jobs (one per journey), and per activity what became of the journeys there. */
  public record MigrationStatus(String processKey, String batchId, String migrationId, String migratedBy,
      int fromVersion, int toVersion, String state, Jobs jobs, Journeys journeys, List<ActivityOutcome> activities) {}

  /** The journeys of the migration: moved, still to move, failed in the batch, refused before it. */
  public record Journeys(int moved, int pending, int failed, int refused) {}

  public record Jobs(int total, int done, int failed) {}

  /** The journeys waiting at one activity when the migration was asked for: moved, still to move, failed, refused. */
  public record ActivityOutcome(String activityId, String activityName, int moved, int pending, int failed, int refused,
      List<String> reasons) {}

  /** The batch has jobs still to run. */
  public static final String RUNNING = "RUNNING";
  /** Every job ran. */
  public static final String FINISHED = "FINISHED";
  /** Every job ran or failed for good (retries used up); the failed ones' journeys did not move. */
  public static final String FINISHED_WITH_FAILURES = "FINISHED_WITH_FAILURES";

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final CallerRoles callerRoles;
  private final SystemAccess systemAccess;
  private final MigrationAudit audit;
  private final TransactionTemplate transactions;

  public ProcessRevisions(RepositoryService repositoryService, RuntimeService runtimeService,
      ManagementService managementService, HistoryService historyService, IdentityService identityService,
      CallerRoles callerRoles, SystemAccess systemAccess, MigrationAudit audit, PlatformTransactionManager transactionManager) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.callerRoles = callerRoles;
    this.systemAccess = systemAccess;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The key and name of every deployed process, for choosing one (latest version's name). */
  public List<Map<String, String>> processes() {
    callerRoles.require(REVISERS, "see the versions of a process");
    return repositoryService.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list().stream()
        .map(definition -> Map.of("key", definition.getKey(), "name", definition.getName() == null ? definition.getKey() : definition.getName()))
        .toList();
  }

  public Revisions revisions(String processKey) {
    callerRoles.require(REVISERS, "see the versions of a process");
    List<ProcessDefinition> definitions = definitions(processKey);
    List<Version> versions = new ArrayList<>();
    for (ProcessDefinition definition : definitions) {
      Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      List<ActivityCount> activities = managementService.createActivityStatisticsQuery(definition.getId()).list().stream()
          .sorted(Comparator.comparing(ActivityStatistics::getId))
          .map(statistics -> new ActivityCount(statistics.getId(), nameOf(model, statistics.getId()), statistics.getInstances()))
          .toList();
      versions.add(new Version(definition.getVersion(), definition.getVersionTag(), definition.getId(),
          definition.getDeploymentId(), deployment == null ? null : deployment.getName(),
          deployment == null ? null : deployment.getSource(),
          deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant(),
          deployedBy(definition.getDeploymentId()),
          runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count(), activities));
    }
    return new Revisions(processKey, versions);
  }

  public MigrationReport migrate(String processKey, MigrationRequest request) {
    callerRoles.require(REVISERS, "migrate running journeys");
    List<ProcessDefinition> definitions = definitions(processKey);
    List<FieldProblem> problems = new ArrayList<>();
    boolean dryRun = request == null || request.dryRun() == null || request.dryRun();
    ProcessDefinition source = version(definitions, request == null ? null : request.fromVersion(), "fromVersion", problems);
    ProcessDefinition target = version(definitions, request == null ? null : request.toVersion(), "toVersion", problems);
    if (source != null && target != null && source.getVersion() == target.getVersion()) {
      problems.add(new FieldProblem("toVersion", "same-version", "toVersion must differ from fromVersion: journeys "
          + "on version " + source.getVersion() + " are already there."));
    }
    List<Mapping> mappings = request == null || request.mappings() == null ? List.of() : request.mappings();
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
    BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
    checkMappings(mappings, sourceModel, targetModel, source.getVersion(), target.getVersion(), problems);
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    MigrationPlan plan = plan(source, target, mappings);
    Map<String, MigrationInstruction> bySource = new LinkedHashMap<>();
    plan.getInstructions().forEach(instruction -> bySource.put(instruction.getSourceActivityId(), instruction));
    Set<String> mappedInRequest = new LinkedHashSet<>(mappings.stream().map(Mapping::from).toList());

    List<ActivityMove> activities = managementService.createActivityStatisticsQuery(source.getId()).list().stream()
        .sorted(Comparator.comparing(ActivityStatistics::getId))
        .map(statistics -> {
          MigrationInstruction instruction = bySource.get(statistics.getId());
          String to = instruction == null ? null : instruction.getTargetActivityId();
          boolean inToVersion = targetModel.getModelElementById(statistics.getId()) instanceof FlowNode;
          return new ActivityMove(statistics.getId(), nameOf(sourceModel, statistics.getId()), statistics.getInstances(),
              to, to == null ? null : nameOf(targetModel, to), mappedInRequest.contains(statistics.getId()), inToVersion,
              inToVersion ? List.of() : destinations(statistics.getId(), source, target, sourceModel, targetModel));
        })
        .toList();

    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
        .orderByProcessInstanceId().asc().list();
    List<Unmovable> unmovable = new ArrayList<>();
    List<MigrationAudit.InstanceOutcome> outcomes = new ArrayList<>();
    int movable = 0;
    List<String> movableIds = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      // Tried and rolled back, real run or not: the batch is then given only the journeys that can move.
      List<String> reasons = tryToMove(plan, instance.getId(), true, sourceModel, target.getVersion());
      List<String> waitingAt = runtimeService.getActiveActivityIds(instance.getId());
      if (reasons.isEmpty()) {
        movable++;
        movableIds.add(instance.getId());
        outcomes.add(new MigrationAudit.InstanceOutcome(instance.getId(), instance.getBusinessKey(), MigrationAudit.PENDING,
            null, waitingAt));
      } else {
        unmovable.add(new Unmovable(instance.getId(), instance.getBusinessKey(), reasons));
        outcomes.add(new MigrationAudit.InstanceOutcome(instance.getId(), instance.getBusinessKey(), MigrationAudit.REFUSED,
            String.join(" ", reasons), waitingAt));
      }
    }
    if (dryRun) {
      return new MigrationReport(processKey, source.getVersion(), target.getVersion(), true, null, activities,
          instances.size(), movable, 0, unmovable, null, null);
    }
    if (movableIds.isEmpty()) {
      throw ApiProblem.unprocessable("None of the " + instances.size() + " journeys on version " + source.getVersion()
          + " can move to version " + target.getVersion() + "; nothing was started.", List.of());
    }
    Batch batch = asCaller(() -> runtimeService.newMigration(plan).processInstanceIds(movableIds).executeAsync());
    String migrationId = audit.record(processKey, source, target, callerId(), mappings, outcomes, batch.getId());
    log.info("Migration {} of {}: version {} to {} as batch {}, {} to move, {} cannot move", migrationId, processKey,
        source.getVersion(), target.getVersion(), batch.getId(), movable, unmovable.size());
    return new MigrationReport(processKey, source.getVersion(), target.getVersion(), false, migrationId, activities,
        instances.size(), movable, 0, unmovable, batch.getId(), statusUrl(processKey, batch.getId()));
  }

  public static String statusUrl(String processKey, String batchId) {
    return "/api/process-revisions/" + processKey + "/migrations/" + batchId;
  }

  /**
   * The batch's progress and, once it has run, each activity's outcome; the record of the migration is settled then
   * (each journey handed to the batch MOVED or FAILED).
   */
  public MigrationStatus status(String processKey, String batchId) {
    callerRoles.require(REVISERS, "follow a migration");
    MigrationAudit.RecordedMigration migration = audit.findByBatch(batchId);
    if (migration == null || !migration.processKey().equals(processKey)) {
      throw ApiProblem.notFound("No migration of '" + processKey + "' runs as batch '" + batchId + "'.");
    }
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    Jobs jobs;
    String state;
    List<String> failures = new ArrayList<>();
    if (batch != null) {
      BatchStatistics statistics = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
      int remaining = statistics.getRemainingJobs();
      int failed = statistics.getFailedJobs();
      jobs = new Jobs(batch.getTotalJobs(), statistics.getCompletedJobs(), failed);
      state = remaining == 0 ? FINISHED : remaining == failed ? FINISHED_WITH_FAILURES : RUNNING;
      managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).noRetriesLeft().list()
          .forEach(job -> failures.add(job.getExceptionMessage()));
    } else {
      // The monitor removes a finished batch; its history stays.
      HistoricBatch finished = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
      int total = finished == null ? 0 : finished.getTotalJobs();
      jobs = new Jobs(total, total, 0);
      state = FINISHED;
    }
    if (!RUNNING.equals(state)) {
      settle(migration, failures);
    }
    BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(migration.fromDefinitionId());
    List<MigrationAudit.InstanceOutcome> outcomes = audit.outcomes(migration.id());
    return new MigrationStatus(processKey, batchId, migration.id(), migration.migratedBy(), migration.fromVersion(),
        migration.toVersion(), state, jobs, new Journeys(count(outcomes, MigrationAudit.MOVED),
            count(outcomes, MigrationAudit.PENDING), count(outcomes, MigrationAudit.FAILED), count(outcomes, MigrationAudit.REFUSED)),
        byActivity(outcomes, sourceModel));
  }

  private static int count(List<MigrationAudit.InstanceOutcome> outcomes, String outcome) {
    return (int) outcomes.stream().filter(instance -> outcome.equals(instance.outcome())).count();
  }

  /** Each journey handed to the batch: on the new version, it moved; otherwise it failed, with the engine's reason. */
  private void settle(MigrationAudit.RecordedMigration migration, List<String> failures) {
    List<MigrationAudit.InstanceOutcome> settled = new ArrayList<>();
    for (MigrationAudit.InstanceOutcome outcome : audit.outcomes(migration.id())) {
      if (!MigrationAudit.PENDING.equals(outcome.outcome())) {
        continue;
      }
      String definitionId = definitionOf(outcome.processInstanceId());
      if (migration.toDefinitionId().equals(definitionId)) {
        settled.add(new MigrationAudit.InstanceOutcome(outcome.processInstanceId(), outcome.childRef(), MigrationAudit.MOVED, null));
      } else {
        settled.add(new MigrationAudit.InstanceOutcome(outcome.processInstanceId(), outcome.childRef(), MigrationAudit.FAILED,
            definitionId == null ? "It ended before the batch reached it."
                : failures.isEmpty() ? "The batch did not move it; it stays on version " + migration.fromVersion() + "."
                : "The batch could not move it: " + String.join("; ", new LinkedHashSet<>(failures))));
      }
    }
    if (!settled.isEmpty()) {
      audit.settle(migration.id(), settled);
    }
  }

  /** The definition a journey runs on now, or ran on when it ended; null if the engine no longer knows it. */
  private String definitionOf(String processInstanceId) {
    ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (running != null) {
      return running.getProcessDefinitionId();
    }
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    return ended == null ? null : ended.getProcessDefinitionId();
  }

  private static List<ActivityOutcome> byActivity(List<MigrationAudit.InstanceOutcome> outcomes, BpmnModelInstance sourceModel) {
    Map<String, int[]> counts = new java.util.TreeMap<>();
    Map<String, Set<String>> reasons = new LinkedHashMap<>();
    for (MigrationAudit.InstanceOutcome outcome : outcomes) {
      for (String activityId : outcome.activities()) {
        int[] count = counts.computeIfAbsent(activityId, ignored -> new int[4]);
        switch (outcome.outcome()) {
          case MigrationAudit.MOVED -> count[0]++;
          case MigrationAudit.PENDING -> count[1]++;
          case MigrationAudit.FAILED -> count[2]++;
          default -> count[3]++;
        }
        if (outcome.reason() != null) {
          reasons.computeIfAbsent(activityId, ignored -> new LinkedHashSet<>()).add(outcome.reason());
        }
      }
    }
    List<ActivityOutcome> activities = new ArrayList<>();
    counts.forEach((activityId, count) -> activities.add(new ActivityOutcome(activityId, nameOf(sourceModel, activityId),
        count[0], count[1], count[2], count[3], List.copyOf(reasons.getOrDefault(activityId, Set.of())))));
    return activities;
  }

  /** Creating the batch is the caller's act: the engine checks their right to migrate both versions and to batch. */
  private <T> T asCaller(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (AuthorizationException e) {
      throw ApiProblem.forbidden("You may not migrate journeys of this process (the engine's migrate permission on "
          + "both versions, and the right to start a migration batch, are needed).");
    }
  }

  /**
   * The new version's activities that journeys waiting at an activity it lacks could be mapped to: those of the same
   * kind (a user task to a user task, a timer catch event to a timer catch event...) that the engine accepts in a plan
   * with the same-id mappings, by name. The kind narrows the list cheaply and as an owner expects; the engine is then
   * asked because it alone knows its rules (a boundary event needs its host mapped alongside, an activity its
   * enclosing sub-process...), so the select never offers a mapping the dry run would refuse.
   */
  private List<Destination> destinations(String activityId, ProcessDefinition source, ProcessDefinition target,
      BpmnModelInstance sourceModel, BpmnModelInstance targetModel) {
    if (!(sourceModel.getModelElementById(activityId) instanceof FlowNode waitingAt)) {
      return List.of();
    }
    String kind = kindOf(waitingAt);
    return targetModel.getModelElementsByType(FlowNode.class).stream()
        .filter(candidate -> kind.equals(kindOf(candidate)))
        .filter(candidate -> {
          try {
            planBuilder(source, target, List.of(new Mapping(activityId, candidate.getId()))).build();
            return true;
          } catch (MigrationPlanValidationException e) {
            return false;
          }
        })
        .map(candidate -> new Destination(candidate.getId(), nameOf(targetModel, candidate.getId())))
        .sorted(Comparator.comparing(Destination::activityName).thenComparing(Destination::activityId))
        .toList();
  }

  /** The BPMN element, and for an event what it waits for (timer, message, signal...). */
  private static String kindOf(FlowNode node) {
    String kind = node.getElementType().getTypeName();
    if (node instanceof Event event) {
      kind += event.getChildElementsByType(EventDefinition.class).stream()
          .map(definition -> ":" + definition.getElementType().getTypeName()).sorted().reduce("", String::concat);
    }
    return kind;
  }

  /** The engine's plan: same-id mappings, except where the request maps an activity elsewhere, plus the request's. */
  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, List<Mapping> mappings) {
    try {
      return planBuilder(source, target, mappings).build();
    } catch (MigrationPlanValidationException e) {
      List<FieldProblem> problems = new ArrayList<>();
      for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
        MigrationInstruction instruction = report.getMigrationInstruction();
        problems.add(new FieldProblem("mappings", "not-migratable", "Mapping " + instruction.getSourceActivityId()
            + " to " + instruction.getTargetActivityId() + " is not possible: " + String.join("; ", report.getFailures())));
      }
      throw ApiProblem.invalid(problems);
    }
  }

  private MigrationPlanBuilder planBuilder(ProcessDefinition source, ProcessDefinition target, List<Mapping> mappings) {
    MigrationPlan sameIds = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
    Set<String> explicitSources = new LinkedHashSet<>(mappings.stream().map(Mapping::from).toList());
    MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId());
    for (MigrationInstruction instruction : sameIds.getInstructions()) {
      if (!explicitSources.contains(instruction.getSourceActivityId())) {
        builder = builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
      }
    }
    for (Mapping mapping : mappings) {
      builder = builder.mapActivities(mapping.from(), mapping.to());
    }
    return builder;
  }

  /** Migrates one journey; a dry run rolls it back. The reasons it cannot move, or none. */
  private List<String> tryToMove(MigrationPlan plan, String processInstanceId, boolean dryRun, BpmnModelInstance sourceModel,
      int toVersion) {
    try {
      List<String> reasons = transactions.execute(status -> {
        if (dryRun) {
          status.setRollbackOnly();
        }
        try {
          runtimeService.newMigration(plan).processInstanceIds(processInstanceId).execute();
          return List.<String>of();
        } catch (MigratingProcessInstanceValidationException e) {
          status.setRollbackOnly();
          return reasons(e.getValidationReport(), sourceModel, toVersion);
        }
      });
      return reasons == null ? List.of() : reasons;
    } catch (OptimisticLockingException e) {
      // Changed by someone else while it was being moved (a task completed, a timer fired): nothing of it was moved.
      return List.of("It changed while it was being moved; try again.");
    } catch (AuthorizationException e) {
      throw ApiProblem.forbidden("You may not migrate journeys of this process (the engine's migrate permission on "
          + "both versions is needed).");
    }
  }

  private static List<String> reasons(MigratingProcessInstanceValidationReport report, BpmnModelInstance sourceModel,
      int toVersion) {
    List<String> reasons = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(failure -> reasons.add(reason(activity.getSourceScopeId(), failure, sourceModel, toVersion)));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures().forEach(failure -> reasons.add(reason(transition.getSourceScopeId(), failure, sourceModel, toVersion)));
    }
    return reasons;
  }

  private static String reason(String activityId, String failure, BpmnModelInstance sourceModel, int toVersion) {
    String activity = "'" + nameOf(sourceModel, activityId) + "' (" + activityId + ")";
    if (failure.contains("no migration instruction")) {
      return "It is waiting at " + activity + ", which version " + toVersion + " does not have, and the request maps "
          + "it nowhere.";
    }
    return "At " + activity + ": " + failure + ".";
  }

  private static void checkMappings(List<Mapping> mappings, BpmnModelInstance sourceModel, BpmnModelInstance targetModel,
      int fromVersion, int toVersion, List<FieldProblem> problems) {
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < mappings.size(); i++) {
      Mapping mapping = mappings.get(i);
      String field = "mappings[" + i + "]";
      if (mapping == null || blank(mapping.from()) || blank(mapping.to())) {
        problems.add(new FieldProblem(field, "required", field + " needs both 'from' (an activity id of version "
            + fromVersion + ") and 'to' (an activity id of version " + toVersion + ")."));
        continue;
      }
      if (!(sourceModel.getModelElementById(mapping.from()) instanceof FlowElement)) {
        problems.add(new FieldProblem(field + ".from", "unknown-activity", "Version " + fromVersion
            + " has no activity '" + mapping.from() + "'."));
      }
      if (!(targetModel.getModelElementById(mapping.to()) instanceof FlowElement)) {
        problems.add(new FieldProblem(field + ".to", "unknown-activity", "Version " + toVersion
            + " has no activity '" + mapping.to() + "'."));
      }
      if (!seen.add(mapping.from())) {
        problems.add(new FieldProblem(field + ".from", "mapped-twice", "'" + mapping.from()
            + "' is mapped more than once: a journey waiting there can go to one place only."));
      }
    }
  }

  private List<ProcessDefinition> definitions(String processKey) {
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .orderByProcessDefinitionVersion().asc().list();
    if (definitions.isEmpty()) {
      throw ApiProblem.notFound("No process with the key '" + processKey + "' is deployed.");
    }
    return definitions;
  }

  private static ProcessDefinition version(List<ProcessDefinition> definitions, Integer version, String field,
      List<FieldProblem> problems) {
    if (version == null) {
      problems.add(new FieldProblem(field, "required", field + " is required: the version number, as listed by "
          + "GET /api/process-revisions/{processKey}."));
      return null;
    }
    Optional<ProcessDefinition> found = definitions.stream().filter(definition -> definition.getVersion() == version).findFirst();
    if (found.isEmpty()) {
      problems.add(new FieldProblem(field, "unknown-version", field + " " + version + " is not a deployed version "
          + "(deployed: " + definitions.stream().map(definition -> String.valueOf(definition.getVersion())).toList() + ")."));
      return null;
    }
    return found.get();
  }

  /** Who deployed it, from the engine's user operation log; the application's own deployment has no user. */
  private String deployedBy(String deploymentId) {
    return systemAccess.call(Reason.DEPLOYMENT_AUDIT, () -> historyService.createUserOperationLogQuery().deploymentId(deploymentId)
        .entityType(EntityTypes.DEPLOYMENT).operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list().stream()
        .map(UserOperationLogEntry::getUserId).filter(user -> user != null).findFirst().orElse("the application"));
  }

  private String callerId() {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller == null ? "the application" : caller.getUserId();
  }

  private static String nameOf(BpmnModelInstance model, String activityId) {
    ModelElementInstance element = model.getModelElementById(activityId);
    String name = element instanceof FlowElement flowElement ? flowElement.getName() : null;
    return name == null || name.isBlank() ? activityId : name;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
