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
@WritesVariables({ON_PLAN, TRANSFER_IN_CONFERENCE_DUE_DATE})
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
    LocalDate happened = LocalDate.parse((String) execution.getVariable(LIFE_EVENT_DATE));
    boolean onPlan = processes.openPlan(childRef).isPresent();
    execution.setVariable(ON_PLAN, onPlan);
    execution.setVariable(TRANSFER_IN_CONFERENCE_DUE_DATE,
        workingDays.addWorkingDays(happened, settings.getTransferInConferenceWorkingDays()).toString());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", execution.getVariable(LIFE_EVENT_KIND));
    details.put("details", execution.getVariable(LIFE_EVENT_DETAILS));
    details.put("onPlan", onPlan);
    childRecord.record(ChildEvent.of(childRef, happened, ChildEvent.Kind.LIFE_EVENT,
        (String) execution.getVariable(REPORTED_BY), PROCESS_KEY, execution.getProcessInstanceId(), details));
  }
}
