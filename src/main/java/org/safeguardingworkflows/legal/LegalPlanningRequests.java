package org.safeguardingworkflows.legal;

import static org.safeguardingworkflows.legal.LegalPlanningVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.deployments.CorrelatesMessageWith;
import org.safeguardingworkflows.deployments.StartsProcessWith;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.tasks.JourneyProgress;
import org.safeguardingworkflows.tasks.OpenTask;
import org.safeguardingworkflows.teams.ChildAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal planning recommendations as a case management system sees them: make one, read where it stands. Each
 * refusal is an {@link ApiProblem} raised before anything is started.
 */
// The variables LegalPlanningRequest.toVariables() starts every recommendation with.
// What a process recommending legal planning sends (platform/StartLinkedProcess); RecordLegalPlanningRequest
// records the rest from the recommending event's input mappings.
@CorrelatesMessageWith(message = LegalPlanningVariables.MESSAGE_LEGAL_PLANNING_REQUESTED, variables = {"childRef", "originProcessInstanceId", "originProcessKey"})
@StartsProcessWith(process = PROCESS_KEY, variables = {"childRef", "reason", "recommendedBy", "origin", "allocatedWorker", "meetingNeededBy"})
@Service
public class LegalPlanningRequests {

  private static final Set<String> END_TYPES = Set.of("noneEndEvent", "terminateEndEvent");

  private final LegalPlanningRules rules;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final SystemAccess systemAccess;
  private final JourneyProgress journeyProgress;
  private final ChildAccess childAccess;

  public LegalPlanningRequests(LegalPlanningRules rules, RuntimeService runtimeService, HistoryService historyService,
      SystemAccess systemAccess, JourneyProgress journeyProgress, ChildAccess childAccess) {
    this.childAccess = childAccess;
    this.rules = rules;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.systemAccess = systemAccess;
    this.journeyProgress = journeyProgress;
  }

  /** Starts legal planning as the calling user (who needs the right to start it); 400 or 409 otherwise. */
  @Transactional
  public ProcessInstance start(LegalPlanningRequest request) {
    List<FieldProblem> problems = rules.fieldProblems(request);
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    if (rules.openRequest(request.childRef(), null).isPresent()) {
      throw ApiProblem.conflict("Child " + request.childRef()
          + " already has a legal planning recommendation open; it must be decided before another is made.");
    }
    return runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(request.childRef())
        .setVariables(request.toVariables())
        .execute();
  }

  /**
   * The child's open recommendation, or else the most recent one with its outcome; 404 if there has been none, or
   * none the caller may see ({@link ChildAccess}: the child's team, a task of theirs on it, or a role that reads all).
   */
  public LegalPlanningView view(String childRef) {
    String openId = rules.openRequest(childRef, null).orElse(null);
    if (openId != null) {
      requireCallerMaySee(childRef, openId);
      return systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () -> openView(childRef, openId));
    }
    HistoricProcessInstance ended = systemAccess.call(Reason.FIND_BEFORE_VISIBILITY, () -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(childRef).finished()
        .orderByProcessInstanceStartTime().desc().list().stream().findFirst())
        .orElseThrow(() -> noRecommendation(childRef));
    requireCallerMaySee(childRef, ended.getId());
    return systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () -> endedView(childRef, ended));
  }

  private void requireCallerMaySee(String childRef, String instanceId) {
    if (!childAccess.callerMaySee(instanceId)) {
      throw noRecommendation(childRef);
    }
  }

  private static ApiProblem noRecommendation(String childRef) {
    return ApiProblem.notFound("Child " + childRef + " has no legal planning recommendation.");
  }

  private LegalPlanningView openView(String childRef, String instanceId) {
    Map<String, Object> variables = runtimeService.getVariables(instanceId);
    List<OpenTask> tasks = journeyProgress.openTasks(instanceId);
    List<String> stage = journeyProgress.stage(instanceId);
    return view(childRef, instanceId, LegalPlanningView.OPEN, stage, variables, tasks);
  }

  private LegalPlanningView endedView(String childRef, HistoricProcessInstance instance) {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      // Process-level variables only: values local to a handover are not the recommendation's record.
      if (instance.getId().equals(variable.getActivityInstanceId())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    List<String> stage = historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .finished().list().stream()
        .filter(activity -> END_TYPES.contains(activity.getActivityType()))
        .filter(activity -> instance.getId().equals(activity.getParentActivityInstanceId()))
        .map(HistoricActivityInstance::getActivityName)
        .toList();
    return view(childRef, instance.getId(), LegalPlanningView.ENDED, stage, variables, List.of());
  }

  private static LegalPlanningView view(String childRef, String instanceId, String status, List<String> stage,
      Map<String, Object> variables, List<OpenTask> tasks) {
    return new LegalPlanningView(childRef, instanceId, status, stage,
        ORIGIN.from(variables), REASON.from(variables), RECOMMENDED_BY.from(variables),
        ORIGIN_PROCESS_INSTANCE_ID.from(variables), ORIGIN_PROCESS_KEY.from(variables), ALLOCATED_WORKER.from(variables),
        new LegalPlanningView.Deadlines(REQUESTED_DATE.from(variables), MEETING_DUE_DATE.from(variables),
            PLO_START_DATE.from(variables), PLO_DECISION_DUE_DATE.from(variables), PLO_END_DATE.from(variables),
            PLAN_REVIEW_DATE.from(variables)),
        new LegalPlanningView.Outcome(LEGAL_PLANNING_OUTCOME.from(variables), PLO_DECISION.from(variables),
            APPLICATION_DATE.from(variables), PLAN_REVIEW_DECISION.from(variables)),
        tasks);
  }
}
