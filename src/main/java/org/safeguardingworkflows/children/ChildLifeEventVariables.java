package org.safeguardingworkflows.children;

import java.time.LocalDate;
import java.util.Set;

import org.safeguardingworkflows.platform.ProcessVariable;

/** The life event process's variables: every name its diagram, forms, delegates and tests use. */
public final class ChildLifeEventVariables {

  public static final String PROCESS_KEY = "childLifeEvent";
  public static final String MESSAGE_LIFE_EVENT_REPORTED = "ChildLifeEventReported";

  // Started with
  public static final ProcessVariable<String> CHILD_REF = ProcessVariable.text("childRef");
  public static final ProcessVariable<String> LIFE_EVENT_KIND = ProcessVariable.text("lifeEventKind");
  public static final ProcessVariable<LocalDate> LIFE_EVENT_DATE = ProcessVariable.date("lifeEventDate");
  public static final ProcessVariable<String> LIFE_EVENT_DETAILS = ProcessVariable.text("lifeEventDetails");
  public static final ProcessVariable<String> REPORTED_BY = ProcessVariable.text("reportedBy");
  public static final ProcessVariable<String> ALLOCATED_WORKER = ProcessVariable.text("allocatedWorker");
  public static final ProcessVariable<String> TEAM_MANAGER = ProcessVariable.text("teamManager");
  public static final ProcessVariable<String> IRO = ProcessVariable.text("iro");
  // Found in the child's record when the event is recorded
  public static final ProcessVariable<Boolean> ON_PLAN = ProcessVariable.bool("onPlan");
  public static final ProcessVariable<LocalDate> TRANSFER_IN_CONFERENCE_DUE_DATE = ProcessVariable.date("transferInConferenceDueDate");
  // Transfer to another authority
  public static final ProcessVariable<String> RECEIVING_AUTHORITY = ProcessVariable.text("receivingAuthority");
  public static final ProcessVariable<LocalDate> HISTORY_SENT_ON = ProcessVariable.date("historySentOn");
  public static final ProcessVariable<LocalDate> TRANSFER_ACCEPTED_ON = ProcessVariable.date("transferAcceptedOn");
  public static final ProcessVariable<LocalDate> TRANSFER_IN_CONFERENCE_DATE = ProcessVariable.date("transferInConferenceDate");
  public static final ProcessVariable<String> TRANSFER_NOTES = ProcessVariable.text("transferNotes");
  // Serious incident notification
  public static final ProcessVariable<String> SERIOUS_INCIDENT_NOTIFIED = ProcessVariable.text("seriousIncidentNotified");
  public static final ProcessVariable<LocalDate> SERIOUS_INCIDENT_NOTIFIED_ON = ProcessVariable.date("seriousIncidentNotifiedOn");
  public static final ProcessVariable<String> SERIOUS_INCIDENT_NOTES = ProcessVariable.text("seriousIncidentNotes");
  // What ended
  public static final ProcessVariable<String> ENDED_PROCESSES = ProcessVariable.text("endedProcesses");
  // Worker changes (the message's local variables and what the handover keeps)
  public static final ProcessVariable<String> CHANGED_ROLE = ProcessVariable.text("changedRole");
  public static final ProcessVariable<String> NEW_HOLDER = ProcessVariable.text("newHolder");
  public static final ProcessVariable<String> NEW_WORKER = ProcessVariable.text("newWorker");
  public static final ProcessVariable<Integer> WORKER_CHANGES = ProcessVariable.number("workerChanges");

  /** What can happen, as the API and the diagram name it. */
  public enum Kind { BECAME_LOOKED_AFTER, TURNED_18, MOVED_TO_ANOTHER_AUTHORITY, DIED }

  private ChildLifeEventVariables() {
  }

  public static Set<String> names() {
    return ProcessVariable.namesIn(ChildLifeEventVariables.class);
  }
}
