package org.safeguardingworkflows.teams;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The person completing a task holds one of its roles (the diagram's candidate groups) or is its assignee: a team
 * manager does not complete a worker's visit because the team's group lets them open it, and nobody completes a task of
 * a role they do not hold. Work the application does on its own account passes; the refusal rolls the completion back.
 */
public class CompletedByTheTaskRole implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Authentication person = ChildAccess.personActing(task.getProcessEngineServices().getIdentityService());
    if (person == null || person.getUserId().equals(task.getAssignee())) {
      return;
    }
    List<String> groups = ChildAccess.groups(person);
    if (TaskRoles.of(task).stream().noneMatch(groups::contains)) {
      throw new AuthorizationException("Only the person it is assigned to, or one of the "
          + TaskRoles.inWords(TaskRoles.of(task)) + " it is for, may complete the task '" + task.getName() + "'.");
    }
  }
}
