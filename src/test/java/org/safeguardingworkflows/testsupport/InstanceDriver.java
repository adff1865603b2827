package org.safeguardingworkflows.testsupport;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * What every scenario driver does with the one process instance it drives: find its single open task or timer,
 * complete a task, and let time pass until a timer fires. Each driver says which instance; the scenario steps that
 * read like the process (hold the meeting, record the view...) stay in the driver.
 *
 * @param <D> the driver itself, so that {@link #whenTimerFires} chains with the driver's own steps
 */
public abstract class InstanceDriver<D extends InstanceDriver<D>> {

  protected final ProcessEngine engine;

  protected InstanceDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The id of the process instance this driver drives. */
  protected abstract String processInstanceId();

  /** Time passes until the timer at this activity is due, and it fires. */
  public D whenTimerFires(String timerActivityId) {
    Job timer = timer(timerActivityId);
    EngineClock.setTo(timer.getDuedate());
    engine.getManagementService().executeJob(timer.getId());
    return self();
  }

  /** The one timer waiting at this activity; fails when there is none or more than one. */
  public Job timer(String timerActivityId) {
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId())
        .activityId(timerActivityId).timers().list();
    if (timers.size() != 1) {
      throw new AssertionError("Expected one timer at " + timerActivityId + " but found " + timers.size());
    }
    return timers.get(0);
  }

  /** The one open task of this kind; fails when there is none or more than one. */
  public Task task(String taskKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId())
        .taskDefinitionKey(taskKey).list();
    if (tasks.size() != 1) {
      throw new AssertionError("Expected one open task " + taskKey + " but found " + tasks.size());
    }
    return tasks.get(0);
  }

  public void complete(String taskKey, Map<String, Object> variables) {
    engine.getTaskService().complete(task(taskKey).getId(), variables);
  }

  @SuppressWarnings("unchecked")
  private D self() {
    return (D) this;
  }
}
