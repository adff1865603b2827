package org.safeguardingworkflows.children;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.teams.ChildAccess;
import org.springframework.stereotype.Component;

/**
 * What the child-level actions need to know about a child, whoever asks: the child's running processes, its open
 * plan, and whether the caller may see the child at all. A caller sees a child when they read every journey, when the
 * child's team (as the record has it) is theirs, or when they may see one of the child's processes, running or ended
 * ({@link ChildAccess}). A child the caller may not see is answered as if it did not exist (404).
 */
@Component
public class ChildProcesses {

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final SystemAccess systemAccess;
  private final ChildAccess childAccess;
  private final ChildRecord childRecord;
  private final PlanHistory planHistory;

  public ChildProcesses(RuntimeService runtimeService, HistoryService historyService, IdentityService identityService,
      SystemAccess systemAccess, ChildAccess childAccess, ChildRecord childRecord, PlanHistory planHistory) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.systemAccess = systemAccess;
    this.childAccess = childAccess;
    this.childRecord = childRecord;
    this.planHistory = planHistory;
  }

  /** The child's running processes (every process's business key is the child's reference), whoever may see them. */
  public List<ProcessInstance> running(String childRef) {
    return systemAccess.call(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef)
        .active().list());
  }

  /** The child's running processes other than those of these process keys. */
  public List<ProcessInstance> runningExcept(String childRef, String... processKeys) {
    List<String> except = List.of(processKeys);
    return running(childRef).stream().filter(instance -> !except.contains(keyOf(instance))).toList();
  }

  public Optional<String> runningOf(String childRef, String processKey) {
    return running(childRef).stream().filter(instance -> processKey.equals(keyOf(instance))).map(ProcessInstance::getId)
        .findFirst();
  }

  public String keyOf(ProcessInstance instance) {
    // The definition id is "key:version:id".
    return instance.getProcessDefinitionId().substring(0, instance.getProcessDefinitionId().indexOf(':'));
  }

  /** The child's plan that has not ended, if any. */
  public Optional<CpPlan> openPlan(String childRef) {
    return planHistory.plansOf(childRef).stream().filter(plan -> plan.planEnd() == null).findFirst();
  }

  /** Whether the child is known here at all: in the record, in the plan history, or in a process. */
  public boolean isKnown(String childRef) {
    return childRecord.isKnown(childRef) || !planHistory.plansOf(childRef).isEmpty() || !instancesEver(childRef).isEmpty();
  }

  /** The caller may see the child (see the class comment); false without a caller. */
  public boolean callerMaySee(String childRef) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return false;
    }
    if (childAccess.readsEveryJourney(caller)) {
      return true;
    }
    String team = childRecord.allocation(childRef).map(ChildRecord.Allocation::team).orElse(null);
    if (team != null && caller.getGroupIds() != null && caller.getGroupIds().contains(team)) {
      return true;
    }
    return instancesEver(childRef).stream().anyMatch(childAccess::callerMaySee);
  }

  /** 404 unless the caller may see the child. */
  public void requireVisible(String childRef, String notFound) {
    if (!callerMaySee(childRef)) {
      throw ApiProblem.notFound(notFound);
    }
  }

  private List<String> instancesEver(String childRef) {
    return systemAccess.call(() -> historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(childRef)
        .list().stream().map(HistoricProcessInstance::getId).toList());
  }
}
