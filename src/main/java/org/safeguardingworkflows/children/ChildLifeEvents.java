package org.safeguardingworkflows.children;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldChecks;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Something in the child's life that ends or moves the child's work, whatever is running: starts the life event
 * process ({@code childLifeEvent}), which ends the child's other processes and open plan, after a transfer or a
 * serious incident notification where one is needed. Refused before anything changes: 400 an unknown kind or a future
 * date, 404 a child unknown (or not visible) to the caller, 409 a child with nothing to end (no running process and no
 * open plan) or whose life event is already being handled.
 */
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
  private final WorkingDays workingDays;
  private final org.safeguardingworkflows.platform.SystemAccess systemAccess;

  public ChildLifeEvents(ChildProcesses processes, ChildRecord childRecord, PlanHistory planHistory,
      RuntimeService runtimeService, IdentityService identityService, WorkingDays workingDays,
      org.safeguardingworkflows.platform.SystemAccess systemAccess) {
    this.processes = processes;
    this.childRecord = childRecord;
    this.planHistory = planHistory;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.workingDays = workingDays;
    this.systemAccess = systemAccess;
  }

  @Transactional
  public Reported report(String childRef, String kind, String date, String details) {
    List<FieldProblem> problems = new ArrayList<>();
    FieldChecks.childRef(childRef, problems);
    if (kind == null || Arrays.stream(ChildLifeEventVariables.Kind.values()).noneMatch(k -> k.name().equals(kind))) {
      problems.add(new FieldProblem("kind", "code-list",
          "kind must be BECAME_LOOKED_AFTER, TURNED_18, MOVED_TO_ANOTHER_AUTHORITY or DIED."));
    }
    LocalDate happened = FieldChecks.date(date, "date", problems);
    FieldChecks.refuseFuture(happened, "date", workingDays.today(), "report a life event once it has happened", problems);
    if (details != null && details.length() > DETAILS_MAX_LENGTH) {
      problems.add(new FieldProblem("details", "max-length", "details must be at most " + DETAILS_MAX_LENGTH + " characters."));
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
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
    List<String> openTasks = systemAccess.call(() -> instance.isEnded() ? List.<String>of()
        : runtimeService.getActiveActivityIds(instance.getId()));
    return new Reported(childRef, kind, instance.getId(), openTasks, instance.isEnded());
  }
}
