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
import org.camunda.bpm.model.bpmn.instance.FlowElement;
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
 * Each journey is tried on its own: a dry run migrates it inside a transaction that is then rolled back, so the
 * report is exactly what the engine would do; a real run migrates each journey in a transaction of its own, so a
 * journey that cannot move is left untouched while the others move. Open tasks (with their assignees and due dates),
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

  /** Where the journeys waiting at one activity of the old version would go, or why they cannot. */
  public record ActivityMove(String activityId, String activityName, int instances, String movesTo, String movesToName,
      boolean mappedInRequest) {}

  /** A journey that cannot move, with each reason in plain words. */
  public record Unmovable(String processInstanceId, String childRef, List<String> reasons) {}

  public record MigrationReport(String processKey, int fromVersion, int toVersion, boolean dryRun, String migrationId,
      List<ActivityMove> activities, int instances, int movable, int moved, List<Unmovable> unmovable) {}

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
          return new ActivityMove(statistics.getId(), nameOf(sourceModel, statistics.getId()), statistics.getInstances(),
              to, to == null ? null : nameOf(targetModel, to), mappedInRequest.contains(statistics.getId()));
        })
        .toList();

    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
        .orderByProcessInstanceId().asc().list();
    List<Unmovable> unmovable = new ArrayList<>();
    List<MigrationAudit.InstanceOutcome> outcomes = new ArrayList<>();
    int movable = 0;
    for (ProcessInstance instance : instances) {
      List<String> reasons = tryToMove(plan, instance.getId(), dryRun, sourceModel, target.getVersion());
      if (reasons.isEmpty()) {
        movable++;
        outcomes.add(new MigrationAudit.InstanceOutcome(instance.getId(), instance.getBusinessKey(), "MOVED", null));
      } else {
        unmovable.add(new Unmovable(instance.getId(), instance.getBusinessKey(), reasons));
        outcomes.add(new MigrationAudit.InstanceOutcome(instance.getId(), instance.getBusinessKey(), "REFUSED",
            String.join(" ", reasons)));
      }
    }
    String migrationId = null;
    if (!dryRun) {
      migrationId = audit.record(processKey, source, target, callerId(), mappings, outcomes);
      log.info("Migration {} of {}: version {} to {}, {} moved, {} could not move", migrationId, processKey,
          source.getVersion(), target.getVersion(), movable, unmovable.size());
    }
    return new MigrationReport(processKey, source.getVersion(), target.getVersion(), dryRun, migrationId, activities,
        instances.size(), movable, dryRun ? 0 : movable, unmovable);
  }

  /** The engine's plan: same-id mappings, except where the request maps an activity elsewhere, plus the request's. */
  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, List<Mapping> mappings) {
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
    try {
      return builder.build();
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
