package org.safeguardingworkflows.repeaticpc;

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
 * The rules a proposal must meet, whichever way it arrives (domain API, Tasklist start form, the step-down
 * journey's message). The API turns each kind of breach into its own status (400, 409, 422); the process refuses
 * them all the same way, before anything is recorded.
 */
@Component
public class ProposalRules {

  /** Child references are opaque case-management ids, never names. */
  public static final Pattern CHILD_REF = CpPlan.CHILD_REF;
  static final int SUMMARY_MAX_LENGTH = 4000;
  static final int AUTHORITY_MAX_LENGTH = 200;

  private final Staff staff;
  private final Teams teams;
  private final PlanHistory planHistory;
  private final RuntimeService runtimeService;
  private final SystemAccess systemAccess;
  private final WorkingDays workingDays;

  public ProposalRules(Staff staff, PlanHistory planHistory, RuntimeService runtimeService, SystemAccess systemAccess,
      WorkingDays workingDays, Teams teams) {
    this.staff = staff;
    this.teams = teams;
    this.planHistory = planHistory;
    this.runtimeService = runtimeService;
    this.systemAccess = systemAccess;
    this.workingDays = workingDays;
  }

  /** Field by field: every problem at once, so the caller can fix them in one go. */
  public List<FieldProblem> fieldProblems(Proposal proposal) {
    List<FieldProblem> problems = new ArrayList<>();
    FieldChecks.childRef(proposal.childRef(), problems);
    LocalDate strategyDiscussion = FieldChecks.date(proposal.strategyDiscussionDate(), "strategyDiscussionDate", problems);
    FieldChecks.refuseFuture(strategyDiscussion, "strategyDiscussionDate", workingDays.today(),
        "propose the conference once the strategy discussion has decided on it", problems);
    if (!CategoryOfAbuse.isCode(proposal.categoryOfAbuse())) {
      problems.add(new FieldProblem("categoryOfAbuse", "code-list",
          "categoryOfAbuse must be a CIN census code: NEG, PHY, SAB, EMO or MUL."));
    }
    if (proposal.concernsSummary() == null || proposal.concernsSummary().isBlank()) {
      problems.add(new FieldProblem("concernsSummary", "required",
          "concernsSummary is required: say briefly what the strategy discussion was about."));
    } else if (proposal.concernsSummary().length() > SUMMARY_MAX_LENGTH) {
      problems.add(new FieldProblem("concernsSummary", "max-length",
          "concernsSummary must be at most " + SUMMARY_MAX_LENGTH + " characters."));
    }
    earlierPlanProblems(proposal, problems);
    // The child's social worker proposes the conference, from their team (the proposal belongs to it).
    int problemsBefore = problems.size();
    staff.check(proposal.proposedBy(), "proposedBy", Role.SOCIAL_WORKERS, problems);
    if (problems.size() == problemsBefore) {
      teams.checkHasOneTeam(proposal.proposedBy(), "proposedBy", problems);
    }
    return problems;
  }

  /**
   * An earlier plan held by another local authority: all three fields or none, the authority named, the dates in
   * order (a plan does not start and end on the same day) and in the past.
   */
  private void earlierPlanProblems(Proposal proposal, List<FieldProblem> problems) {
    if (!proposal.declaresEarlierPlan()) {
      return;
    }
    String authority = proposal.earlierPlanAuthority();
    if (authority == null || authority.isBlank()) {
      problems.add(new FieldProblem("earlierPlanAuthority", "required",
          "earlierPlanAuthority is required with an earlier plan: the local authority that held it."));
    } else if (authority.length() > AUTHORITY_MAX_LENGTH) {
      problems.add(new FieldProblem("earlierPlanAuthority", "max-length",
          "earlierPlanAuthority must be at most " + AUTHORITY_MAX_LENGTH + " characters."));
    }
    LocalDate start = FieldChecks.date(proposal.earlierPlanStart(), "earlierPlanStart", problems);
    LocalDate end = FieldChecks.date(proposal.earlierPlanEnd(), "earlierPlanEnd", problems);
    LocalDate today = workingDays.today();
    if (start != null && !start.isBefore(today)) {
      problems.add(new FieldProblem("earlierPlanStart", "in-the-past", "earlierPlanStart must be in the past: the earlier plan has ended."));
    }
    if (end != null && !end.isBefore(today)) {
      problems.add(new FieldProblem("earlierPlanEnd", "in-the-past", "earlierPlanEnd must be in the past: the earlier plan has ended."));
    }
    if (start != null && end != null && !start.isBefore(end)) {
      problems.add(new FieldProblem("earlierPlanEnd", "after-start",
          "earlierPlanEnd must be after earlierPlanStart: a plan ends after it starts, and not on the same day."));
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
    return RunningInstances.of(systemAccess, runtimeService, RepeatIcpcVariables.PROCESS_KEY, childRef, exceptInstanceId);
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
