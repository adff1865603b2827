package org.safeguardingworkflows.repeaticpc;

import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.safeguardingworkflows.deployments.CorrelatesMessageWith;
import org.safeguardingworkflows.deployments.StartsProcessWith;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.teams.ChildAccess;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals for a repeat ICPC as a case management system sees them: propose one after a strategy discussion,
 * read where it stands, record the conference's outcome. Each refusal is an {@link ApiProblem} raised before
 * anything is stored or started.
 */
// The variables Proposal.toVariables() starts every proposal with (the earlier plan elsewhere only when declared),
// and those every recorded conference outcome sends.
@StartsProcessWith(process = PROCESS_KEY, variables = {"childRef", "strategyDiscussionDate", "categoryOfAbuse", "concernsSummary", "proposedBy"})
// What a process proposing a repeat conference must send (platform/StartLinkedProcess, with the proposing event's
// input mappings), as the proposal's own start does.
@CorrelatesMessageWith(message = RepeatIcpcVariables.MESSAGE_PROPOSED, variables = {"childRef", "originProcessInstanceId", "originProcessKey", "strategyDiscussionDate", "categoryOfAbuse", "concernsSummary", "proposedBy"})
@CorrelatesMessageWith(message = MESSAGE_CONFERENCE_OUTCOME, variables = {"planMade", "planStartDate", "outcomeRecordedBy"})
@Service
public class RepeatIcpcProposals {

  /** What the API answers when a proposal starts. */
  public record Started(String childRef, String processInstanceId, LocalDate icpcDeadline, LocalDate discussionDeadline,
      Integer previousPlans, Boolean withinTwoYears) {}

  /** Roles that record any conference's outcome: senior managers and those who arrange the conferences. */
  static final List<Role> OUTCOME_RECORDERS = List.of(Role.SENIOR_MANAGERS, Role.CONFERENCE_COORDINATORS, Role.ADMINS);

  static final String SUBPROCESS_DISCUSSION = Elements.FOUR_PARTY_DISCUSSION;
  static final String TASK_RECORD_OVERRIDE = Elements.RECORD_DEADLINE_OVERRIDE;
  static final String EVENT_CONFERENCE_OUTCOME = Elements.CONFERENCE_OUTCOME_RECORDED;

  private final ProposalRules rules;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final SystemAccess systemAccess;
  private final PlanHistory planHistory;
  private final ChildAccess childAccess;

  public RepeatIcpcProposals(ProposalRules rules, RuntimeService runtimeService, HistoryService historyService,
      IdentityService identityService, SystemAccess systemAccess, PlanHistory planHistory, ChildAccess childAccess) {
    this.rules = rules;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.childAccess = childAccess;
    this.systemAccess = systemAccess;
    this.planHistory = planHistory;
  }

  /** Starts the discussion as the calling user (who needs the right to start it); 400, 409 or 422 otherwise. */
  @Transactional
  public Started propose(Proposal proposal) {
    List<FieldProblem> problems = rules.fieldProblems(proposal);
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    if (rules.openProposal(proposal.childRef(), null).isPresent()) {
      throw ApiProblem.conflict("Child " + proposal.childRef() + " already has a proposal for a repeat conference under discussion.");
    }
    rules.notARepeat(proposal).ifPresent(problem -> {
      throw ApiProblem.unprocessable("This is not a repeat initial child protection conference; nothing was started.", List.of(problem));
    });
    rules.earlierPlanOverlap(proposal).ifPresent(problem -> {
      throw ApiProblem.unprocessable("The earlier plan held by another authority overlaps a plan on record; nothing was started.",
          List.of(problem));
    });
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(proposal.childRef())
        .setVariables(proposal.toVariables())
        .execute();
    Map<String, Object> variables = systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () -> runtimeService.getVariables(instance.getId(),
        List.of(ICPC_DEADLINE.name(), DISCUSSION_DEADLINE.name(), NUMBER_OF_PREVIOUS_PLANS.name(), WITHIN_TWO_YEARS.name())));
    return new Started(proposal.childRef(), instance.getId(), ICPC_DEADLINE.from(variables),
        DISCUSSION_DEADLINE.from(variables), NUMBER_OF_PREVIOUS_PLANS.from(variables), WITHIN_TWO_YEARS.from(variables));
  }

  /** The child's open proposal, or else the latest one; 404 when the child has none the caller may see. */
  public ProposalView view(String childRef) {
    HistoricProcessInstance instance = systemAccess.call(Reason.FIND_BEFORE_VISIBILITY, () -> latestProposal(childRef)).orElseThrow(() -> noProposal(childRef));
    Map<String, Object> variables = systemAccess.call(Reason.FIND_BEFORE_VISIBILITY, () -> variables(instance.getId()));
    if (!callerMaySee(instance.getId(), variables)) {
      throw noProposal(childRef);
    }
    return systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () -> {
      String id = instance.getId();
      List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
          .orderPartiallyByOccurrence().asc().list();
      List<String> stage = activities.stream()
          .filter(activity -> activity.getEndTime() == null)
          .filter(activity -> List.of("userTask", "subProcess", "intermediateMessageCatch").contains(activity.getActivityType()))
          .map(HistoricActivityInstance::getActivityName)
          .distinct()
          .toList();
      // Read from the engine's history, not from variables a form could have set.
      Map<String, ProposalView.ViewStatus> views = views(activities, variables);
      boolean complete = views.values().stream().allMatch(ProposalView.ViewStatus::recorded);
      boolean overridden = activities.stream().anyMatch(activity -> TASK_RECORD_OVERRIDE.equals(activity.getActivityId()));
      return new ProposalView(childRef, id, instance.getEndTime() == null ? ProposalView.IN_PROGRESS : ProposalView.CLOSED, stage,
          STRATEGY_DISCUSSION_DATE.from(variables), CATEGORY_OF_ABUSE.from(variables),
          PROPOSED_BY.from(variables), ICPC_DEADLINE.from(variables), DISCUSSION_DEADLINE.from(variables),
          NUMBER_OF_PREVIOUS_PLANS.from(variables), WITHIN_TWO_YEARS.from(variables),
          LAST_PLAN_END_DATE.from(variables), PREVIOUS_IRO.from(variables), views,
          complete, overridden,
          overridden ? OVERRIDE_BY.from(variables) : null, overridden ? OVERRIDE_REASONS.from(variables) : null,
          DECISION.from(variables), DECISION_BY.from(variables), DECISION_REASONS.from(variables),
          CONFERENCE_DATE.from(variables), CHAIR.from(variables), PREVIOUS_IRO_CHAIRS.from(variables),
          PLAN_MADE.from(variables), PLAN_START_DATE.from(variables),
          ORIGIN_PROCESS_INSTANCE_ID.from(variables), LEGAL_PLANNING_REQUESTED_INSTANCE_ID.from(variables),
          EARLIER_PLAN_AUTHORITY.from(variables), EARLIER_PLAN_START.from(variables),
          EARLIER_PLAN_END.from(variables));
    });
  }

  /** The ICPC has been held: records whether it made a plan; 400, 404, 409 (not scheduled yet) or 422 otherwise. */
  @Transactional
  public void recordConferenceOutcome(String childRef, Boolean planMade, String planStartDate) {
    // The fields' own rules are RepeatIcpcApi.ConferenceOutcome's constraints; this one joins two of them.
    if (planMade && (planStartDate == null || planStartDate.isBlank())) {
      throw ApiProblem.invalid(List.of(
          new FieldProblem("planStartDate", "required", "planStartDate is required when a plan was made.")));
    }
    LocalDate start = planMade ? LocalDate.parse(planStartDate) : null;
    HistoricProcessInstance proposal = systemAccess.call(Reason.FIND_BEFORE_VISIBILITY, () -> latestProposal(childRef)).orElseThrow(() -> noProposal(childRef));
    Map<String, Object> variables = systemAccess.call(Reason.FIND_BEFORE_VISIBILITY, () -> variables(proposal.getId()));
    if (!callerMayRecordOutcome(proposal.getId(), variables)) {
      if (callerMaySee(proposal.getId(), variables)) {
        throw ApiProblem.forbidden("Only a conference coordinator, a manager or the conference's chair records its outcome.");
      }
      throw noProposal(childRef);
    }
    boolean awaitingOutcome = proposal.getEndTime() == null && systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () -> runtimeService.createEventSubscriptionQuery()
        .processInstanceId(proposal.getId())
        .activityId(EVENT_CONFERENCE_OUTCOME)
        .count() > 0);
    if (!awaitingOutcome) {
      throw ApiProblem.conflict("No conference is awaiting an outcome for child " + childRef
          + ": the ICPC has not been scheduled, or its outcome is already recorded.");
    }
    if (planMade) {
      LocalDate planStart = start;
      LocalDate strategyDiscussion = STRATEGY_DISCUSSION_DATE.from(variables);
      if (strategyDiscussion != null && planStart.isBefore(strategyDiscussion)) {
        throw ApiProblem.invalid(List.of(new FieldProblem("planStartDate", "not-before-strategy-discussion",
            "planStartDate cannot be before the strategy discussion of " + strategyDiscussion + ".")));
      }
      planHistory.planStartingOn(childRef, planStart).or(() -> planHistory.overlappingPlan(childRef, planStart, null)).ifPresent(other -> {
        throw ApiProblem.unprocessable("The new plan would overlap another recorded plan of this child; a child's plans never overlap.",
            List.of(new FieldProblem("planStartDate", "plans-do-not-overlap", "The child has a recorded plan from "
                + other.planStart() + (other.planEnd() == null ? " that is still open" : " to " + other.planEnd()) + ".")));
      });
    }
    Map<String, Object> outcome = new HashMap<>();
    PLAN_MADE.putIn(outcome, planMade);
    PLAN_START_DATE.putIn(outcome, planMade ? start : null);
    Authentication caller = identityService.getCurrentAuthentication();
    OUTCOME_RECORDED_BY.putIn(outcome, caller == null ? null : caller.getUserId());
    systemAccess.run(Reason.MESSAGE_THE_CHILDS_PROCESS, () -> runtimeService.createMessageCorrelation(MESSAGE_CONFERENCE_OUTCOME)
        .processInstanceId(proposal.getId())
        .setVariables(outcome)
        .correlateWithResult());
  }

  private static ApiProblem noProposal(String childRef) {
    return ApiProblem.notFound("Child " + childRef + " has no proposal for a repeat conference.");
  }

  /**
   * Who sees a proposal ({@link ChildAccess}): senior managers and process owners every one, the child's team its
   * children's, the social worker who proposed it and the conference's chair theirs, anyone else only a proposal with a
   * task of theirs on it. A proposal the caller may not see is answered as if it did not exist; without a caller there
   * is nothing to see.
   */
  private boolean callerMaySee(String instanceId, Map<String, Object> variables) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return false;
    }
    return caller.getUserId().equals(PROPOSED_BY.from(variables)) || caller.getUserId().equals(CHAIR.from(variables))
        || childAccess.callerMaySee(instanceId);
  }

  /** Coordinators, senior managers and the chair record any outcome they are asked for; a team manager their team's. */
  private boolean callerMayRecordOutcome(String instanceId, Map<String, Object> variables) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return false;
    }
    return inAnyRole(caller, OUTCOME_RECORDERS) || caller.getUserId().equals(CHAIR.from(variables))
        || (inAnyRole(caller, List.of(Role.TEAM_MANAGERS)) && childAccess.callerMaySee(instanceId));
  }

  private static boolean inAnyRole(Authentication caller, List<Role> roles) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return roles.stream().anyMatch(role -> groups.contains(role.groupId()));
  }

  private Optional<HistoricProcessInstance> latestProposal(String childRef) {
    return historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(childRef)
        .list().stream()
        .max(Comparator.comparing((HistoricProcessInstance instance) -> instance.getEndTime() == null)
            .thenComparing(HistoricProcessInstance::getStartTime));
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .disableCustomObjectDeserialization()
        .list().stream()
        .filter(variable -> processInstanceId.equals(variable.getActivityInstanceId()))
        .sorted(Comparator.comparing(HistoricVariableInstance::getCreateTime))
        .forEach(variable -> values.put(variable.getName(), plain(variable.getTypedValue())));
    return values;
  }

  /** Which views the latest four-party discussion recorded: its view tasks that were completed, not cancelled. */
  private static Map<String, ProposalView.ViewStatus> views(List<HistoricActivityInstance> activities, Map<String, Object> variables) {
    String discussion = activities.stream()
        .filter(activity -> SUBPROCESS_DISCUSSION.equals(activity.getActivityId()))
        .reduce((first, second) -> second)
        .map(HistoricActivityInstance::getId)
        .orElse(null);
    Map<String, ProposalView.ViewStatus> views = new LinkedHashMap<>();
    for (FourPartyView view : FourPartyView.values()) {
      boolean recorded = discussion != null && activities.stream().anyMatch(activity -> view.taskKey().equals(activity.getActivityId())
          && discussion.equals(activity.getParentActivityInstanceId()) && activity.getEndTime() != null && !activity.isCanceled());
      views.put(view.apiKey(), recorded
          ? new ProposalView.ViewStatus(true, view.viewByVariable().from(variables),
              view.thresholdVariable().from(variables), view.frameworkVariable().from(variables))
          : new ProposalView.ViewStatus(false, null, null, null));
    }
    return views;
  }

  private static Object plain(TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value instanceof ObjectValue object && !object.isDeserialized()) {
      return object.getValueSerialized();
    }
    Object plain = value.getValue();
    return plain instanceof SpinJsonNode json ? json.toString() : plain;
  }
}
