package org.safeguardingworkflows.children;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * What the child-level actions need to know about a child, whoever asks: the child's running processes, its open
 * plan, and whether the caller may see the child at all ({@link ChildVisibility}). A child the caller may not see is
 * answered as if it did not exist (404).
 */
@Component
public class ChildProcesses {

  private final RuntimeService runtimeService;
  private final SystemAccess systemAccess;
  private final ChildVisibility visibility;
  private final ChildPlans childPlans;

  public ChildProcesses(RuntimeService runtimeService, SystemAccess systemAccess, ChildVisibility visibility,
      ChildPlans childPlans) {
    this.runtimeService = runtimeService;
    this.systemAccess = systemAccess;
    this.visibility = visibility;
    this.childPlans = childPlans;
  }

  /**
   * The child's running processes (every process's business key is the child's reference), whoever may see them;
   * suspended ones included: a life event ends them too.
   */
  public List<ProcessInstance> running(String childRef) {
    return systemAccess.call(Reason.FIND_BEFORE_VISIBILITY, () -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef)
        .list());
  }

  /** The child's running processes other than those of these process keys. */
  public List<ProcessInstance> runningExcept(String childRef, String... processKeys) {
    List<String> except = List.of(processKeys);
    return running(childRef).stream().filter(instance -> !except.contains(keyOf(instance))).toList();
  }

  /** The child's running, not suspended, process of this key, if any. */
  public Optional<String> runningOf(String childRef, String processKey) {
    return running(childRef).stream().filter(instance -> !instance.isSuspended() && processKey.equals(keyOf(instance)))
        .map(ProcessInstance::getId).findFirst();
  }

  public String keyOf(ProcessInstance instance) {
    // The definition id is "key:version:id".
    return instance.getProcessDefinitionId().substring(0, instance.getProcessDefinitionId().indexOf(':'));
  }

  /** The child's plan that has not ended, if any. */
  public Optional<CpPlan> openPlan(String childRef) {
    return childPlans.openPlan(childRef);
  }

  /** Whether the child is known here at all: in the record, in the plan history, or in a process. */
  public boolean isKnown(String childRef) {
    return visibility.isKnown(childRef);
  }

  /** The caller may see the child ({@link ChildVisibility}); false without a caller. */
  public boolean callerMaySee(String childRef) {
    return visibility.callerMaySee(childRef);
  }

  /** 404 unless the caller may see the child. */
  public void requireVisible(String childRef, String notFound) {
    if (!callerMaySee(childRef)) {
      throw ApiProblem.notFound(notFound);
    }
  }
}
