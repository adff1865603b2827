package org.safeguardingworkflows.teams;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.safeguardingworkflows.security.Role;

/**
 * Who may hold a task, checked on every claim and reassignment a person makes (the engine's permissions alone let
 * anyone who may work a task "claim" it for somebody else):
 * <ul>
 *   <li>the new assignee holds one of the task's roles, and for a team role is in the child's team: a coordinator
 *       never receives a worker's task, a worker of another team never receives this child's;</li>
 *   <li>only a manager gives a task to someone else: a team manager of the child's team, or a senior manager.</li>
 * </ul>
 * The assignee the diagram names when the task is created, and the application's own reassignments (a new allocated
 * worker), are not a person's choice and pass; taking a task off someone (no new assignee) is left to the engine's
 * permissions.
 */
public class AssignedWithinTheTaskRole implements TaskListener {

  private final Supplier<Teams> teams;
  private final Supplier<TeamInstanceGrants> grants;

  public AssignedWithinTheTaskRole(Supplier<Teams> teams, Supplier<TeamInstanceGrants> grants) {
    this.teams = teams;
    this.grants = grants;
  }

  @Override
  public void notify(DelegateTask task) {
    Authentication person = ChildAccess.personActing(task.getProcessEngineServices().getIdentityService());
    String assignee = task.getAssignee();
    if (person == null || assignee == null || beingCreated(task)) {
      return;
    }
    List<String> roles = TaskRoles.of(task);
    String team = grants.get().teamOf(task.getProcessInstanceId());
    if (!assignee.equals(person.getUserId())) {
      List<String> groups = ChildAccess.groups(person);
      boolean teamManager = groups.contains(Role.TEAM_MANAGERS.groupId()) && team != null && groups.contains(team);
      boolean seniorManager = groups.contains(Role.SENIOR_MANAGERS.groupId());
      if (!teamManager && !seniorManager) {
        throw new AuthorizationException("Only the child's team manager or a senior manager may give the task '"
            + task.getName() + "' to someone else.");
      }
    }
    if (!holdsARole(assignee, roles, team)) {
      throw new AuthorizationException("'" + assignee + "' cannot take the task '" + task.getName() + "': it is for "
          + TaskRoles.inWords(roles) + (TaskRoles.isTeamTask(roles) ? " of the child's team" : "") + ".");
    }
  }

  private boolean holdsARole(String userId, List<String> roles, String team) {
    for (String role : roles) {
      boolean inRole = teams.get().isMember(userId, role);
      if (inRole && (!TaskRoles.isTeamRole(role) || teams.get().isMember(userId, team))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the task is being created by the current command: the engine fires the assignee the diagram names as an
   * assignment right after creating the task, while the new task is still only in the command's entity cache.
   */
  private static boolean beingCreated(DelegateTask task) {
    return task instanceof TaskEntity entity && Context.getCommandContext() != null
        && Context.getCommandContext().getDbEntityManager().getDbEntityCache().isTransient(entity);
  }
}
