package org.safeguardingworkflows.children;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.deployments.CorrelatesMessageWith;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Something in the child's life that ends or moves the child's work, whatever is running: starts the life event
 * process ({@code childLifeEvent}), which ends the child's other processes and open plan, after a transfer or a
 * serious incident notification where one is needed. Refused before anything changes: 400 an unknown kind or a future
 * date, 404 a child unknown (or not visible) to the caller, 409 a child with nothing to end (no running process and no
 * open plan) or whose life event is already being handled.
 */
@CorrelatesMessageWith(message = ChildLifeEventVariables.MESSAGE_LIFE_EVENT_REPORTED, variables = {"childRef", "lifeEventKind", "lifeEventDate", "lifeEventDetails", "reportedBy", "allocatedWorker", "teamManager", "iro"})
@Service
public class ChildLifeEvents {

  /** What was started. */
  public record Reported(String childRef, String kind, String processInstanceId, List<String> openTasks, boolean workEnded) {}

  static final int DETAILS_MAX_LENGTH = 2000;

  private final ChildProcesses processes;
  private final ChildRecord childRecord;
  private final PlanHistory planHistory;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final SystemAccess systemAccess;

  public ChildLifeEvents(ChildProcesses processes, ChildRecord childRecord, PlanHistory planHistory,
      RuntimeService runtimeService, IdentityService identityService,
      SystemAccess systemAccess) {
    this.processes = processes;
    this.childRecord = childRecord;
    this.planHistory = planHistory;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.systemAccess = systemAccess;
  }

  @Transactional
  public Reported report(String childRef, String kind, String date, String details) {
    // The fields are checked by ChildActionsApi.LifeEventReport's constraints.
    LocalDate happened = LocalDate.parse(date);
    if (!processes.isKnown(childRef) || !processes.callerMaySee(childRef)) {
      throw ApiProblem.notFound("Child " + childRef + " is not known to you.");
    }
    // One at a time per child: a second report waits here, then sees the first one's process.
    planHistory.lockChild(childRef);
    if (processes.runningOf(childRef, ChildLifeEventVariables.PROCESS_KEY).isPresent()) {
      throw ApiProblem.conflict("A life event of child " + childRef + " is already being handled.");
    }
    if (processes.runningExcept(childRef, ChildLifeEventVariables.PROCESS_KEY).isEmpty()
        && processes.openPlan(childRef).isEmpty()) {
      throw ApiProblem.conflict("Child " + childRef + " has no work in progress and no open plan for this event to end.");
    }
    Optional<ChildRecord.Allocation> allocation = childRecord.allocation(childRef);
    Map<String, Object> variables = new HashMap<>();
    ChildLifeEventVariables.CHILD_REF.putIn(variables, childRef);
    ChildLifeEventVariables.LIFE_EVENT_KIND.putIn(variables, kind);
    ChildLifeEventVariables.LIFE_EVENT_DATE.putIn(variables, happened);
    ChildLifeEventVariables.LIFE_EVENT_DETAILS.putIn(variables, details);
    ChildLifeEventVariables.REPORTED_BY.putIn(variables, identityService.getCurrentAuthentication().getUserId());
    ChildLifeEventVariables.ALLOCATED_WORKER.putIn(variables, allocation.map(ChildRecord.Allocation::allocatedWorker).orElse(null));
    ChildLifeEventVariables.TEAM_MANAGER.putIn(variables, allocation.map(ChildRecord.Allocation::teamManager).orElse(null));
    ChildLifeEventVariables.IRO.putIn(variables, allocation.map(ChildRecord.Allocation::iro).orElse(null));
    // As the caller: their right to start work for the child's team is the engine's (and the team's) to check.
    ProcessInstance instance = runtimeService.createMessageCorrelation(ChildLifeEventVariables.MESSAGE_LIFE_EVENT_REPORTED)
        .processInstanceBusinessKey(childRef)
        .setVariables(variables)
        .correlateStartMessage();
    List<String> openTasks = systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () -> instance.isEnded() ? List.<String>of()
        : runtimeService.getActiveActivityIds(instance.getId()));
    return new Reported(childRef, kind, instance.getId(), openTasks, instance.isEnded());
  }
}
