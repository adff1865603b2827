package org.safeguardingworkflows.stepdown;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.safeguardingworkflows.tasks.OpenTask;

/**
 * Where a child's step-down journey stands: its current stage, the open tasks with their due dates, the
 * contingency plan and when the next supervision and CIN review fall due.
 */
public record JourneyView(
    String childRef,
    String processInstanceId,
    List<String> stage,
    LocalDate planStartDate,
    LocalDate planEndDate,
    String destination,
    String allocatedWorker,
    String teamManager,
    Integer workerChanges,
    List<OpenTask> openTasks,
    List<Map<String, Object>> contingencyPlan,
    LocalDate nextSupervisionDue,
    LocalDate nextReviewDue) {

}
