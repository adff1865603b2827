package org.safeguardingworkflows.children;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.safeguardingworkflows.deployments.CorrelatesMessageWith;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.security.CallerRoles;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.Staff;
import org.safeguardingworkflows.teams.TeamTransfer;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A change of the child's social worker, team manager or IRO reaches every running process of the child: each one
 * that listens for {@code WorkerChanged} raises its own handover (its "Worker changed" event sub-process), the record
 * says who holds the child now, and a social worker of another team takes the child, with all its running processes
 * and open tasks, to that team. One transaction: a child is never left half handed over.
 */
@CorrelatesMessageWith(message = ChildWorkerChanges.MESSAGE_WORKER_CHANGED, variables = {"changedRole", "newHolder"})
@Service
public class ChildWorkerChanges {

  /** Who allocates a child: a manager's decision (a worker could otherwise take a colleague's child, or give one away). */
  public static final Set<Role> ALLOCATORS = EnumSet.of(Role.TEAM_MANAGERS, Role.SENIOR_MANAGERS, Role.ADMINS);
  public static final String MESSAGE_WORKER_CHANGED = "WorkerChanged";
  static final String HANDOVER_DELEGATE = "${handOverToTheNewHolder}";

  /** A process the change reached. */
  public record Handover(String processKey, String processInstanceId) {}

  /** What changed, and the processes that raised a handover. */
  public record Changed(String childRef, String role, String newHolder, List<Handover> handovers) {}

  private final ChildProcesses processes;
  private final ChildRecord childRecord;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final SystemAccess systemAccess;
  private final CallerRoles callerRoles;
  private final Staff staff;
  private final Teams teams;
  private final TeamTransfer teamTransfer;
  private final WorkingDays workingDays;
  private final Map<String, Boolean> knowsRoles = new ConcurrentHashMap<>();

  public ChildWorkerChanges(ChildProcesses processes, ChildRecord childRecord, RuntimeService runtimeService,
      RepositoryService repositoryService, IdentityService identityService, SystemAccess systemAccess,
      CallerRoles callerRoles, Staff staff, Teams teams, TeamTransfer teamTransfer, WorkingDays workingDays) {
    this.processes = processes;
    this.childRecord = childRecord;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.systemAccess = systemAccess;
    this.callerRoles = callerRoles;
    this.staff = staff;
    this.teams = teams;
    this.teamTransfer = teamTransfer;
    this.workingDays = workingDays;
  }

  @Transactional
  public Changed change(String childRef, String role, String newHolder) {
    return change(childRef, role, newHolder, "newHolder");
  }

  /**
   * The change, with {@code holderField} naming the field that named the new holder in refusals (the step-down URL
   * calls it {@code newWorker}). 404 when the child has no running process or the caller may not see it; 403 unless
   * the caller allocates; 400 on bad input.
   */
  @Transactional
  public Changed change(String childRef, String role, String newHolder, String holderField) {
    // A child the caller may not see is not there (404) before anything about the request is answered.
    List<ProcessInstance> running = processes.running(childRef);
    if (running.isEmpty() || !processes.callerMaySee(childRef)) {
      throw ApiProblem.notFound("Child " + childRef + " has no work in progress that you can see.");
    }
    callerRoles.require(ALLOCATORS, "change who holds a child");
    List<FieldProblem> problems = new ArrayList<>();
    if (!ChildRole.isName(role)) {
      problems.add(new FieldProblem("role", "code-list", "role must be SOCIAL_WORKER, TEAM_MANAGER or IRO."));
      throw ApiProblem.invalid(problems);
    }
    ChildRole childRole = ChildRole.valueOf(role);
    staff.check(newHolder, holderField, childRole.staffRole(), problems);
    if (problems.isEmpty() && childRole == ChildRole.SOCIAL_WORKER) {
      teams.checkHasOneTeam(newHolder, holderField, problems);
    }
    if (problems.isEmpty() && newHolder.equals(currentHolder(childRef, childRole, running).orElse(null))) {
      problems.add(new FieldProblem(holderField, "different-holder",
          holderField + " '" + newHolder + "' already holds this child as " + describe(childRole) + "."));
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    String previous = currentHolder(childRef, childRole, running).orElse(null);

    Map<String, Object> message = new HashMap<>();
    HandOverToTheNewHolder.CHANGED_ROLE.putIn(message, childRole.name());
    HandOverToTheNewHolder.NEW_HOLDER.putIn(message, newHolder);
    if (childRole == ChildRole.SOCIAL_WORKER) {
      HandOverToTheNewHolder.NEW_WORKER.putIn(message, newHolder);
    }
    List<Handover> handovers = new ArrayList<>();
    systemAccess.run(Reason.HAND_OVER, () -> {
      for (ProcessInstance instance : running) {
        // A suspended process takes no message: a process owner who activates it finds the new holder in the record.
        if (!instance.isSuspended() && listensForWorkerChanges(instance)
            && (childRole == ChildRole.SOCIAL_WORKER || knowsRoles(instance))) {
          runtimeService.createMessageCorrelation(MESSAGE_WORKER_CHANGED)
              .processInstanceId(instance.getId())
              .setVariablesLocal(message)
              .correlateWithResult();
          handovers.add(new Handover(processes.keyOf(instance), instance.getId()));
        }
      }
    });

    childRecord.allocate(childRef, childRole, newHolder);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("role", childRole.name());
    details.put("newHolder", newHolder);
    details.put("previousHolder", previous);
    details.put("handovers", handovers.stream().map(Handover::processKey).toList());
    Authentication caller = identityService.getCurrentAuthentication();
    childRecord.record(ChildEvent.of(childRef, workingDays.today(), ChildEvent.Kind.WORKER_CHANGED,
        caller == null ? null : caller.getUserId(), null, null, details));
    if (childRole == ChildRole.SOCIAL_WORKER) {
      // After the handovers, so that the previous worker's tasks have passed to the new worker before the old team's
      // people lose theirs.
      teamTransfer.followWorker(childRef, newHolder);
      teams.onlyTeamOf(newHolder).ifPresent(team -> {
        childRecord.assignTeam(childRef, team);
        // As the processes do (TeamTransfer): the old team's manager no longer holds the child.
        childRecord.allocation(childRef).map(ChildRecord.Allocation::teamManager)
            .filter(manager -> !teams.isMember(manager, team))
            .ifPresent(manager -> childRecord.allocate(childRef, ChildRole.TEAM_MANAGER, null));
      });
    }
    return new Changed(childRef, childRole.name(), newHolder, handovers);
  }

  /** Who holds the role now: the record's allocation, else (work started before the record) what a process names. */
  private Optional<String> currentHolder(String childRef, ChildRole role, List<ProcessInstance> running) {
    Optional<String> recorded = childRecord.allocation(childRef).map(allocation -> switch (role) {
      case SOCIAL_WORKER -> allocation.allocatedWorker();
      case TEAM_MANAGER -> allocation.teamManager();
      case IRO -> allocation.iro();
    });
    if (recorded.isPresent()) {
      return recorded;
    }
    return systemAccess.call(Reason.HAND_OVER, () -> running.stream()
        .map(instance -> runtimeService.getVariable(instance.getId(), role.processVariables().get(0)))
        .filter(String.class::isInstance).map(String.class::cast).findFirst());
  }

  private boolean listensForWorkerChanges(ProcessInstance instance) {
    return runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId()).eventType("message")
        .eventName(MESSAGE_WORKER_CHANGED).count() > 0;
  }

  /**
   * Whether the process's diagram hands over any role ({@code handOverToTheNewHolder}); an older version knows only a
   * change of social worker, and would read another role's change as one.
   */
  private boolean knowsRoles(ProcessInstance instance) {
    return knowsRoles.computeIfAbsent(instance.getProcessDefinitionId(), definitionId ->
        repositoryService.getBpmnModelInstance(definitionId).getModelElementsByType(ServiceTask.class).stream()
            .anyMatch(task -> HANDOVER_DELEGATE.equals(task.getCamundaDelegateExpression())));
  }

  private static String describe(ChildRole role) {
    return switch (role) {
      case SOCIAL_WORKER -> "social worker";
      case TEAM_MANAGER -> "team manager";
      case IRO -> "IRO";
    };
  }
}
