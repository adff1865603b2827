package org.safeguardingworkflows.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.platform.StartUpStep;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters each role opens on, created at start-up in every profile. Expressions are switched off
 * in stored queries (a filter could otherwise run arbitrary code), so no filter may say "${currentUser()}":
 * role filters name their group literally and are readable by that role only; "My team's tasks" is one filter per
 * team, naming the team's group and readable by it; "My tasks" is one filter per person, owned by them. Filters are recognised by the {@code definedBy} property, so a restart adds what is
 * missing and leaves what exists (and any change an administrator made to it) alone.
 */
@Component
public class TaskFilters implements StartUpStep {

  /** A filter for one role: name, which tasks it lists, and the Tasklist description. */
  record RoleFilter(Role role, String key, String name, String description, int priority, TaskSelection selection) {}

  /**
   * Which tasks a role filter lists, as data rather than a query, so that the same definition makes the stored
   * query and lets {@link TasksReachTheirOwners} prove, from a diagram alone, that each task reaches a filter.
   * {@code null} or empty criteria select everything; {@code ownGroupOnly} keeps to tasks offered to the role's group
   * (assigned ones included).
   */
  record TaskSelection(String processKey, Set<String> taskKeys, String taskKeyPrefix, boolean ownGroupOnly) {

    static TaskSelection process(String processKey) {
      return new TaskSelection(processKey, Set.of(), null, false);
    }

    static TaskSelection ownGroup() {
      return new TaskSelection(null, Set.of(), null, true);
    }

    static TaskSelection ownGroupIn(String processKey) {
      return new TaskSelection(processKey, Set.of(), null, true);
    }

    TaskQuery applyTo(TaskQuery query, Role role) {
      if (processKey != null) {
        query.processDefinitionKey(processKey);
      }
      if (!taskKeys.isEmpty()) {
        query.taskDefinitionKeyIn(taskKeys.stream().sorted().toArray(String[]::new));
      }
      if (taskKeyPrefix != null) {
        query.taskDefinitionKeyLike(taskKeyPrefix + "%");
      }
      if (ownGroupOnly) {
        query.taskCandidateGroup(role.groupId()).includeAssignedTasks();
      }
      return query;
    }

    /** Whether a task of this process, with this id, offered to this role, is listed. */
    boolean lists(String taskProcessKey, String taskKey) {
      return (processKey == null || processKey.equals(taskProcessKey))
          && (taskKeys.isEmpty() || taskKeys.contains(taskKey))
          && (taskKeyPrefix == null || taskKey.startsWith(taskKeyPrefix));
    }
  }

  static final String STEP_DOWN = StepDownVariables.PROCESS_KEY;
  static final String REPEAT_ICPC = RepeatIcpcVariables.PROCESS_KEY;

  /** The four views of the discussion before a repeat conference: while open, the view is still awaited. */
  static final Set<String> FOUR_PARTY_VIEW_TASKS = Set.of(RepeatIcpcVariables.Elements.TEAM_MANAGER_VIEW,
      RepeatIcpcVariables.Elements.SENIOR_MANAGER_VIEW, RepeatIcpcVariables.Elements.IRO_VIEW, RepeatIcpcVariables.Elements.LEGAL_VIEW);

  /** The repeat-ICPC tasks whose role is team managers (their candidate group at run time is the child's team). */
  static final Set<String> TEAM_MANAGER_ICPC_TASKS = Set.of(RepeatIcpcVariables.Elements.TEAM_MANAGER_VIEW,
      RepeatIcpcVariables.Elements.CHASE_HISTORY_SUMMARY);

  static final List<RoleFilter> ROLE_FILTERS = List.of(
      new RoleFilter(Role.TEAM_MANAGERS, "step-down", "My team's step-down cases", "Every open task on step-down journeys", 10,
          TaskSelection.process(STEP_DOWN)),
      // Team managers' tasks are offered to their teams' groups, so this filter names the tasks; the engine shows
      // each manager only their teams' ones.
      new RoleFilter(Role.TEAM_MANAGERS, "icpc-team-view", "Awaiting my view - repeat ICPC", "Repeat-ICPC proposals needing the team manager's view", 20,
          new TaskSelection(REPEAT_ICPC, TEAM_MANAGER_ICPC_TASKS, null, false)),
      new RoleFilter(Role.SENIOR_MANAGERS, "icpc-view", "Awaiting my view - repeat ICPC", "Repeat-ICPC proposals needing the senior manager's view or decision", 10,
          TaskSelection.ownGroupIn(REPEAT_ICPC)),
      // Senior managers read every journey's tasks: this lists, for each discussion under way, the views not yet given.
      new RoleFilter(Role.SENIOR_MANAGERS, "four-party", "Four-party discussions: views awaited", "The views still awaited in each discussion before a repeat conference", 12,
          new TaskSelection(REPEAT_ICPC, FOUR_PARTY_VIEW_TASKS, null, false)),
      new RoleFilter(Role.SENIOR_MANAGERS, "overdue", "Overdue", "Work that is late and has been escalated to senior managers", 5,
          new TaskSelection(null, Set.of(), "Task_Chase", true)),
      // Approvals, decisions and escalations of every process: "Approve step-down before the watch period" and the
      // legal planning escalations were in no senior manager's list.
      new RoleFilter(Role.SENIOR_MANAGERS, "all", "Senior managers' tasks", "Every approval, decision and escalation for senior managers", 15,
          TaskSelection.ownGroup()),
      new RoleFilter(Role.IROS, "icpc-view", "Awaiting my view - repeat ICPC", "Repeat-ICPC proposals needing the IRO's view", 10,
          TaskSelection.ownGroupIn(REPEAT_ICPC)),
      new RoleFilter(Role.LEGAL, "icpc-view", "Awaiting my view - repeat ICPC", "Repeat-ICPC proposals needing the legal view", 10,
          TaskSelection.ownGroupIn(REPEAT_ICPC)),
      new RoleFilter(Role.LEGAL, "team", "Legal team's tasks", "Every task for the legal team", 20,
          TaskSelection.ownGroup()),
      new RoleFilter(Role.CONFERENCE_COORDINATORS, "team", "Conferences to schedule", "Conferences waiting for a date and a chair", 10,
          TaskSelection.ownGroup()));

  /**
   * Filters of earlier versions, removed at start-up: every social worker's "My team's tasks" listed every worker's
   * tasks, and the team managers' repeat-ICPC filter asked for a candidate group that team tasks no longer carry.
   */
  static final List<String> RETIRED = List.of("social-workers:team", "team-managers:icpc-view");

  /** Roles whose members get a personal "My tasks" filter. */
  static final List<Role> PRACTITIONER_ROLES = List.of(Role.SOCIAL_WORKERS, Role.TEAM_MANAGERS, Role.SENIOR_MANAGERS,
      Role.IROS, Role.LEGAL, Role.CONFERENCE_COORDINATORS);

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final Teams teams;

  public TaskFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      IdentityService identityService, Teams teams) {
    this.teams = teams;
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.identityService = identityService;
  }

  @Override
  public String name() {
    return "task filters";
  }

  /** The roles' filters, one per practitioner and one per team, for the staff and teams that exist now. */
  @Override
  public void run() {
    createMissingRoleAndPersonalFilters();
    createMissingTeamFilters();
  }

  private void createMissingRoleAndPersonalFilters() {
    for (String retired : RETIRED) {
      Filter filter = filterDefinedBy(retired);
      if (filter != null) {
        filterService.deleteFilter(filter.getId());
      }
    }
    for (RoleFilter roleFilter : ROLE_FILTERS) {
      String definedBy = roleFilter.role().groupId() + ":" + roleFilter.key();
      if (filterDefinedBy(definedBy) == null) {
        Filter filter = filterService.newTaskFilter(roleFilter.name())
            .setQuery(roleFilter.selection().applyTo(taskService.createTaskQuery().orderByDueDate().asc(), roleFilter.role()))
            .setProperties(properties(definedBy, roleFilter.description(), roleFilter.priority()));
        filterService.saveFilter(filter);
        grantRead(filter.getId(), roleFilter.role().groupId());
      }
    }
    for (Role role : PRACTITIONER_ROLES) {
      for (User user : identityService.createUserQuery().memberOfGroup(role.groupId()).list()) {
        ensureMyTasks(user.getId());
      }
    }
  }

  /**
   * One "My team's tasks" per team, readable by the team's group: the team's tasks, assigned or not. A team an
   * administrator adds later gets its filter at the next start.
   */
  public void createMissingTeamFilters() {
    for (Group team : teams.all()) {
      ensureTeamFilter(team);
    }
  }

  public void ensureTeamFilter(Group team) {
    String definedBy = "team:" + team.getId();
    if (filterDefinedBy(definedBy) == null) {
      Filter filter = filterService.newTaskFilter("My team's tasks - " + (team.getName() == null ? team.getId() : team.getName()))
          .setQuery(taskService.createTaskQuery().taskCandidateGroup(team.getId()).includeAssignedTasks().orderByDueDate().asc())
          .setProperties(properties(definedBy, "The team's tasks, including those assigned", 10));
      filterService.saveFilter(filter);
      grantRead(filter.getId(), team.getId());
    }
  }

  /** A person's own "My tasks": what is assigned to them, soonest due first. */
  public void ensureMyTasks(String userId) {
    String definedBy = "user:" + userId;
    if (filterDefinedBy(definedBy) == null) {
      filterService.saveFilter(filterService.newTaskFilter("My tasks")
          .setOwner(userId)
          .setQuery(taskService.createTaskQuery().taskAssignee(userId).orderByDueDate().asc())
          .setProperties(properties(definedBy, "Tasks assigned to me, soonest due first", -10)));
    }
  }

  /** The filter created for {@code definedBy}: "user:&lt;id&gt;" for a person's "My tasks", "&lt;group&gt;:&lt;key&gt;" for a role's. */
  public Filter filterDefinedBy(String definedBy) {
    return filterService.createTaskFilterQuery().list().stream()
        .filter(filter -> filter.getProperties() != null && Objects.equals(definedBy, filter.getProperties().get("definedBy")))
        .findFirst().orElse(null);
  }

  private void grantRead(String filterId, String groupId) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(Resources.FILTER);
    authorization.setResourceId(filterId);
    authorization.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(authorization);
  }

  private static Map<String, Object> properties(String definedBy, String description, int priority) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("definedBy", definedBy);
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    return properties;
  }
}
