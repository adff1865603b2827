package org.safeguardingworkflows.stepdown;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.RunningInstances;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.validation.StartRules;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.teams.Teams;
import org.springframework.stereotype.Component;

/**
 * The rules a step-down start must meet, whichever way it arrives (domain API, Tasklist start form, engine REST):
 * {@link PlanEnded}'s fields, the worker's team, one journey per child, and plans that never overlap.
 */
@Component
public class PlanEndedRules extends StartRules<PlanEnded> {

  private final Teams teams;
  private final PlanHistory planHistory;

  public PlanEndedRules(FieldRules fieldRules, RunningInstances runningInstances, PlanHistory planHistory, Teams teams) {
    super(fieldRules, runningInstances, StepDownVariables.PROCESS_KEY);
    this.teams = teams;
    this.planHistory = planHistory;
  }

  /** The worker belongs to one team and the team manager manages it. */
  @Override
  protected void addRulesAcrossRecords(PlanEnded plan, List<FieldProblem> problems) {
    teams.checkHasOneTeam(plan.allocatedWorker(), "allocatedWorker", problems);
    teams.onlyTeamOf(plan.allocatedWorker())
        .filter(team -> plan.teamManager() != null && !teams.isMember(plan.teamManager(), team))
        .ifPresent(team -> problems.add(new FieldProblem("teamManager", "other-team",
            "teamManager '" + plan.teamManager() + "' does not manage the allocated worker's team.")));
  }

  /** The journey running for this child, if any (a child has at most one step-down journey at a time). */
  public Optional<String> activeJourney(String childRef, String exceptInstanceId) {
    return running(childRef, exceptInstanceId);
  }

  /** CIN census rule: a child's plans never overlap. The plan that starts on the same day is this plan. */
  public Optional<CpPlan> overlappingPlan(PlanEnded plan) {
    return planHistory.overlappingPlan(plan.childRef(), LocalDate.parse(plan.planStartDate()), LocalDate.parse(plan.planEndDate()));
  }
}
