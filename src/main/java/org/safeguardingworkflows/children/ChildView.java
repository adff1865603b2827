package org.safeguardingworkflows.children;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the application knows of a child, as {@code GET /api/children/{childRef}} shows it: who holds the child, the
 * current plan, the processes running for the child, and the chronology, newest first.
 */
public record ChildView(
    String childRef,
    String team,
    String allocatedWorker,
    String teamManager,
    String iro,
    Plan currentPlan,
    List<Plan> plans,
    List<RunningProcess> runningProcesses,
    List<Entry> chronology) {

  public record Plan(LocalDate planStart, LocalDate planEnd, String initialCategory, String latestCategory, String iro,
      String stepDownDestination, String stepDownOutcome) {}

  public record RunningProcess(String processKey, String process, String processInstanceId, LocalDate startedOn) {}

  /** One entry: when, what kind, who recorded it, the process it came from (none for the API's own entries). */
  public record Entry(LocalDate date, String kind, String who, String processKey, String processInstanceId,
      Map<String, Object> details) {}
}
