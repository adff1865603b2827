package org.safeguardingworkflows.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/** Creates one Camunda group per {@link Role} at start-up, in every profile. */
@Component
public class RoleGroups {

  private final IdentityService identityService;

  public RoleGroups(IdentityService identityService) {
    this.identityService = identityService;
  }

  @PostConstruct
  void createMissingGroups() {
    for (Role role : Role.values()) {
      if (identityService.createGroupQuery().groupId(role.groupId()).count() == 0) {
        Group group = identityService.newGroup(role.groupId());
        group.setName(role.displayName());
        group.setType(role == Role.ADMINS ? "SYSTEM" : "WORKFLOW");
        identityService.saveGroup(group);
      }
    }
  }
}
