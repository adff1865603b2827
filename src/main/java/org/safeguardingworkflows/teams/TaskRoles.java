package org.safeguardingworkflows.teams;

import org.safeguardingworkflows.security.Role;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * A task's roles: the candidate groups its diagram gives it ({@code social-workers}, {@code legal,team-managers}).
 * Read from the BPMN model, not from the task's identity links: at run time team tasks carry the team's group instead,
 * and an identity link can be added by anyone who may update the task.
 */
final class TaskRoles {

  private TaskRoles() {
  }

  static List<String> of(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    if (userTask == null || userTask.getCamundaCandidateGroups() == null) {
      return List.of();
    }
    return Arrays.stream(userTask.getCamundaCandidateGroups().split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
  }

  /** The roles as a practitioner reads them ("social workers or team managers"), never as group ids. */
  static String inWords(List<String> groupIds) {
    List<String> names = groupIds.stream().map(id -> Arrays.stream(Role.values()).filter(role -> role.groupId().equals(id))
        .findFirst().map(role -> role.displayName().toLowerCase()).orElse(id)).toList();
    return names.size() <= 1 ? String.join("", names)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  static boolean isTeamRole(String groupId) {
    return Teams.TEAM_ROLES.stream().anyMatch(role -> role.groupId().equals(groupId));
  }

  static boolean isTeamTask(List<String> roles) {
    return roles.stream().anyMatch(TaskRoles::isTeamRole);
  }
}
