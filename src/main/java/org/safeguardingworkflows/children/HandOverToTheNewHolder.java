package org.safeguardingworkflows.children;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.tasks.TaskConventions;
import org.springframework.stereotype.Component;

/**
 * First step of every process's "Worker changed" event sub-process: the child's social worker, team manager or IRO
 * has changed ({@code changedRole}, {@code newHolder} on the message). The process's variables for that role name
 * the new holder, the previous holder's open tasks in this process move to the new holder (nothing is left with
 * someone who has gone), and a change of social worker is counted (the audit found that changes of worker made work
 * "start again"). The previous holder stays on the sub-process ({@code previousWorker}) for the handover forms.
 * A message from before roles were named carries only {@code newWorker}: a change of social worker.
 */
@WritesVariables({"changedRole", "newHolder", "previousWorker"})
@Component("handOverToTheNewHolder")
public class HandOverToTheNewHolder implements JavaDelegate {

  public static final ProcessVariable<String> CHANGED_ROLE = ProcessVariable.text("changedRole");
  public static final ProcessVariable<String> NEW_HOLDER = ProcessVariable.text("newHolder");
  public static final ProcessVariable<String> NEW_WORKER = ProcessVariable.text("newWorker");
  public static final ProcessVariable<String> PREVIOUS_WORKER = ProcessVariable.text("previousWorker");
  public static final ProcessVariable<Integer> WORKER_CHANGES = ProcessVariable.number("workerChanges");

  private final SystemAccess systemAccess;
  private final TaskConventions taskConventions;

  public HandOverToTheNewHolder(SystemAccess systemAccess, TaskConventions taskConventions) {
    this.systemAccess = systemAccess;
    this.taskConventions = taskConventions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String roleName = CHANGED_ROLE.from(execution);
    ChildRole role = roleName != null && ChildRole.isName(roleName) ? ChildRole.valueOf(roleName) : ChildRole.SOCIAL_WORKER;
    String newHolder = NEW_HOLDER.optionalFrom(execution).orElseGet(() -> NEW_WORKER.from(execution));
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
    CHANGED_ROLE.setLocalOn(execution, role.name());
    NEW_HOLDER.setLocalOn(execution, newHolder);
    PREVIOUS_WORKER.setLocalOn(execution, previousHolders.isEmpty() ? null : previousHolders.get(0));
    if (role == ChildRole.SOCIAL_WORKER) {
      NEW_WORKER.setLocalOn(execution, newHolder);
      WORKER_CHANGES.setOn(process, WORKER_CHANGES.optionalFrom(process).orElse(0) + 1);
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
    // The open tasks' forms name the new holder, not someone the staff list no longer finds in this role.
    taskConventions.showTheJourneyAsItIsNow(execution.getProcessInstanceId());
  }
}
