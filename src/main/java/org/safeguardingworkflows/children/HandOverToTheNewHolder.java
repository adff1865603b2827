package org.safeguardingworkflows.children;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.platform.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * First step of every process's "Worker changed" event sub-process: the child's social worker, team manager or IRO
 * has changed ({@code changedRole}, {@code newHolder} on the message). The process's variables for that role name
 * the new holder, the previous holder's open tasks in this process move to the new holder (nothing is left with
 * someone who has gone), and a change of social worker is counted (the audit found that changes of worker made work
 * "start again"). The previous holder stays on the sub-process ({@code previousWorker}) for the handover forms.
 * A message from before roles were named carries only {@code newWorker}: a change of social worker.
 */
@WritesVariables({HandOverToTheNewHolder.CHANGED_ROLE, HandOverToTheNewHolder.NEW_HOLDER, HandOverToTheNewHolder.PREVIOUS_WORKER})
@Component("handOverToTheNewHolder")
public class HandOverToTheNewHolder implements JavaDelegate {

  public static final String CHANGED_ROLE = "changedRole";
  public static final String NEW_HOLDER = "newHolder";
  public static final String NEW_WORKER = "newWorker";
  public static final String PREVIOUS_WORKER = "previousWorker";
  public static final String WORKER_CHANGES = "workerChanges";

  private final SystemAccess systemAccess;

  public HandOverToTheNewHolder(SystemAccess systemAccess) {
    this.systemAccess = systemAccess;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChildRole role = execution.getVariable(CHANGED_ROLE) instanceof String name && ChildRole.isName(name)
        ? ChildRole.valueOf(name) : ChildRole.SOCIAL_WORKER;
    String newHolder = execution.getVariable(NEW_HOLDER) instanceof String holder ? holder
        : (String) execution.getVariable(NEW_WORKER);
    VariableScope process = execution.getProcessInstance();

    List<String> previousHolders = new ArrayList<>();
    for (String variable : role.processVariables()) {
      if (process.hasVariable(variable)) {
        if (process.getVariable(variable) instanceof String previous && !previous.equals(newHolder)) {
          previousHolders.add(previous);
        }
        process.setVariable(variable, newHolder);
      }
    }
    execution.setVariableLocal(CHANGED_ROLE, role.name());
    execution.setVariableLocal(NEW_HOLDER, newHolder);
    execution.setVariableLocal(PREVIOUS_WORKER, previousHolders.isEmpty() ? null : previousHolders.get(0));
    if (role == ChildRole.SOCIAL_WORKER) {
      execution.setVariableLocal(NEW_WORKER, newHolder);
      Object changes = process.getVariable(WORKER_CHANGES);
      process.setVariable(WORKER_CHANGES, (changes instanceof Number number ? number.intValue() : 0) + 1);
    }

    TaskService taskService = execution.getProcessEngineServices().getTaskService();
    systemAccess.run(SystemAccess.Reason.HAND_OVER, () -> {
      for (String previous : previousHolders) {
        for (Task task : taskService.createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskAssignee(previous)
            .list()) {
          taskService.setAssignee(task.getId(), newHolder);
        }
      }
    });
  }
}
