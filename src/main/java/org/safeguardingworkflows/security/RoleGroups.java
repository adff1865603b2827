package org.safeguardingworkflows.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.safeguardingworkflows.platform.StartUpStep;
import org.springframework.stereotype.Component;

/** Creates one Camunda group per {@link Role} at start-up, in every profile (a step of the start-up sequence). */
@Component
public class RoleGroups implements StartUpStep {

  private final IdentityService identityService;

  public RoleGroups(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public String name() {
    return "role groups";
  }

  @Override
  public void run() {
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
