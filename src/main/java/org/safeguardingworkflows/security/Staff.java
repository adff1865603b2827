package org.safeguardingworkflows.security;

import org.camunda.bpm.engine.IdentityService;
import org.safeguardingworkflows.platform.SystemAccess;
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

  public boolean exists(String userId) {
    return userId != null && !userId.isBlank()
        && systemAccess.call(() -> identityService.createUserQuery().userId(userId).count() > 0);
  }

  public boolean hasRole(String userId, Role role) {
    return userId != null && !userId.isBlank()
        && systemAccess.call(() -> identityService.createUserQuery().userId(userId).memberOfGroup(role.groupId()).count() > 0);
  }
}
