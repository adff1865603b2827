package org.safeguardingworkflows.tasks;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * Where a journey has got to, read the same way for every process the domain API shows: its open tasks (soonest due
 * first) and the names of the steps it is waiting in. The caller decides whose authorizations apply.
 */
@Component
public class JourneyProgress {

  /** The activities a person would call "where the journey is": tasks, timers it waits on, and sub-processes. */
  private static final Set<String> WAITING_STEPS = Set.of("userTask", "subProcess", "intermediateTimer");

  private final TaskService taskService;
  private final HistoryService historyService;
  private final WorkingDays workingDays;

  public JourneyProgress(TaskService taskService, HistoryService historyService, WorkingDays workingDays) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.workingDays = workingDays;
  }

  public List<OpenTask> openTasks(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
        .map(task -> new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getAssignee(),
            task.getDueDate() == null ? null : workingDays.localDate(task.getDueDate())))
        .sorted(Comparator.comparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /** The steps the journey is in, in the order it entered them, each named once. */
  public List<String> stage(String processInstanceId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).unfinished()
        .orderByHistoricActivityInstanceStartTime().asc().list().stream()
        .filter(activity -> WAITING_STEPS.contains(activity.getActivityType()))
        .map(HistoricActivityInstance::getActivityName)
        .distinct()
        .toList();
  }
}
