package org.safeguardingworkflows.teams;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.security.CallerRoles;
import org.safeguardingworkflows.security.Role;
import org.springframework.stereotype.Component;

/**
 * Whether the caller of the domain API may see a child's journey: senior managers, process owners and
 * administrators see every journey; the child's team (its workers and managers) sees the team's children; anyone
 * else only journeys with a task the engine lets them see (the IRO, legal, the conference coordinator). There is
 * no default: a call without a caller sees nothing, so the application's own work must not ask here but use
 * {@link SystemAccess}.
 */
@Component
public class ChildAccess {

  /** Roles that read every journey of every team. */
  public static final Set<Role> EVERY_JOURNEY_READERS = EnumSet.of(Role.SENIOR_MANAGERS, Role.PROCESS_OWNERS, Role.ADMINS);

  private final IdentityService identityService;
  private final TaskService taskService;
  private final TeamInstanceGrants grants;

  public ChildAccess(IdentityService identityService, TaskService taskService, TeamInstanceGrants grants) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.grants = grants;
  }

  /** True when the caller may see the journey (running or ended); false without a caller. */
  public boolean callerMaySee(String processInstanceId) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null || processInstanceId == null) {
      return false;
    }
    if (readsEveryJourney(caller)) {
      return true;
    }
    String team = grants.teamOf(processInstanceId);
    if (team != null && groups(caller).contains(team)) {
      return true;
    }
    // Under the caller's own authorizations: only a task they may see counts.
    return taskService.createTaskQuery().processInstanceId(processInstanceId).count() > 0;
  }

  public boolean readsEveryJourney(Authentication caller) {
    return CallerRoles.holdsAny(groups(caller), EVERY_JOURNEY_READERS);
  }

  /**
   * The person on whose behalf the engine is working now, or null when the application works on its own account
   * (no authentication: the job executor, work done through {@link SystemAccess}).
   */
  public static Authentication personActing(IdentityService identityService) {
    Authentication current = identityService.getCurrentAuthentication();
    if (current == null || current.getUserId() == null || SystemAccess.isApplicationWork()) {
      return null;
    }
    return current;
  }

  static List<String> groups(Authentication caller) {
    return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }
}
