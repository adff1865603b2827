package org.safeguardingworkflows.children;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Service;

/**
 * Reads a child's record for the API: the chronology (with plans imported from the case management system's history
 * shown as their start and end, since no process recorded them), the plans, who holds the child and what is running.
 */
@Service
public class ChildStory {

  private final ChildRecord record;
  private final PlanHistory planHistory;
  private final ChildVisibility visibility;
  private final HistoryService historyService;
  private final SystemAccess systemAccess;
  private final WorkingDays workingDays;

  public ChildStory(ChildRecord record, PlanHistory planHistory, ChildVisibility visibility, HistoryService historyService,
      SystemAccess systemAccess, WorkingDays workingDays) {
    this.record = record;
    this.planHistory = planHistory;
    this.visibility = visibility;
    this.historyService = historyService;
    this.systemAccess = systemAccess;
    this.workingDays = workingDays;
  }

  public ChildView of(String childRef) {
    List<CpPlan> plans = planHistory.plansOf(childRef);
    Optional<ChildRecord.Allocation> allocation = record.allocation(childRef);
    if (!visibility.isKnown(childRef) || !visibility.callerMaySee(childRef)) {
      throw ApiProblem.notFound("Child " + childRef + " is not known.");
    }
    List<ChildView.Entry> chronology = new ArrayList<>(record.chronology(childRef).stream().map(ChildStory::entry).toList());
    plans.stream().filter(plan -> plan.source() == CpPlan.Source.IMPORT).forEach(plan -> chronology.addAll(imported(plan)));
    chronology.sort(Comparator.comparing(ChildView.Entry::date).reversed());
    List<ChildView.RunningProcess> running = systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(childRef)
        .unfinished()
        .orderByProcessInstanceStartTime().asc()
        .list().stream()
        .map(process -> new ChildView.RunningProcess(process.getProcessDefinitionKey(), process.getProcessDefinitionName(),
            process.getId(), workingDays.localDate(process.getStartTime())))
        .toList());
    ChildRecord.Allocation holders = allocation.orElse(new ChildRecord.Allocation(childRef, null, null, null, null));
    return new ChildView(childRef, holders.team(), holders.allocatedWorker(), holders.teamManager(), holders.iro(),
        plans.stream().filter(CpPlan::isOpen).findFirst().map(ChildStory::plan).orElse(null),
        plans.stream().map(ChildStory::plan).toList(), running, chronology);
  }

  static ChildView.Plan plan(CpPlan plan) {
    return new ChildView.Plan(plan.planStart(), plan.planEnd(), plan.initialCategory(), plan.latestCategory(), plan.iro(),
        plan.stepDownDestination(), plan.stepDownOutcome());
  }

  private static ChildView.Entry entry(ChildEvent event) {
    return new ChildView.Entry(event.date(), event.kind().name(), event.who(), event.processKey(),
        event.processInstanceId(), event.details());
  }

  private static List<ChildView.Entry> imported(CpPlan plan) {
    List<ChildView.Entry> entries = new ArrayList<>();
    Map<String, Object> started = new LinkedHashMap<>();
    started.put("categoryOfAbuse", plan.initialCategory());
    started.put("iro", plan.iro());
    started.put("source", "imported history");
    entries.add(new ChildView.Entry(plan.planStart(), ChildEvent.Kind.PLAN_STARTED.name(), null, null, null, started));
    // A step-down journey that ended an imported plan recorded the end itself.
    if (plan.planEnd() != null && plan.stepDownInstanceId() == null) {
      Map<String, Object> ended = new LinkedHashMap<>();
      ended.put("categoryOfAbuse", plan.latestCategory());
      ended.put("source", "imported history");
      entries.add(new ChildView.Entry(plan.planEnd(), ChildEvent.Kind.PLAN_ENDED.name(), null, null, null, ended));
    }
    return entries;
  }
}
