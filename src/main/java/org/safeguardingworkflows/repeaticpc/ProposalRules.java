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
    // The child's social worker proposes the conference, from their team (the proposal belongs to it).
    int problemsBefore = problems.size();
    staff.check(proposal.proposedBy(), "proposedBy", Role.SOCIAL_WORKERS, problems);
    if (problems.size() == problemsBefore) {
      teams.checkHasOneTeam(proposal.proposedBy(), "proposedBy", problems);
    }
    return problems;
  }

  /** The proposal open for this child, if any: a child has at most one at a time. */
  public Optional<String> openProposal(String childRef, String exceptInstanceId) {
    return RunningInstances.of(systemAccess, runtimeService, RepeatIcpcVariables.PROCESS_KEY, childRef, exceptInstanceId);
  }

  /**
   * Why this child's proposal is not a repeat ICPC, if it is not: the child has no ended CP plan on record, or is
   * subject to a plan now (that plan is reviewed at a review conference, not an initial one).
   */
  public Optional<FieldProblem> notARepeat(String childRef) {
    List<CpPlan> plans = planHistory.plansOf(childRef);
    Optional<CpPlan> open = plans.stream().filter(CpPlan::isOpen).findFirst();
    if (open.isPresent()) {
      return Optional.of(new FieldProblem("childRef", "no-open-plan",
          "The child has had a child protection plan since " + open.get().planStart()
              + " that has not ended: it is reviewed at a review conference, not an initial one."));
    }
    if (plans.isEmpty()) {
      return Optional.of(new FieldProblem("childRef", "previous-plan-required",
          "The child has no previous child protection plan on record, so this is not a repeat conference."));
    }
    return Optional.empty();
  }
}
