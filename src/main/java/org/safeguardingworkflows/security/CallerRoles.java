package org.safeguardingworkflows.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Role checks for domain API operations that are not Camunda resources (reports, data imports): the caller's groups
 * come from the engine's current authentication, which {@link ApiAuthentication} sets for every {@code /api} request.
 */
@Component
public class CallerRoles {

  private final IdentityService identityService;

  public CallerRoles(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Refuses with 403 problem+json unless the caller holds one of the roles; {@code action} completes "may ...". */
  public void require(Set<Role> roles, String action) {
    Authentication caller = identityService.getCurrentAuthentication();
    requireAny(caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds(), roles, action);
  }

  /** The same for a caller known by their groups (a webapp session, where the engine's authentication is not set). */
  public static void requireAny(Collection<String> groupIds, Set<Role> roles, String action) {
    if (!holdsAny(groupIds, roles)) {
      throw ApiProblem.forbidden("Only " + names(roles) + " may " + action + ".");
    }
  }

  public static boolean holdsAny(Collection<String> groupIds, Set<Role> roles) {
    return roles.stream().anyMatch(role -> groupIds.contains(role.groupId()));
  }

  /** "process owners and administrators", "team managers, senior managers and ..." */
  public static String names(Set<Role> roles) {
    List<String> names = roles.stream().map(role -> role.displayName().toLowerCase()).toList();
    return names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
