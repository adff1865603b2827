package org.safeguardingworkflows.testsupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.safeguardingworkflows.security.Role;
import org.springframework.boot.test.context.TestComponent;

/**
 * Staff for the tests, one or two per role (the postgres profile has no demo users). Created once per context.
 */
@TestComponent
public class TestStaff {

  public static final String PASSWORD = "Test-pass-2026";
  public static final String WORKER = "sw.one";
  public static final String SECOND_WORKER = "sw.two";
  public static final String TEAM_MANAGER = "tm.one";
  public static final String SENIOR_MANAGER = "sm.one";
  public static final String IRO = "iro.one";
  /** A second IRO, to chair when the child's previous IRO does not. */
  public static final String SECOND_IRO = "iro.two";
  public static final String LEGAL = "legal.one";
  public static final String COORDINATOR = "cc.one";
  public static final String PROCESS_OWNER = "po.one";

  public TestStaff(IdentityService identityService) {
    create(identityService, WORKER, Role.SOCIAL_WORKERS);
    create(identityService, SECOND_WORKER, Role.SOCIAL_WORKERS);
    create(identityService, TEAM_MANAGER, Role.TEAM_MANAGERS);
    create(identityService, SENIOR_MANAGER, Role.SENIOR_MANAGERS);
    create(identityService, IRO, Role.IROS);
    create(identityService, SECOND_IRO, Role.IROS);
    create(identityService, LEGAL, Role.LEGAL);
    create(identityService, COORDINATOR, Role.CONFERENCE_COORDINATORS);
    create(identityService, PROCESS_OWNER, Role.PROCESS_OWNERS);
  }

  private static void create(IdentityService identityService, String id, Role role) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("Staff");
      user.setLastName(role.displayName());
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, role.groupId());
    }
  }
}
