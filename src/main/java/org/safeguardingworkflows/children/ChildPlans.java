package org.safeguardingworkflows.children;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.safeguardingworkflows.deployments.CorrelatesMessageWith;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.security.CallerRoles;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.teams.Teams;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A child's child protection plans as they are made and ended. A plan is recorded when a conference makes it (first
 * plans too: a plan recorded only when it ended left recent repeat rates counting repeat plans against too few
 * first plans), and ended by the step-down journey that follows it, or here when no step-down follows (the child
 * became looked after, moved away, turned 18, died). A new plan for a child in a step-down journey ends that journey:
 * difficulties re-emerged.
 */
@CorrelatesMessageWith(message = ChildPlans.MESSAGE_NEW_PLAN_MADE, variables = {"newPlanStartDate"})
@Service
public class ChildPlans {

  /** Why a plan ended when no step-down journey follows it. */
  public enum EndReason {
    /** A review conference ended the plan and no step-down journey follows (the step-down API ends it otherwise). */
    REVIEW_CONFERENCE,
    BECAME_LOOKED_AFTER,
    MOVED_TO_ANOTHER_AUTHORITY,
    TURNED_18,
    DIED;

    static boolean isName(String value) {
      return value != null && EnumSet.allOf(EndReason.class).stream().anyMatch(reason -> reason.name().equals(value));
    }
  }

  /** The message that ends a running step-down journey when the child has a new plan. */
  public static final String MESSAGE_NEW_PLAN_MADE = StepDownVariables.MESSAGE_NEW_PLAN_MADE;

  /** Who records the conferences' decisions: the social work staff, the IROs who chair, and administrators. */
  static final Set<Role> PLAN_RECORDERS = EnumSet.of(Role.SOCIAL_WORKERS, Role.TEAM_MANAGERS, Role.SENIOR_MANAGERS,
      Role.IROS, Role.ADMINS);

  private final PlanHistory planHistory;
  private final ChildRecord record;
  private final ChildVisibility visibility;
  private final CallerRoles callerRoles;
  private final Teams teams;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final SystemAccess systemAccess;

  public ChildPlans(PlanHistory planHistory, ChildRecord record, ChildVisibility visibility, CallerRoles callerRoles,
      Teams teams, RuntimeService runtimeService, IdentityService identityService, SystemAccess systemAccess) {
    this.planHistory = planHistory;
    this.record = record;
    this.visibility = visibility;
    this.callerRoles = callerRoles;
    this.teams = teams;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.systemAccess = systemAccess;
  }

  /**
   * An initial (or transfer-in) conference made a plan, its fields checked by {@code ChildrenApi.PlanMade}'s
   * constraints: 404 a child the caller may not see, 422 overlap.
   */
  @Transactional
  public CpPlan start(String childRef, String planStartDate, String categoryOfAbuse, String iro) {
    callerRoles.require(PLAN_RECORDERS, "record a child protection plan");
    LocalDate start = LocalDate.parse(planStartDate);
    planHistory.lockChild(childRef);
    requireVisibleOrNew(childRef);
    planHistory.overlappingPlan(childRef, start, null).ifPresent(other -> {
      throw ApiProblem.unprocessable("The plan overlaps another recorded plan of this child; a child's plans never overlap.",
          List.of(new FieldProblem("planStartDate", other.isOpen() ? "one-open-plan" : "plans-do-not-overlap",
              "The child has a recorded plan from " + other.planStart()
                  + (other.isOpen() ? " that is still open: end it first." : " to " + other.planEnd() + "."))));
    });
    if (planHistory.planStartingOn(childRef, start).isPresent()) {
      throw ApiProblem.conflict("Child " + childRef + "'s plan starting " + start + " is already recorded.");
    }
    if (record.allocation(childRef).map(ChildRecord.Allocation::team).isEmpty()) {
      callerId().flatMap(teams::onlyTeamOf).ifPresent(team -> record.assignTeam(childRef, team));
    }
    return planMade(childRef, start, categoryOfAbuse, iro, callerId().orElse(null), null, null);
  }

  /**
   * A conference made a plan (the API, or a repeat conference's outcome recorded on its proposal): the plan joins the
   * history, open; the IRO holds the child; the chronology says so; and a step-down journey of the child ends, since
   * difficulties re-emerged. The caller has checked the plan against the history, under the child's lock, in this
   * transaction.
   */
  public CpPlan planMade(String childRef, LocalDate start, String categoryOfAbuse, String iro, String who,
      String processKey, String processInstanceId) {
    planHistory.insert(new CpPlan(null, childRef, start, null, categoryOfAbuse, categoryOfAbuse, iro, null, null, null,
        CpPlan.Source.PROCESS));
    if (iro != null) {
      record.allocate(childRef, ChildRole.IRO, iro);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("planStartDate", start.toString());
    details.put("categoryOfAbuse", categoryOfAbuse);
    details.put("iro", iro);
    record.record(ChildEvent.of(childRef, start, ChildEvent.Kind.PLAN_STARTED, who, processKey, processInstanceId, details));
    // Difficulties re-emerged: the step-down journey after the previous plan (the only process listening) ends,
    // saying after how long.
    systemAccess.run(Reason.MESSAGE_THE_CHILDS_PROCESS, () -> runtimeService.createMessageCorrelation(MESSAGE_NEW_PLAN_MADE)
        .processInstanceBusinessKey(childRef)
        .setVariablesLocal(ProcessVariable.values(StepDownVariables.NEW_PLAN_START_DATE.with(start)))
        .correlateAllWithResult());
    return planHistory.planStartingOn(childRef, start).orElseThrow();
  }

  /**
   * The API: a plan ends without a step-down journey, its fields checked by {@code ChildrenApi.PlanEnd}'s constraints.
   * 400 an end before the plan's start, 404 no such child or no open plan.
   */
  @Transactional
  public CpPlan endCurrent(String childRef, String planEndDate, String reason) {
    callerRoles.require(PLAN_RECORDERS, "end a child protection plan");
    LocalDate end = LocalDate.parse(planEndDate);
    planHistory.lockChild(childRef);
    if (!visibility.callerMaySee(childRef)) {
      throw ApiProblem.notFound("Child " + childRef + " has no open child protection plan.");
    }
    CpPlan open = openPlan(childRef)
        .orElseThrow(() -> ApiProblem.notFound("Child " + childRef + " has no open child protection plan."));
    if (end.isBefore(open.planStart())) {
      throw ApiProblem.invalid(List.of(new FieldProblem("planEndDate", "not-before-start",
          "planEndDate cannot be before the plan's start (" + open.planStart() + ").")));
    }
    return endCurrentPlan(childRef, end, reason).orElseThrow();
  }

  /**
   * Ends the child's open plan, if there is one, on that day and for that reason (a life event ends it whatever
   * else is running; the caller has checked who may ask). In the caller's transaction.
   */
  public Optional<CpPlan> endCurrentPlan(String childRef, LocalDate end, String reason) {
    planHistory.lockChild(childRef);
    Optional<CpPlan> open = openPlan(childRef);
    open.ifPresent(plan -> {
      planHistory.recordEnd(plan.id(), end.isBefore(plan.planStart()) ? plan.planStart() : end, plan.latestCategory(),
          null, null);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("planStartDate", plan.planStart().toString());
      details.put("planEndDate", end.toString());
      details.put("reason", reason);
      record.record(ChildEvent.of(childRef, end, ChildEvent.Kind.PLAN_ENDED, callerId().orElse(null), null, null, details));
    });
    return open.flatMap(plan -> planHistory.planStartingOn(childRef, plan.planStart()));
  }

  /**
   * The step-down journey's first step ended the plan (or recorded it, started and ended, when no conference recorded
   * its start): the chronology says so, as it does for plans ended here.
   */
  public void recordedByStepDown(CpPlan plan, boolean startRecordedBefore, String destination, String who) {
    if (!startRecordedBefore) {
      Map<String, Object> started = new LinkedHashMap<>();
      started.put("planStartDate", plan.planStart().toString());
      started.put("categoryOfAbuse", plan.initialCategory());
      started.put("iro", plan.iro());
      record.record(ChildEvent.of(plan.childRef(), plan.planStart(), ChildEvent.Kind.PLAN_STARTED, who, null, null, started));
    }
    Map<String, Object> ended = new LinkedHashMap<>();
    ended.put("planStartDate", plan.planStart().toString());
    ended.put("planEndDate", plan.planEnd().toString());
    ended.put("categoryOfAbuse", plan.latestCategory());
    ended.put("reason", "STEP_DOWN");
    ended.put("destination", destination);
    record.record(ChildEvent.of(plan.childRef(), plan.planEnd(), ChildEvent.Kind.PLAN_ENDED, who, STEP_DOWN_KEY,
        plan.stepDownInstanceId(), ended));
  }

  private static final String STEP_DOWN_KEY = StepDownVariables.PROCESS_KEY;

  public Optional<CpPlan> openPlan(String childRef) {
    return planHistory.plansOf(childRef).stream().filter(CpPlan::isOpen).findFirst();
  }

  /** A child the caller may not see is not there; a child nobody has recorded yet may be recorded by any recorder. */
  private void requireVisibleOrNew(String childRef) {
    if (visibility.isKnown(childRef) && !visibility.callerMaySee(childRef)) {
      throw ApiProblem.notFound("Child " + childRef + " is not known.");
    }
  }

  private Optional<String> callerId() {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller == null ? Optional.empty() : Optional.ofNullable(caller.getUserId());
  }
}
