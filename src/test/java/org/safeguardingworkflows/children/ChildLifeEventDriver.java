package org.safeguardingworkflows.children;

import static org.safeguardingworkflows.children.ChildLifeEventVariables.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.testsupport.InstanceDriver;
import org.safeguardingworkflows.testsupport.TestStaff;

/** Drives a life event as the child-level API starts it and as the worker or senior manager completes its task. */
class ChildLifeEventDriver extends InstanceDriver<ChildLifeEventDriver> {

  final String childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
  ProcessInstance event;

  ChildLifeEventDriver(ProcessEngine engine) {
    super(engine);
  }

  ChildLifeEventDriver reported(String kind, LocalDate happened) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CHILD_REF.name(), childRef);
    variables.put(LIFE_EVENT_KIND.name(), kind);
    variables.put(LIFE_EVENT_DATE.name(), happened.toString());
    variables.put(LIFE_EVENT_DETAILS.name(), "Reported by the case management system");
    variables.put(REPORTED_BY.name(), TestStaff.TEAM_MANAGER);
    variables.put(ALLOCATED_WORKER.name(), TestStaff.WORKER);
    variables.put(TEAM_MANAGER.name(), TestStaff.TEAM_MANAGER);
    variables.put(IRO.name(), TestStaff.IRO);
    event = engine.getRuntimeService().createMessageCorrelation(MESSAGE_LIFE_EVENT_REPORTED)
        .processInstanceBusinessKey(childRef)
        .setVariables(variables)
        .correlateStartMessage();
    return this;
  }

  Map<String, Object> transfer(LocalDate sent, LocalDate accepted, LocalDate conference, String notes) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RECEIVING_AUTHORITY.name(), "Another County Council");
    variables.put(HISTORY_SENT_ON.name(), sent.toString());
    variables.put(TRANSFER_ACCEPTED_ON.name(), accepted.toString());
    if (conference != null) {
      variables.put(TRANSFER_IN_CONFERENCE_DATE.name(), conference.toString());
    }
    if (notes != null) {
      variables.put(TRANSFER_NOTES.name(), notes);
    }
    return variables;
  }

  ChildLifeEventDriver transferred(LocalDate sent, LocalDate accepted, LocalDate conference, String notes) {
    complete("Task_TransferOut", transfer(sent, accepted, conference, notes));
    return this;
  }

  ChildLifeEventDriver notified(String notified, LocalDate on) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SERIOUS_INCIDENT_NOTIFIED.name(), notified);
    if (on != null) {
      variables.put(SERIOUS_INCIDENT_NOTIFIED_ON.name(), on.toString());
    }
    variables.put(SERIOUS_INCIDENT_NOTES.name(), "Rapid review arranged with the partnership");
    complete("Task_NotifySeriousIncident", variables);
    return this;
  }

  ChildLifeEventDriver changed(String role, String newHolder) {
    Map<String, Object> message = new HashMap<>();
    message.put(HandOverToTheNewHolder.CHANGED_ROLE.name(), role);
    message.put(HandOverToTheNewHolder.NEW_HOLDER.name(), newHolder);
    engine.getRuntimeService().createMessageCorrelation(ChildWorkerChanges.MESSAGE_WORKER_CHANGED)
        .processInstanceId(event.getId())
        .setVariablesLocal(message)
        .correlateWithResult();
    return this;
  }

  @Override
  protected String processInstanceId() {
    return event.getId();
  }
}
