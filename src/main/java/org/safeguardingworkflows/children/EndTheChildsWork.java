package org.safeguardingworkflows.children;

import static org.safeguardingworkflows.children.ChildLifeEventVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.platform.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The last step of a life event: every other running process of the child ends with the event as its reason (their
 * listeners run, so each end is written in the child's record with that reason), and the open plan ends on the day
 * it happened ({@link ChildPlans#endCurrentPlan}, which writes the PLAN_ENDED entry with the event as its reason). The application's own work: the person who reported the event
 * may not be able to see every process of the child.
 */
@WritesVariables({"endedProcesses"})
@Component("endTheChildsWork")
public class EndTheChildsWork implements JavaDelegate {

  private final ChildProcesses processes;
  private final ChildPlans childPlans;
  private final SystemAccess systemAccess;

  public EndTheChildsWork(ChildProcesses processes, ChildPlans childPlans, SystemAccess systemAccess) {
    this.processes = processes;
    this.childPlans = childPlans;
    this.systemAccess = systemAccess;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String childRef = execution.getProcessBusinessKey();
    String kind = LIFE_EVENT_KIND.from(execution);
    LocalDate happened = LIFE_EVENT_DATE.from(execution);
    String reason = reason(kind, happened);
    RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
    List<String> ended = new ArrayList<>();
    systemAccess.run(SystemAccess.Reason.END_THE_CHILDS_WORK, () -> {
      for (ProcessInstance instance : processes.running(childRef)) {
        if (!instance.getId().equals(execution.getProcessInstanceId())) {
          ended.add(processes.keyOf(instance));
          runtimeService.deleteProcessInstance(instance.getId(), reason, false, true);
        }
      }
    });
    ENDED_PROCESSES.setOn(execution, String.join(",", ended));
    // The open plan ends on the day it happened, the life event (ChildPlans.EndReason) its reason.
    childPlans.endCurrentPlan(childRef, happened, kind);
  }

  static String reason(String kind, LocalDate happened) {
    String what = switch (kind) {
      case "BECAME_LOOKED_AFTER" -> "The child became looked after";
      case "TURNED_18" -> "The child turned 18";
      case "MOVED_TO_ANOTHER_AUTHORITY" -> "The child moved to another local authority";
      case "DIED" -> "The child died";
      default -> "Life event " + kind;
    };
    return what + " on " + happened;
  }
}
