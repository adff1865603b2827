package org.safeguardingworkflows.repeaticpc;

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
 * The rules a proposal must meet, whichever way it arrives (domain API, Tasklist start form, the step-down
 * journey's message). The API turns each kind of breach into its own status (400, 409, 422); the process refuses
 * them all the same way, before anything is recorded.
 */
@Component
public class ProposalRules extends StartRules<Proposal> {

  private final Teams teams;
  private final PlanHistory planHistory;

  public ProposalRules(FieldRules fieldRules, RunningInstances runningInstances, PlanHistory planHistory, Teams teams) {
    super(fieldRules, runningInstances, RepeatIcpcVariables.PROCESS_KEY);
    this.teams = teams;
    this.planHistory = planHistory;
  }

  /** The proposing social worker belongs to one team (the proposal belongs to it). */
  @Override
  protected void addRulesAcrossRecords(Proposal proposal, List<FieldProblem> problems) {
    if (!refused("proposedBy", problems)) {
      teams.checkHasOneTeam(proposal.proposedBy(), "proposedBy", problems);
    }
  }

  /**
   * The declared earlier plan may not overlap a plan this authority holds on record for the child: a child's plans
   * never overlap. Read only for a proposal whose fields are valid.
   */
  public Optional<FieldProblem> earlierPlanOverlap(Proposal proposal) {
    if (!proposal.declaresEarlierPlan()) {
      return Optional.empty();
    }
    LocalDate start = LocalDate.parse(proposal.earlierPlanStart());
    LocalDate end = LocalDate.parse(proposal.earlierPlanEnd());
    return planHistory.plansOf(proposal.childRef()).stream()
        .filter(plan -> plan.overlaps(start, end))
        .findFirst()
        .map(plan -> new FieldProblem("earlierPlanStart", "plans-do-not-overlap", "The earlier plan held by "
            + proposal.earlierPlanAuthority() + " (" + start + " to " + end + ") overlaps this authority's plan from "
            + plan.planStart() + (plan.planEnd() == null ? " that is still open" : " to " + plan.planEnd())
            + "; a child's plans never overlap."));
  }

  /** The proposal open for this child, if any: a child has at most one at a time. */
  public Optional<String> openProposal(String childRef, String exceptInstanceId) {
    return running(childRef, exceptInstanceId);
  }

  /**
   * Why this child's proposal is not a repeat ICPC, if it is not: the child has no ended CP plan on record (and
   * none declared held by another authority), or is subject to a plan now (that plan is reviewed at a review conference, not an initial one).
   */
  public Optional<FieldProblem> notARepeat(String childRef) {
    return notARepeat(childRef, false);
  }

  /**
   * As {@link #notARepeat(String)}, for a proposal that may declare an earlier plan held by another authority: that
   * plan makes the conference a repeat one even when this authority has none on record.
   */
  public Optional<FieldProblem> notARepeat(Proposal proposal) {
    return notARepeat(proposal.childRef(), proposal.declaresEarlierPlan());
  }

  private Optional<FieldProblem> notARepeat(String childRef, boolean earlierPlanElsewhere) {
    List<CpPlan> plans = planHistory.plansOf(childRef);
    Optional<CpPlan> open = plans.stream().filter(CpPlan::isOpen).findFirst();
    if (open.isPresent()) {
      return Optional.of(new FieldProblem("childRef", "no-open-plan",
          "The child has had a child protection plan since " + open.get().planStart()
              + " that has not ended: it is reviewed at a review conference, not an initial one."));
    }
    if (plans.isEmpty() && !earlierPlanElsewhere) {
      return Optional.of(new FieldProblem("childRef", "previous-plan-required",
          "The child has no previous child protection plan on record, so this is not a repeat conference. A plan held "
              + "by another local authority counts: declare it with earlierPlanAuthority, earlierPlanStart and earlierPlanEnd."));
    }
    return Optional.empty();
  }
}
