package org.safeguardingworkflows.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.safeguardingworkflows.teams.Teams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One demo user per role, only in the demo profile (the default when no profile is chosen), so that a
 * newcomer can try every part of the journeys. Prints where to log in once the application is ready.
 */
@Component
@Profile("demo")
public class DemoUsers implements StartingStaff {

  /** A demo user: their role, and their team for workers and team managers (null for everyone else). */
  record DemoUser(String id, String firstName, String lastName, Role role, String team) {}

  /** The demo's two teams, each with a worker and a team manager; the senior manager reads both. */
  static final Map<String, String> TEAMS = Map.of("team-north", "North team", "team-south", "South team");

  static final List<DemoUser> USERS = List.of(
      new DemoUser("sam.worker", "Sam", "Worker", Role.SOCIAL_WORKERS, "team-north"),
      new DemoUser("alex.worker", "Alex", "Worker", Role.SOCIAL_WORKERS, "team-south"),
      new DemoUser("tia.manager", "Tia", "Manager", Role.TEAM_MANAGERS, "team-north"),
      new DemoUser("tom.manager", "Tom", "Manager", Role.TEAM_MANAGERS, "team-south"),
      new DemoUser("sol.senior", "Sol", "Senior", Role.SENIOR_MANAGERS, null),
      new DemoUser("ira.iro", "Ira", "Reviewing-Officer", Role.IROS, null),
      new DemoUser("lee.legal", "Lee", "Legal", Role.LEGAL, null),
      new DemoUser("cam.coordinator", "Cam", "Coordinator", Role.CONFERENCE_COORDINATORS, null),
      new DemoUser("pat.owner", "Pat", "Owner", Role.PROCESS_OWNERS, null));

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;
  private final String password;
  private final AdminAccountProperties admin;
  private final Environment environment;
  private final Teams teams;

  public DemoUsers(IdentityService identityService, @Value("${safeguarding.demo.password}") String password,
      AdminAccountProperties admin, Environment environment, Teams teams) {
    this.identityService = identityService;
    this.teams = teams;
    this.password = password;
    this.admin = admin;
    this.environment = environment;
  }

  @Override
  public String name() {
    return "demo teams and users";
  }

  @Override
  public void run() {
    TEAMS.forEach(teams::ensureTeam);
    for (DemoUser demoUser : USERS) {
      if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identityService.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setEmail(demoUser.id() + "@example.org");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(demoUser.id(), demoUser.role().groupId());
      }
      // Also for a demo database from before teams, whose users exist already.
      if (demoUser.team() != null
          && identityService.createUserQuery().userId(demoUser.id()).memberOfGroup(demoUser.team()).count() == 0) {
        identityService.createMembership(demoUser.id(), demoUser.team());
      }
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void printWhereToLogIn() {
    String port = environment.getProperty("local.server.port", "8080");
    String base = "http://localhost:" + port;
    StringBuilder users = new StringBuilder();
    for (DemoUser user : USERS) {
      users.append(String.format("%n    %-16s %s%s", user.id(), user.role().displayName(),
          user.team() == null ? "" : " (" + TEAMS.get(user.team()) + ")"));
    }
    users.append(String.format("%n    %-16s %s", admin.user(), Role.ADMINS.displayName()));
    log.info("""

        Safeguarding Workflows is ready (demo profile).
          Tasklist: {}/camunda/app/tasklist/
          Cockpit:  {}/camunda/app/cockpit/
          REST API: {}/engine-rest and {}/api (HTTP Basic)
          Demo users (password from safeguarding.demo.password, see README):{}
        """, base, base, base, base, users);
  }
}
