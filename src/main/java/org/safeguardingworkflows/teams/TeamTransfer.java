package org.safeguardingworkflows.teams;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.springframework.stereotype.Component;

/**
 * A child whose new worker is in another team moves to that team with all its running journeys: each journey's
 * team and read grants change, each open team task is offered to the new team instead of the old, and whoever of the
 * old team (and not of the new) still holds or once held one of those tasks loses it. Camunda leaves a removed
 * candidate group's and a former assignee's task permissions in place, so they are deleted here explicitly (looked up
 * by the task's id).
 * A named team manager of the old team ({@code teamManager}) is cleared, so later manager tasks go to the new team
 * rather than to a manager who no longer has the child.
 */
@Component
public class TeamTransfer {

  static final String TEAM_MANAGER_VARIABLE = "teamManager";

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final Teams teams;
  private final TeamInstanceGrants grants;
  private final SystemAccess systemAccess;

  public TeamTransfer(RuntimeService runtimeService, TaskService taskService, AuthorizationService authorizationService,
      Teams teams, TeamInstanceGrants grants, SystemAccess systemAccess) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.teams = teams;
    this.grants = grants;
    this.systemAccess = systemAccess;
  }

  /** Moves the child's running journeys to the team of {@code newWorker}, if that is another team. */
  public void followWorker(String childRef, String newWorker) {
    String newTeam = teams.onlyTeamOf(newWorker)
        .orElseThrow(() -> new IllegalStateException("The new worker belongs to no single team."));
    systemAccess.run(Reason.HAND_OVER, () -> {
      List<ProcessInstance> journeys = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).list();
      for (ProcessInstance instance : journeys) {
        String oldTeam = grants.teamOf(instance.getId());
        if (!newTeam.equals(oldTeam)) {
          move(instance.getId(), oldTeam, newTeam);
        }
      }
    });
  }

  private void move(String processInstanceId, String oldTeam, String newTeam) {
    runtimeService.setVariable(processInstanceId, Teams.TEAM.name(), Teams.TEAM.stored(newTeam));
    if (runtimeService.getVariable(processInstanceId, TEAM_MANAGER_VARIABLE) instanceof String manager
        && !teams.isMember(manager, newTeam)) {
      runtimeService.setVariable(processInstanceId, TEAM_MANAGER_VARIABLE, null);
    }
    if (oldTeam != null) {
      grants.revoke(processInstanceId, oldTeam);
    }
    grants.grant(processInstanceId, newTeam);
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      moveTask(task, oldTeam, newTeam);
    }
  }

  private void moveTask(Task task, String oldTeam, String newTeam) {
    boolean teamTask = taskService.getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && oldTeam != null && oldTeam.equals(link.getGroupId()));
    if (!teamTask) {
      return;
    }
    taskService.deleteCandidateGroup(task.getId(), oldTeam);
    taskService.addCandidateGroup(task.getId(), newTeam);
    // Only the old team's people lose the task: a lawyer holding a legal task keeps it.
    if (task.getAssignee() != null && leavesWithTheOldTeam(task.getAssignee(), oldTeam, newTeam)) {
      taskService.setAssignee(task.getId(), null);
    }
    String assignee = taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    for (Authorization authorization : taskAuthorizations(task.getId())) {
      boolean oldTeamGroup = oldTeam.equals(authorization.getGroupId());
      boolean formerHolder = authorization.getUserId() != null && !authorization.getUserId().equals(assignee)
          && leavesWithTheOldTeam(authorization.getUserId(), oldTeam, newTeam);
      if (oldTeamGroup || formerHolder) {
        authorizationService.deleteAuthorization(authorization.getId());
      }
    }
  }

  private boolean leavesWithTheOldTeam(String userId, String oldTeam, String newTeam) {
    return teams.isMember(userId, oldTeam) && !teams.isMember(userId, newTeam);
  }

  private List<Authorization> taskAuthorizations(String taskId) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list();
  }
}
