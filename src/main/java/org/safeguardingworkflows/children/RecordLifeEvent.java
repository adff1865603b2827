package org.safeguardingworkflows.children;

import static org.safeguardingworkflows.children.ChildLifeEventVariables.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * First step of a life event: writes it in the child's record (a LIFE_EVENT entry on the day it happened) and works
 * out what the rest of the process needs: whether the child is on a plan, and by when the receiving authority holds
 * its transfer-in conference for a child who moved while on one.
 */
@WritesVariables({"onPlan", "transferInConferenceDueDate"})
@Component("recordLifeEvent")
public class RecordLifeEvent implements JavaDelegate {

  private final ChildRecord childRecord;
  private final ChildProcesses processes;
  private final LifeEventSettings settings;
  private final WorkingDays workingDays;

  public RecordLifeEvent(ChildRecord childRecord, ChildProcesses processes, LifeEventSettings settings, WorkingDays workingDays) {
    this.childRecord = childRecord;
    this.processes = processes;
    this.settings = settings;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String childRef = execution.getProcessBusinessKey();
    LocalDate happened = LIFE_EVENT_DATE.from(execution);
    boolean onPlan = processes.openPlan(childRef).isPresent();
    ON_PLAN.setOn(execution, onPlan);
    TRANSFER_IN_CONFERENCE_DUE_DATE.setOn(execution,
        workingDays.addWorkingDays(happened, settings.getTransferInConferenceWorkingDays()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", LIFE_EVENT_KIND.from(execution));
    details.put("details", LIFE_EVENT_DETAILS.from(execution));
    details.put("onPlan", onPlan);
    childRecord.record(ChildEvent.of(childRef, happened, ChildEvent.Kind.LIFE_EVENT,
        REPORTED_BY.from(execution), PROCESS_KEY, execution.getProcessInstanceId(), details));
  }
}
