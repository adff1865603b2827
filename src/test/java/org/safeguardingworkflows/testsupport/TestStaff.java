package org.safeguardingworkflows.testsupport;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.StartingStaff;
import org.safeguardingworkflows.teams.Teams;
import org.springframework.boot.test.context.TestComponent;

/**
 * Staff for the tests, one or two per role (the postgres profile has no demo users), and two teams: {@link #TEAM}
 * with {@link #WORKER} and {@link #TEAM_MANAGER}, {@link #SECOND_TEAM} with {@link #SECOND_WORKER} and
 * {@link #SECOND_TEAM_MANAGER}. Created once per context, by the start-up sequence.
 */
@TestComponent
public class TestStaff implements StartingStaff {

  public static final String PASSWORD = "Test-pass-2026";
  public static final String WORKER = "sw.one";
  public static final String SECOND_WORKER = "sw.two";
  public static final String TEAM_MANAGER = "tm.one";
  /** The second team's manager: manages {@link #SECOND_WORKER}, not {@link #WORKER}. */
  public static final String SECOND_TEAM_MANAGER = "tm.two";
  /** The team of {@link #WORKER} and {@link #TEAM_MANAGER}. */
  public static final String TEAM = "team-one";
  /** The team of {@link #SECOND_WORKER} and {@link #SECOND_TEAM_MANAGER}. */
  public static final String SECOND_TEAM = "team-two";
  public static final String SENIOR_MANAGER = "sm.one";
  public static final String IRO = "iro.one";
  /** A second IRO, to chair when the child's previous IRO does not. */
  public static final String SECOND_IRO = "iro.two";
  public static final String LEGAL = "legal.one";
  public static final String COORDINATOR = "cc.one";
  public static final String PROCESS_OWNER = "po.one";

  private final IdentityService identityService;
  private final Teams teams;

  /**
   * Each person's name as the identity service holds it: distinct, so that a list of staff (the forms' pickers) shows
   * who is who. None appears in {@link #PASSWORD} (the password policy refuses a password holding the user's name).
   */
  private static final Map<String, String> NAMES = Map.of(
      WORKER, "Sam Walker", SECOND_WORKER, "Sue Ward", TEAM_MANAGER, "Tom Marsh", SECOND_TEAM_MANAGER, "Tia Moss",
      SENIOR_MANAGER, "Sian Morgan", IRO, "Ian Reid", SECOND_IRO, "Isla Ross", LEGAL, "Lena Gray",
      COORDINATOR, "Cara Cole", PROCESS_OWNER, "Paul Owen");

  /** The name shown for this member of the test staff (first and last name). */
  public static String name(String userId) {
    return NAMES.get(userId);
  }

  public TestStaff(IdentityService identityService, Teams teams) {
    this.identityService = identityService;
    this.teams = teams;
  }

  @Override
  public String name() {
    return "test staff";
  }

  @Override
  public void run() {
    teams.ensureTeam(TEAM, "Team one");
    teams.ensureTeam(SECOND_TEAM, "Team two");
    create(identityService, WORKER, Role.SOCIAL_WORKERS, TEAM);
    create(identityService, SECOND_WORKER, Role.SOCIAL_WORKERS, SECOND_TEAM);
    create(identityService, TEAM_MANAGER, Role.TEAM_MANAGERS, TEAM);
    create(identityService, SECOND_TEAM_MANAGER, Role.TEAM_MANAGERS, SECOND_TEAM);
    create(identityService, SENIOR_MANAGER, Role.SENIOR_MANAGERS);
    create(identityService, IRO, Role.IROS);
    create(identityService, SECOND_IRO, Role.IROS);
    create(identityService, LEGAL, Role.LEGAL);
    create(identityService, COORDINATOR, Role.CONFERENCE_COORDINATORS);
    create(identityService, PROCESS_OWNER, Role.PROCESS_OWNERS);
  }

  private static void create(IdentityService identityService, String id, Role role, String team) {
    create(identityService, id, role);
    if (identityService.createUserQuery().userId(id).memberOfGroup(team).count() == 0) {
      identityService.createMembership(id, team);
    }
  }

  private static void create(IdentityService identityService, String id, Role role) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      String[] name = NAMES.get(id).split(" ", 2);
      user.setFirstName(name[0]);
      user.setLastName(name[1]);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, role.groupId());
    }
  }
}
