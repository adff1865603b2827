package org.safeguardingworkflows.security;

import org.camunda.bpm.engine.IdentityService;
import java.util.List;

import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.springframework.stereotype.Component;

/** Who works here and in which role: answers for validation, whatever the asking user may list themselves. */
@Component
public class Staff {

  private final IdentityService identityService;
  private final SystemAccess systemAccess;

  public Staff(IdentityService identityService, SystemAccess systemAccess) {
    this.identityService = identityService;
    this.systemAccess = systemAccess;
  }

  /**
   * Checks that a field names a user of this service who holds the role: "required", "unknown-user" or
   * "wrong-role" otherwise.
   */
  public void check(String userId, String field, Role role, List<FieldProblem> problems) {
    if (userId == null || userId.isBlank()) {
      problems.add(new FieldProblem(field, "required", field + " is required."));
    } else if (!exists(userId)) {
      problems.add(new FieldProblem(field, "unknown-user", field + " '" + userId + "' is not a user of this service."));
    } else if (!hasRole(userId, role)) {
      problems.add(new FieldProblem(field, "wrong-role", field + " '" + userId + "' is not in the " + role.groupId() + " group."));
    }
  }

  public boolean exists(String userId) {
    return userId != null && !userId.isBlank()
        && systemAccess.call(() -> identityService.createUserQuery().userId(userId).count() > 0);
  }

  public boolean hasRole(String userId, Role role) {
    return userId != null && !userId.isBlank()
        && systemAccess.call(() -> identityService.createUserQuery().userId(userId).memberOfGroup(role.groupId()).count() > 0);
  }
}
