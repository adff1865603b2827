package org.safeguardingworkflows.stepdown;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.children.ChildConcerns;
import org.safeguardingworkflows.children.ChildRole;
import org.safeguardingworkflows.children.ChildWorkerChanges;
import org.safeguardingworkflows.deployments.StartsProcessWith;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.security.CallerRoles;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.Staff;
import org.safeguardingworkflows.tasks.JourneyProgress;
import org.safeguardingworkflows.tasks.OpenTask;
import org.safeguardingworkflows.teams.ChildAccess;
import org.safeguardingworkflows.teams.TeamTransfer;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The step-down journeys as a case management system sees them: start one when a plan ends, read where it is,
 * report a concern, change the worker. Each refusal is an {@link ApiProblem} raised before anything changes.
 */
// The variables PlanEnded.toVariables() starts every journey with.
@StartsProcessWith(process = StepDownVariables.PROCESS_KEY, variables = {"childRef", "planStartDate", "planEndDate", "categoryOfAbuse", "destination", "allocatedWorker", "teamManager", "iro"})
@Service
public class StepDownJourneys {

  private final PlanEndedRules rules;
  private final RuntimeService runtimeService;
  private final JourneyProgress journeyProgress;
  private final ManagementService managementService;
  private final SystemAccess systemAccess;
  private final Staff staff;
  private final WorkingDays workingDays;
  private final ChildAccess childAccess;
  private final Teams teams;
  private final TeamTransfer teamTransfer;
  private final CallerRoles callerRoles;
  private final ChildConcerns childConcerns;
  private final ChildWorkerChanges childWorkerChanges;

  /** Who allocates a child to a worker. */
  static final Set<Role> ALLOCATORS = EnumSet.of(Role.TEAM_MANAGERS, Role.SENIOR_MANAGERS, Role.ADMINS);

  public StepDownJourneys(PlanEndedRules rules, RuntimeService runtimeService, JourneyProgress journeyProgress,
      ManagementService managementService, SystemAccess systemAccess, Staff staff,
      WorkingDays workingDays, ChildAccess childAccess, Teams teams, TeamTransfer teamTransfer, CallerRoles callerRoles,
      ChildConcerns childConcerns, ChildWorkerChanges childWorkerChanges) {
    this.rules = rules;
    this.childConcerns = childConcerns;
    this.childWorkerChanges = childWorkerChanges;
    this.callerRoles = callerRoles;
    this.runtimeService = runtimeService;
    this.journeyProgress = journeyProgress;
    this.managementService = managementService;
    this.systemAccess = systemAccess;
    this.staff = staff;
    this.workingDays = workingDays;
    this.childAccess = childAccess;
    this.teams = teams;
    this.teamTransfer = teamTransfer;
  }

  /** Starts the journey as the calling user (who needs the right to start it); 400, 409 or 422 otherwise. */
  @Transactional
  public ProcessInstance start(PlanEnded plan) {
    List<FieldProblem> problems = rules.fieldProblems(plan);
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    if (rules.activeJourney(plan.childRef(), null).isPresent()) {
      throw ApiProblem.conflict("Child " + plan.childRef() + " already has a step-down journey in progress.");
    }
    rules.overlappingPlan(plan).ifPresent(other -> {
      throw ApiProblem.unprocessable("The plan overlaps another recorded plan of this child; a child's plans never overlap.",
          List.of(new FieldProblem("planStartDate", "plans-do-not-overlap",
              "The child has a recorded plan from " + other.planStart() + (other.planEnd() == null ? " that is still open" : " to " + other.planEnd()) + ".")));
    });
    return runtimeService.createProcessInstanceByKey(StepDownVariables.PROCESS_KEY)
        .businessKey(plan.childRef())
        .setVariables(plan.toVariables())
        .execute();
  }

  public JourneyView view(String childRef) {
    String instanceId = requireActive(childRef);
    return systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () -> {
      Map<String, Object> variables = runtimeService.getVariables(instanceId);
      List<OpenTask> tasks = journeyProgress.openTasks(instanceId);
      List<String> stage = journeyProgress.stage(instanceId);
      return new JourneyView(childRef, instanceId, stage,
          StepDownVariables.PLAN_START_DATE.from(variables), StepDownVariables.PLAN_END_DATE.from(variables),
          StepDownVariables.DESTINATION.from(variables), StepDownVariables.ALLOCATED_WORKER.from(variables),
          StepDownVariables.TEAM_MANAGER.from(variables), StepDownVariables.WORKER_CHANGES.from(variables),
          new ArrayList<>(tasks),
          StepDownVariables.CONTINGENCY_PLAN.from(variables),
          nextTimer(instanceId, StepDownVariables.Elements.SUPERVISION_DUE), nextTimer(instanceId, StepDownVariables.Elements.REVIEW_DUE));
    });
  }

  /**
   * The step-down URL's concern, its fields checked by the child-level concern's constraints
   * ({@code ChildActionsApi.ConcernReport}: every kind the contingency review knows), then the
   * child-level action ({@link ChildConcerns}) opens the journey's contingency review.
   */
  public void reportConcern(String childRef, String kind, String summary) {
    String instanceId = requireActive(childRef);
    childConcerns.duringStepDown(childRef, instanceId, kind, summary);
  }

  /**
   * The step-down URL's change of worker: the child-level action ({@link ChildWorkerChanges}) hands over in every
   * process of the child, records the change and moves the child to the new worker's team. The journey must be one the
   * caller may see (404 otherwise), as before.
   */
  @Transactional
  public void changeWorker(String childRef, String newWorker) {
    requireActive(childRef);
    childWorkerChanges.change(childRef, ChildRole.SOCIAL_WORKER.name(), newWorker, "newWorker");
  }

  /**
   * The journey of this child that the caller may see ({@link ChildAccess}: their team's children, or a task of theirs
   * on it; senior managers and process owners see all). A journey the caller may not see is answered as if it did not
   * exist, and so is every journey when there is no caller.
   */
  private String requireActive(String childRef) {
    String instanceId = rules.activeJourney(childRef, null)
        .orElseThrow(() -> ApiProblem.notFound("Child " + childRef + " has no step-down journey in progress."));
    if (!childAccess.callerMaySee(instanceId)) {
      throw ApiProblem.notFound("Child " + childRef + " has no step-down journey in progress.");
    }
    return instanceId;
  }

  /** The earliest of the timers waiting at this activity (one per supervision or review still to fall due). */
  private LocalDate nextTimer(String instanceId, String timerActivityId) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(instanceId).activityId(timerActivityId).timers()
        .orderByJobDuedate().asc().listPage(0, 1);
    return jobs.isEmpty() ? null : localDate(jobs.get(0).getDuedate());
  }

  private LocalDate localDate(Date date) {
    return date == null ? null : workingDays.localDate(date);
  }
}
