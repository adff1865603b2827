package org.safeguardingworkflows.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.children.ChildVisibility;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Service;

/**
 * The children in a step-down watch period that the caller may see (exactly {@link ChildVisibility}'s rule: a team
 * manager sees their teams' children, a senior manager every child), with the dates a manager plans around: the next
 * management supervision and CIN review (an open one's due date, else the next fixed date still to come), when the
 * watch period's time runs out, and the child's work past its due date, in any of the child's processes (briefing
 * point 1: close supervision in the months after step-down).
 *
 * <p>Read from the engine as the application (the caller's own authorizations would hide the timers), then filtered
 * child by child through {@link ChildVisibility}; nothing of a child the caller may not see leaves this class.
 */
@Service
public class Caseload {

  static final String STEP_DOWN = StepDownVariables.PROCESS_KEY;
  static final String WATCH_PERIOD = StepDownVariables.Elements.WATCH_PERIOD;
  static final String SUPERVISION_DUE = StepDownVariables.Elements.SUPERVISION_DUE;
  static final String SUPERVISION_TASK = StepDownVariables.Elements.HOLD_MANAGEMENT_SUPERVISION;
  static final String REVIEW_DUE = StepDownVariables.Elements.REVIEW_DUE;
  static final String REVIEW_TASK = StepDownVariables.Elements.REVIEW_CIN_SERVICES;
  static final String WATCH_PERIOD_ENDS = StepDownVariables.Elements.WATCH_PERIOD_ENDS;

  public record LateWork(String task, String assignee, LocalDate due) {}

  public record ChildInWatchPeriod(String childRef, String team, String allocatedWorker, LocalDate watchPeriodStarted,
      LocalDate watchPeriodTimeRunsOut, LocalDate nextSupervision, LocalDate nextReview, List<LateWork> lateWork) {}

  private final HistoryService historyService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final SystemAccess systemAccess;
  private final ChildVisibility visibility;
  private final ChildRecord record;
  private final WorkingDays workingDays;

  public Caseload(HistoryService historyService, ManagementService managementService, TaskService taskService,
      SystemAccess systemAccess, ChildVisibility visibility, ChildRecord record, WorkingDays workingDays) {
    this.historyService = historyService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.systemAccess = systemAccess;
    this.visibility = visibility;
    this.record = record;
    this.workingDays = workingDays;
  }

  /** The caller's children in a watch period, the one whose watch period started first first. */
  public List<ChildInWatchPeriod> childrenInAWatchPeriod() {
    List<HistoricActivityInstance> watchPeriods = systemAccess.call(Reason.FIND_BEFORE_VISIBILITY, () -> historyService.createHistoricActivityInstanceQuery()
        .activityId(WATCH_PERIOD).unfinished().list());
    List<ChildInWatchPeriod> children = new ArrayList<>();
    for (HistoricActivityInstance watchPeriod : watchPeriods) {
      HistoricProcessInstance journey = systemAccess.call(Reason.FIND_BEFORE_VISIBILITY, () -> historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(watchPeriod.getProcessInstanceId()).singleResult());
      if (journey == null || !STEP_DOWN.equals(journey.getProcessDefinitionKey()) || journey.getBusinessKey() == null
          || !visibility.callerMaySee(journey.getBusinessKey())) {
        continue;
      }
      children.add(child(journey, watchPeriod));
    }
    children.sort(Comparator.comparing(ChildInWatchPeriod::watchPeriodStarted).thenComparing(ChildInWatchPeriod::childRef));
    return children;
  }

  private ChildInWatchPeriod child(HistoricProcessInstance journey, HistoricActivityInstance watchPeriod) {
    String childRef = journey.getBusinessKey();
    String processInstanceId = journey.getId();
    Optional<ChildRecord.Allocation> holders = record.allocation(childRef);
    List<Task> openTasks = systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () -> taskService.createTaskQuery().processInstanceBusinessKey(childRef).active().list());
    LocalDate today = workingDays.today();
    List<LateWork> late = openTasks.stream()
        .filter(task -> task.getDueDate() != null && workingDays.localDate(task.getDueDate()).isBefore(today))
        .sorted(Comparator.comparing(Task::getDueDate))
        .map(task -> new LateWork(task.getName(), task.getAssignee(), workingDays.localDate(task.getDueDate())))
        .toList();
    return new ChildInWatchPeriod(childRef, holders.map(ChildRecord.Allocation::team).orElse(null),
        holders.map(ChildRecord.Allocation::allocatedWorker).orElse(null), workingDays.localDate(watchPeriod.getStartTime()),
        earliest(timers(processInstanceId, WATCH_PERIOD_ENDS)),
        next(openTasks, processInstanceId, SUPERVISION_TASK, SUPERVISION_DUE),
        next(openTasks, processInstanceId, REVIEW_TASK, REVIEW_DUE), late);
  }

  /** An open one's due date comes first (it is what is due now); else the next fixed date whose timer is waiting. */
  private LocalDate next(List<Task> openTasks, String processInstanceId, String taskId, String timerId) {
    List<Date> open = openTasks.stream()
        .filter(task -> processInstanceId.equals(task.getProcessInstanceId()) && taskId.equals(task.getTaskDefinitionKey()))
        .map(Task::getDueDate).filter(Objects::nonNull).toList();
    return open.isEmpty() ? earliest(timers(processInstanceId, timerId)) : earliest(open);
  }

  private List<Date> timers(String processInstanceId, String activityId) {
    return systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () -> managementService.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId(activityId).list().stream().map(Job::getDuedate).filter(Objects::nonNull).toList());
  }

  private LocalDate earliest(List<Date> dates) {
    return dates.stream().min(Comparator.naturalOrder()).map(workingDays::localDate).orElse(null);
  }
}
