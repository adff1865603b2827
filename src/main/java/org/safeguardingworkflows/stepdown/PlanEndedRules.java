package org.safeguardingworkflows.stepdown;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.RunningInstances;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.teams.Teams;
import org.springframework.stereotype.Component;

/**
 * The rules a step-down start must meet, whichever way it arrives (domain API, Tasklist start form, engine REST).
 * The API turns each kind of breach into its own status; the process refuses them all the same way.
 */
@Component
public class PlanEndedRules {

  private final FieldRules fieldRules;
  private final Teams teams;
  private final PlanHistory planHistory;
  private final RuntimeService runtimeService;
  private final SystemAccess systemAccess;

  public PlanEndedRules(FieldRules fieldRules, PlanHistory planHistory, RuntimeService runtimeService, SystemAccess systemAccess,
      Teams teams) {
    this.fieldRules = fieldRules;
    this.teams = teams;
    this.planHistory = planHistory;
    this.runtimeService = runtimeService;
    this.systemAccess = systemAccess;
  }

  /**
   * The request's field rules ({@link PlanEnded}'s constraints), then the rules across records: the worker belongs to
   * one team and the team manager manages it. Every problem at once, so the caller can fix them in one go.
   */
  public List<FieldProblem> fieldProblems(PlanEnded plan) {
    List<FieldProblem> problems = new ArrayList<>(fieldRules.problems(plan));
    teams.checkHasOneTeam(plan.allocatedWorker(), "allocatedWorker", problems);
    teams.onlyTeamOf(plan.allocatedWorker())
        .filter(team -> plan.teamManager() != null && !teams.isMember(plan.teamManager(), team))
        .ifPresent(team -> problems.add(new FieldProblem("teamManager", "other-team",
            "teamManager '" + plan.teamManager() + "' does not manage the allocated worker's team.")));
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
