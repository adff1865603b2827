package org.safeguardingworkflows.teams;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.security.Role;
import org.springframework.stereotype.Component;

/**
 * Teams are Camunda groups of type {@value #GROUP_TYPE}: a social worker belongs to one team, a team manager to the
 * teams they manage. A child's journeys belong to the allocated worker's team (the process variable
 * {@code team}), and the team's group, not the organisation-wide role group, is the candidate group of the
 * team's tasks. Lookups go through {@link SystemAccess}: whether someone is in a team is the application's question,
 * whatever the asking user may list.
 */
@Component
public class Teams {

  public static final String GROUP_TYPE = "TEAM";
  /** The process variable holding the id of the team a child's journey belongs to. */
  public static final ProcessVariable<String> TEAM = ProcessVariable.text("team");
  /** Roles whose tasks go to the child's team instead of the whole organisation. */
  public static final Set<Role> TEAM_ROLES = EnumSet.of(Role.SOCIAL_WORKERS, Role.TEAM_MANAGERS);

  private final IdentityService identityService;
  private final SystemAccess systemAccess;

  public Teams(IdentityService identityService, SystemAccess systemAccess) {
    this.identityService = identityService;
    this.systemAccess = systemAccess;
  }

  /** Creates the team's group when it does not exist yet. */
  public void ensureTeam(String teamId, String name) {
    systemAccess.run(Reason.SET_UP_TEAMS, () -> {
      if (identityService.createGroupQuery().groupId(teamId).count() == 0) {
        Group group = identityService.newGroup(teamId);
        group.setName(name);
        group.setType(GROUP_TYPE);
        identityService.saveGroup(group);
      }
    });
  }

  public List<Group> all() {
    return systemAccess.call(Reason.STAFF_DIRECTORY, () -> identityService.createGroupQuery().groupType(GROUP_TYPE).list());
  }

  /** The ids of the teams the user belongs to (none for staff outside the teams: IROs, legal, coordinators). */
  public List<String> teamsOf(String userId) {
    if (userId == null || userId.isBlank()) {
      return List.of();
    }
    return systemAccess.call(Reason.STAFF_DIRECTORY, () -> identityService.createGroupQuery().groupMember(userId).groupType(GROUP_TYPE).list())
        .stream().map(Group::getId).toList();
  }

  /** The user's team when they belong to exactly one: a manager of two teams does not say which child is whose. */
  public Optional<String> onlyTeamOf(String userId) {
    List<String> teams = teamsOf(userId);
    return teams.size() == 1 ? Optional.of(teams.get(0)) : Optional.empty();
  }

  public boolean isMember(String userId, String teamId) {
    return userId != null && teamId != null
        && systemAccess.call(Reason.STAFF_DIRECTORY, () -> identityService.createUserQuery().userId(userId).memberOfGroup(teamId).count() > 0);
  }

  /**
   * Checks that the named worker belongs to exactly one team, so that the child's journeys have a team: "no-team"
   * otherwise.
   */
  public void checkHasOneTeam(String userId, String field, List<FieldProblem> problems) {
    if (userId != null && !userId.isBlank() && onlyTeamOf(userId).isEmpty()) {
      problems.add(new FieldProblem(field, "no-team",
          field + " '" + userId + "' must belong to exactly one team: the child's work goes to that team."));
    }
  }
}
