package org.safeguardingworkflows.stepdown;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.safeguardingworkflows.planhistory.CategoryOfAbuse;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.RunningInstances;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.web.FieldChecks;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.Staff;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The rules a step-down start must meet, whichever way it arrives (domain API, Tasklist start form, engine REST).
 * The API turns each kind of breach into its own status; the process refuses them all the same way.
 */
@Component
public class PlanEndedRules {

  /** Child references are opaque case-management ids, never names. */
  public static final Pattern CHILD_REF = CpPlan.CHILD_REF;

  private final Staff staff;
  private final Teams teams;
  private final PlanHistory planHistory;
  private final RuntimeService runtimeService;
  private final SystemAccess systemAccess;
  private final WorkingDays workingDays;

  public PlanEndedRules(Staff staff, PlanHistory planHistory, RuntimeService runtimeService, SystemAccess systemAccess,
      WorkingDays workingDays, Teams teams) {
    this.staff = staff;
    this.teams = teams;
    this.planHistory = planHistory;
    this.runtimeService = runtimeService;
    this.systemAccess = systemAccess;
    this.workingDays = workingDays;
  }

  /** Field by field: every problem at once, so the caller can fix them in one go. */
  public List<FieldProblem> fieldProblems(PlanEnded plan) {
    List<FieldProblem> problems = new ArrayList<>();
    FieldChecks.childRef(plan.childRef(), problems);
    LocalDate start = FieldChecks.date(plan.planStartDate(), "planStartDate", problems);
    LocalDate end = FieldChecks.date(plan.planEndDate(), "planEndDate", problems);
    LocalDate today = workingDays.today();
    FieldChecks.refuseFuture(start, "planStartDate", today, null, problems);
    FieldChecks.refuseFuture(end, "planEndDate", today, "start the journey when the review conference has ended the plan", problems);
    if (start != null && end != null && end.isBefore(start)) {
      problems.add(new FieldProblem("planEndDate", "not-before-start", "planEndDate cannot be before planStartDate."));
    }
    if (!CategoryOfAbuse.isCode(plan.categoryOfAbuse())) {
      problems.add(new FieldProblem("categoryOfAbuse", "code-list",
          "categoryOfAbuse must be a CIN census code: NEG, PHY, SAB, EMO or MUL."));
    }
    if (!Destination.isValue(plan.destination())) {
      problems.add(new FieldProblem("destination", "code-list", "destination must be CHILD_IN_NEED, EARLY_HELP or CLOSURE."));
    }
    staff.check(plan.allocatedWorker(), "allocatedWorker", Role.SOCIAL_WORKERS, problems);
    staff.check(plan.teamManager(), "teamManager", Role.TEAM_MANAGERS, problems);
    teams.checkHasOneTeam(plan.allocatedWorker(), "allocatedWorker", problems);
    teams.onlyTeamOf(plan.allocatedWorker())
        .filter(team -> plan.teamManager() != null && !teams.isMember(plan.teamManager(), team))
        .ifPresent(team -> problems.add(new FieldProblem("teamManager", "other-team",
            "teamManager '" + plan.teamManager() + "' does not manage the allocated worker's team.")));
    staff.check(plan.iro(), "iro", Role.IROS, problems);
    return problems;
  }

  /** The journey running for this child, if any (a child has at most one step-down journey at a time). */
  public Optional<String> activeJourney(String childRef, String exceptInstanceId) {
    return RunningInstances.of(systemAccess, runtimeService, StepDownVariables.PROCESS_KEY, childRef, exceptInstanceId);
  }

  /** CIN census rule: a child's plans never overlap. The plan that starts on the same day is this plan. */
  public Optional<CpPlan> overlappingPlan(PlanEnded plan) {
    return planHistory.overlappingPlan(plan.childRef(), LocalDate.parse(plan.planStartDate()), LocalDate.parse(plan.planEndDate()));
  }
}
