package org.safeguardingworkflows.children;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.teams.ChildAccess;
import org.springframework.stereotype.Component;

/**
 * Whether the caller may see a child (its record, or act on it): those who read every journey see every child; the
 * child's team sees it; the child's worker, team manager and IRO see it; anyone else only a child one of whose
 * processes they may see ({@link ChildAccess}). No caller sees nothing. A child the caller may not see is answered
 * as if it did not exist.
 */
@Component
public class ChildVisibility {

  private final IdentityService identityService;
  private final HistoryService historyService;
  private final SystemAccess systemAccess;
  private final ChildAccess childAccess;
  private final ChildRecord record;
  private final PlanHistory planHistory;

  public ChildVisibility(IdentityService identityService, HistoryService historyService, SystemAccess systemAccess,
      ChildAccess childAccess, ChildRecord record, PlanHistory planHistory) {
    this.planHistory = planHistory;
    this.identityService = identityService;
    this.historyService = historyService;
    this.systemAccess = systemAccess;
    this.childAccess = childAccess;
    this.record = record;
  }

  public boolean callerMaySee(String childRef) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return false;
    }
    if (childAccess.readsEveryJourney(caller)) {
      return true;
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    boolean holdsTheChild = record.allocation(childRef)
        .map(child -> (child.team() != null && groups.contains(child.team()))
            || caller.getUserId().equals(child.allocatedWorker()) || caller.getUserId().equals(child.teamManager())
            || caller.getUserId().equals(child.iro()))
        .orElse(false);
    return holdsTheChild || processIdsOf(childRef).stream().anyMatch(childAccess::callerMaySee);
  }

  /** Whether the child is known here at all: in the record, in the plan history, or in a process. */
  public boolean isKnown(String childRef) {
    return record.isKnown(childRef) || !planHistory.plansOf(childRef).isEmpty() || !processIdsOf(childRef).isEmpty();
  }

  /** Every process of the child, running or ended. */
  List<String> processIdsOf(String childRef) {
    return systemAccess.call(Reason.FIND_BEFORE_VISIBILITY, () -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(childRef)
        .list().stream().map(HistoricProcessInstance::getId).toList());
  }
}
