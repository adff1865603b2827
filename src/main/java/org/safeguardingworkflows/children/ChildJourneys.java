package org.safeguardingworkflows.children;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.safeguardingworkflows.teams.ChildAccess;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.timescales.WorkingDays;

/**
 * Every process of a child starts and ends in the child record, whatever its diagram says: the start (with who holds
 * the child as the process names them, and the team it was given) and the end with its reason: the end event reached,
 * or why it was stopped (a life event, an administrator). Built into every process at parse time, so no diagram can
 * leave a journey out of the child's story.
 */
public class ChildJourneys {

  private final Supplier<ChildRecord> record;
  private final Supplier<WorkingDays> workingDays;
  private final Supplier<ChildAccess> childAccess;

  public ChildJourneys(Supplier<ChildRecord> record, Supplier<WorkingDays> workingDays, Supplier<ChildAccess> childAccess) {
    this.record = record;
    this.workingDays = workingDays;
    this.childAccess = childAccess;
  }

  /**
   * On the end of a process's start event (after the process has taken its team). A person may start work only for a
   * child of the team the work goes to: naming a worker of their own team for another team's child would otherwise
   * hand them the child's record and its history. Those who read every journey (senior managers) may, and the
   * application's own work (one process starting another) carries no person.
   */
  public ExecutionListener started() {
    return execution -> {
      ExecutionEntity process = (ExecutionEntity) execution.getProcessInstance();
      String childRef = process.getBusinessKey();
      ChildRecord children = record.get();
      String childsTeam = children.allocation(childRef).map(ChildRecord.Allocation::team).orElse(null);
      Authentication person = ChildAccess.personActing(execution.getProcessEngineServices().getIdentityService());
      if (person != null && childsTeam != null && !childsTeam.equals(Teams.TEAM.from(execution))
          && !childAccess.get().readsEveryJourney(person)) {
        throw new AuthorizationException("You may start work only for children of your own team.");
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("process", process.getProcessDefinition().getName());
      for (ChildRole role : ChildRole.values()) {
        for (String variable : role.processVariables()) {
          if (execution.getVariable(variable) instanceof String holder && !holder.isBlank()) {
            details.put(variable, holder);
            children.allocate(childRef, role, holder);
            break;
          }
        }
      }
      String team = Teams.TEAM.from(execution);
      if (team != null) {
        Teams.TEAM.putIn(details, team);
        children.assignTeam(childRef, team);
      }
      children.record(ChildEvent.of(childRef, workingDays.get().today(), ChildEvent.Kind.JOURNEY_STARTED,
          personActing(execution), process.getProcessDefinition().getKey(), process.getId(), details));
    };
  }

  /** On the end of the process instance, however it ends. */
  public ExecutionListener ended() {
    return execution -> {
      ExecutionEntity process = (ExecutionEntity) execution;
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("process", process.getProcessDefinition().getName());
      details.put("reason", reason(process));
      record.get().record(ChildEvent.of(process.getBusinessKey(), workingDays.get().today(), ChildEvent.Kind.JOURNEY_ENDED,
          personActing(execution), process.getProcessDefinition().getKey(), process.getId(), details));
    };
  }

  private static String reason(ExecutionEntity process) {
    if (process.isCanceled() && process.getDeleteReason() != null) {
      return process.getDeleteReason();
    }
    String endEvent = process.getCurrentActivityName();
    return endEvent != null ? endEvent : process.getDeleteReason();
  }

  /** The person on whose behalf the engine works now, or null for the application's own work. */
  static String personActing(DelegateExecution execution) {
    Authentication person = ChildAccess.personActing(execution.getProcessEngineServices().getIdentityService());
    return person == null ? null : person.getUserId();
  }
}
