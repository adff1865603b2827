package org.safeguardingworkflows.legal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.platform.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * A new worker is allocated to the child while legal planning is open: the recommendation stays with the child,
 * not with the worker who has gone. The allocated worker changes, the change is counted, and the previous
 * worker's open tasks on this process move to the new worker.
 */
@Component("changeLegalPlanningWorker")
public class ChangeLegalPlanningWorker implements JavaDelegate {

  private final SystemAccess systemAccess;

  public ChangeLegalPlanningWorker(SystemAccess systemAccess) {
    this.systemAccess = systemAccess;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String previousWorker = LegalPlanningVariables.text(execution, LegalPlanningVariables.ALLOCATED_WORKER);
    String newWorker = LegalPlanningVariables.text(execution, LegalPlanningVariables.NEW_WORKER);
    Object changes = execution.getVariable(LegalPlanningVariables.WORKER_CHANGES);

    execution.setVariableLocal(LegalPlanningVariables.PREVIOUS_WORKER, previousWorker);
    execution.getProcessInstance().setVariable(LegalPlanningVariables.ALLOCATED_WORKER, newWorker);
    execution.getProcessInstance().setVariable(LegalPlanningVariables.WORKER_CHANGES,
        (changes instanceof Number number ? number.intValue() : 0) + 1);

    if (previousWorker == null || previousWorker.equals(newWorker)) {
      return;
    }
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
