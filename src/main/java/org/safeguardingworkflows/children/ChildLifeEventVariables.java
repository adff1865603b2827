package org.safeguardingworkflows.children;

import java.util.Set;

import org.safeguardingworkflows.platform.VariableValues;

/** The life event process's variables: every name its diagram, forms, delegates and tests use. */
public final class ChildLifeEventVariables {

  public static final String PROCESS_KEY = "childLifeEvent";
  public static final String MESSAGE_LIFE_EVENT_REPORTED = "ChildLifeEventReported";

  // Started with
  public static final String CHILD_REF = "childRef";
  public static final String LIFE_EVENT_KIND = "lifeEventKind";
  public static final String LIFE_EVENT_DATE = "lifeEventDate";
  public static final String LIFE_EVENT_DETAILS = "lifeEventDetails";
  public static final String REPORTED_BY = "reportedBy";
  public static final String ALLOCATED_WORKER = "allocatedWorker";
  public static final String TEAM_MANAGER = "teamManager";
  public static final String IRO = "iro";
  // Found in the child's record when the event is recorded
  public static final String ON_PLAN = "onPlan";
  public static final String TRANSFER_IN_CONFERENCE_DUE_DATE = "transferInConferenceDueDate";
  // Transfer to another authority
  public static final String RECEIVING_AUTHORITY = "receivingAuthority";
  public static final String HISTORY_SENT_ON = "historySentOn";
  public static final String TRANSFER_ACCEPTED_ON = "transferAcceptedOn";
  public static final String TRANSFER_IN_CONFERENCE_DATE = "transferInConferenceDate";
  public static final String TRANSFER_NOTES = "transferNotes";
  // Serious incident notification
  public static final String SERIOUS_INCIDENT_NOTIFIED = "seriousIncidentNotified";
  public static final String SERIOUS_INCIDENT_NOTIFIED_ON = "seriousIncidentNotifiedOn";
  public static final String SERIOUS_INCIDENT_NOTES = "seriousIncidentNotes";
  // What ended
  public static final String ENDED_PROCESSES = "endedProcesses";
  // Worker changes (the message's local variables and what the handover keeps)
  public static final String CHANGED_ROLE = "changedRole";
  public static final String NEW_HOLDER = "newHolder";
  public static final String NEW_WORKER = "newWorker";
  public static final String WORKER_CHANGES = "workerChanges";

  /** What can happen, as the API and the diagram name it. */
  public enum Kind { BECAME_LOOKED_AFTER, TURNED_18, MOVED_TO_ANOTHER_AUTHORITY, DIED }

  private ChildLifeEventVariables() {
  }

  public static Set<String> names() {
    return VariableValues.names(ChildLifeEventVariables.class);
  }
}
