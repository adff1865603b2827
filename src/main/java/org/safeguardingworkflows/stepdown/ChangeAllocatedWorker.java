package org.safeguardingworkflows.stepdown;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.platform.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * A new worker is allocated: the journey's allocated worker changes, the change is counted (the audit found
 * that lack of continuity made work "start again"), and the previous worker's open tasks on this journey move
 * to the new worker so nothing is left with someone who has gone.
 */
@Component("changeAllocatedWorker")
public class ChangeAllocatedWorker implements JavaDelegate {

  private final SystemAccess systemAccess;

  public ChangeAllocatedWorker(SystemAccess systemAccess) {
    this.systemAccess = systemAccess;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String previousWorker = StepDownVariables.text(execution, StepDownVariables.ALLOCATED_WORKER);
    String newWorker = StepDownVariables.text(execution, StepDownVariables.NEW_WORKER);
    Object changes = execution.getVariable(StepDownVariables.WORKER_CHANGES);
    int workerChanges = changes instanceof Number number ? number.intValue() : 0;

    execution.setVariableLocal(StepDownVariables.PREVIOUS_WORKER, previousWorker);
    execution.getProcessInstance().setVariable(StepDownVariables.ALLOCATED_WORKER, newWorker);
    execution.getProcessInstance().setVariable(StepDownVariables.WORKER_CHANGES, workerChanges + 1);

    TaskService taskService = execution.getProcessEngineServices().getTaskService();
    systemAccess.run(() -> {
      for (Task task : taskService.createTaskQuery()
          .processInstanceId(execution.getProcessInstanceId())
          .taskAssignee(previousWorker)
          .list()) {
        taskService.setAssignee(task.getId(), newWorker);
      }
    });
  }
}
