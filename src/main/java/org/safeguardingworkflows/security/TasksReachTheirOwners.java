package org.safeguardingworkflows.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.safeguardingworkflows.teams.Teams;

/**
 * A task nobody's list shows is a task nobody does: the audit found legal recommendations that were never
 * progressed, and "Approve step-down before the watch period" once sat in none of the senior managers' filters.
 * This check proves, from a diagram alone, that every role a user task is offered to has a Tasklist filter listing
 * it. It runs when a diagram is deployed (a diagram failing it is refused) and in the build's model checks.
 * <ul>
 *   <li>A task offered to social workers or team managers goes to the child's team at run time, and every team has
 *       "My team's tasks", listing the team's tasks whether assigned or not.</li>
 *   <li>A task offered to any other role needs one of that role's filters ({@link TaskFilters#ROLE_FILTERS}) to list
 *       it, whether or not it is also assigned: the assignee may be unset, or leave.</li>
 *   <li>An assigned task is also in its assignee's "My tasks"; a task with only an assignee relies on that.</li>
 * </ul>
 */
public final class TasksReachTheirOwners {

  private TasksReachTheirOwners() {
  }

  /**
   * What stops this task reaching its owners, in plain words naming the task and the role; empty when every
   * candidate group has a filter listing it.
   */
  public static List<String> unreached(String processKey, String taskId, String taskName, Collection<String> candidateGroups) {
    return unreached(processKey, taskId, taskName, candidateGroups, group -> false);
  }

  /**
   * The same, where a candidate group may also be one of the service's teams ({@code isTeam}, known only to the
   * running engine): every team has "My team's tasks", which lists the team's tasks.
   */
  public static List<String> unreached(String processKey, String taskId, String taskName, Collection<String> candidateGroups,
      Predicate<String> isTeam) {
    List<String> problems = new ArrayList<>();
    for (String group : candidateGroups) {
      Optional<Role> role = roleOf(group);
      if (role.isEmpty() && isTeam.test(group.trim())) {
        continue;
      }
      if (role.isEmpty()) {
        problems.add("The task '" + taskName + "' (" + taskId + ") is offered to '" + group
            + "', which is neither a role of the service nor a team, so no Tasklist filter lists it.");
      } else if (!Teams.TEAM_ROLES.contains(role.get()) && !listedForRole(role.get(), processKey, taskId)) {
        problems.add("The task '" + taskName + "' (" + taskId + ") is offered to " + role.get().displayName().toLowerCase()
            + ", but none of their Tasklist filters lists it: add it to one (security/TaskFilters) or offer it to another role.");
      }
    }
    return problems;
  }

  private static boolean listedForRole(Role role, String processKey, String taskId) {
    return TaskFilters.ROLE_FILTERS.stream()
        .filter(filter -> filter.role() == role)
        .anyMatch(filter -> filter.selection().lists(processKey, taskId));
  }

  private static Optional<Role> roleOf(String group) {
    for (Role role : Role.values()) {
      if (role.groupId().equals(group.trim())) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
