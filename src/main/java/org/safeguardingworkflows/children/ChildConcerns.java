package org.safeguardingworkflows.children;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.deployments.CorrelatesMessageWith;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.teams.Teams;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A concern about a child, whatever is running: during a step-down journey it opens that journey's contingency review
 * (the journey's {@code ConcernReported} message); otherwise it starts a concern review ({@code concernReview}), which
 * is a re-referral review for the team manager within a year after a step-down journey ended, else a review for the
 * team. Each refusal is an {@link ApiProblem} raised before anything changes.
 */
@CorrelatesMessageWith(message = ConcernReviewVariables.MESSAGE_CONCERN_RAISED, variables = {"childRef", "concernKind", "concernSummary", "raisedBy", "allocatedWorker", "teamManager", "iro"})
@CorrelatesMessageWith(message = StepDownVariables.MESSAGE_CONCERN_REPORTED, variables = {"concernKind", "concernSummary"})
@Service
public class ChildConcerns {

  /** What a concern can be. */
  public enum ConcernKind { DISENGAGEMENT, RECURRENCE, NEW_REFERRAL, CONSENT_WITHDRAWN }

  /** What the concern opened, in which process. */
  public record Opened(String childRef, String opened, String processKey, String processInstanceId) {}

  public static final int SUMMARY_MAX_LENGTH = 2000;

  private final ChildProcesses processes;
  private final ChildRecord childRecord;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final SystemAccess systemAccess;
  private final Teams teams;

  public ChildConcerns(ChildProcesses processes, ChildRecord childRecord, RuntimeService runtimeService,
      IdentityService identityService, SystemAccess systemAccess, Teams teams) {
    this.processes = processes;
    this.childRecord = childRecord;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.systemAccess = systemAccess;
    this.teams = teams;
  }

  @Transactional
  public Opened raise(String childRef, String kind, String summary) {
    // The fields are checked by ChildActionsApi.ConcernReport's constraints.
    Optional<String> journey = processes.runningOf(childRef, StepDownVariables.PROCESS_KEY);
    if (journey.isPresent()) {
      processes.requireVisible(childRef, notFound(childRef));
      return duringStepDown(childRef, journey.get(), kind, summary);
    }
    boolean known = processes.isKnown(childRef);
    if (known) {
      processes.requireVisible(childRef, notFound(childRef));
    }
    Optional<ChildRecord.Allocation> allocation = childRecord.allocation(childRef);
    Authentication caller = identityService.getCurrentAuthentication();
    boolean hasTeam = allocation.map(ChildRecord.Allocation::team).isPresent()
        || allocation.map(ChildRecord.Allocation::allocatedWorker).flatMap(teams::onlyTeamOf).isPresent()
        || teams.onlyTeamOf(caller.getUserId()).isPresent();
    if (!hasTeam) {
      throw ApiProblem.unprocessable("The child has no team yet, so nobody would review the concern.",
          List.of(new FieldProblem("childRef", "child-has-a-team",
              "Raise the concern as a member of the team that will work with the child.")));
    }
    Map<String, Object> variables = new HashMap<>();
    ConcernReviewVariables.CHILD_REF.putIn(variables, childRef);
    ConcernReviewVariables.CONCERN_KIND.putIn(variables, kind);
    ConcernReviewVariables.CONCERN_SUMMARY.putIn(variables, summary);
    ConcernReviewVariables.RAISED_BY.putIn(variables, caller.getUserId());
    ConcernReviewVariables.ALLOCATED_WORKER.putIn(variables, allocation.map(ChildRecord.Allocation::allocatedWorker).orElse(null));
    ConcernReviewVariables.TEAM_MANAGER.putIn(variables, allocation.map(ChildRecord.Allocation::teamManager).orElse(null));
    ConcernReviewVariables.IRO.putIn(variables, allocation.map(ChildRecord.Allocation::iro).orElse(null));
    // As the caller: their right to start work for the child's team is the engine's (and the team's) to check.
    ProcessInstance review = runtimeService.createMessageCorrelation(ConcernReviewVariables.MESSAGE_CONCERN_RAISED)
        .processInstanceBusinessKey(childRef)
        .setVariables(variables)
        .correlateStartMessage();
    boolean reReferral = Boolean.TRUE.equals(systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () ->
        ConcernReviewVariables.AFTER_STEP_DOWN.read(runtimeService.getVariable(review.getId(), ConcernReviewVariables.AFTER_STEP_DOWN.name()))));
    return new Opened(childRef, reReferral ? "re-referral review" : "concern review", ConcernReviewVariables.PROCESS_KEY,
        review.getId());
  }

  /**
   * The running step-down journey's contingency review: the journey records the concern itself, with the rest of its
   * story. The caller's right to see the journey has been checked.
   */
  public Opened duringStepDown(String childRef, String journeyId, String kind, String summary) {
    systemAccess.run(Reason.MESSAGE_THE_CHILDS_PROCESS, () -> runtimeService.createMessageCorrelation(StepDownVariables.MESSAGE_CONCERN_REPORTED)
        .processInstanceId(journeyId)
        .setVariablesLocal(ProcessVariable.values(StepDownVariables.CONCERN_KIND.with(kind), StepDownVariables.CONCERN_SUMMARY.with(summary)))
        .correlateWithResult());
    return new Opened(childRef, "contingency review", StepDownVariables.PROCESS_KEY, journeyId);
  }

  private static String notFound(String childRef) {
    return "Child " + childRef + " is not known to you.";
  }
}
