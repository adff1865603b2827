package org.safeguardingworkflows.tasks;

import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A task past its due date looked like any other in Tasklist (issue 15). Every few minutes this raises the priority of
 * each open task whose due date has passed to the overdue priority, so that it sorts first in every list ordered by
 * priority and shows Tasklist's priority marker. A task already at or above it (the highest escalations are at 100)
 * is left alone, and nothing is ever lowered. Every node may run it: raising is idempotent, and a task another node
 * or a person changed at the same moment is raised on the next round.
 */
@Component
public class OverdueTasksStandOut {

  private static final Logger log = LoggerFactory.getLogger(OverdueTasksStandOut.class);
  /** At most this many tasks a round: a backlog after an outage is worked through over a few rounds. */
  private static final int ROUND_SIZE = 500;

  private final TaskService taskService;
  private final SystemAccess systemAccess;
  private final int overduePriority;

  public OverdueTasksStandOut(TaskService taskService, SystemAccess systemAccess,
      @Value("${safeguarding.tasks.overdue-priority}") int overduePriority) {
    this.taskService = taskService;
    this.systemAccess = systemAccess;
    this.overduePriority = overduePriority;
  }

  @Scheduled(initialDelayString = "${safeguarding.tasks.overdue-check-interval}",
      fixedDelayString = "${safeguarding.tasks.overdue-check-interval}")
  public void raiseOverdueTasks() {
    // The engine's clock, as the due dates and escalation timers use it.
    List<Task> overdue = systemAccess.call(Reason.OVERDUE_TASKS, () -> taskService.createTaskQuery().dueBefore(ClockUtil.getCurrentTime())
        .taskMaxPriority(overduePriority - 1).orderByDueDate().asc().listPage(0, ROUND_SIZE));
    int raised = 0;
    for (Task task : overdue) {
      try {
        systemAccess.run(Reason.OVERDUE_TASKS, () -> taskService.setPriority(task.getId(), overduePriority));
        raised++;
      } catch (OptimisticLockingException changedMeanwhile) {
        // Changed by someone else in the same moment: still overdue, so raised on the next round.
      }
    }
    if (raised > 0) {
      log.info("Raised {} overdue task(s) to priority {}", raised, overduePriority);
    }
  }
}
