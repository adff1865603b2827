package org.safeguardingworkflows.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguardingworkflows.children.ChildLifeEventVariables;
import org.safeguardingworkflows.children.ConcernReviewVariables;
import org.safeguardingworkflows.legal.LegalPlanningVariables;
import org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.safeguardingworkflows.platform.StartUpStep;
import org.springframework.stereotype.Component;

/**
 * The grants each role needs, created at start-up in every profile (authorizations are always on).
 * Team managers' reach over journeys comes from their teams (see teams/). Administrators get everything on every
 * resource: the engine's admin status lifts command checks but not query filtering, so without explicit grants an
 * administrator would see empty lists.
 */
@Component
public class RoleAuthorizations implements StartUpStep {

  /** One row of the matrix: a role may do these things to this resource (id or {@code *}). */
  record Grant(Role role, Resource resource, String resourceId, Permission... permissions) {}

  static final String STEP_DOWN = StepDownVariables.PROCESS_KEY;
  static final String LEGAL_PLANNING = LegalPlanningVariables.PROCESS_KEY;
  static final String SUPERVISION_ORDER = SupervisionOrderVariables.PROCESS_KEY;
  static final String REPEAT_ICPC = RepeatIcpcVariables.PROCESS_KEY;
  static final String CONCERN_REVIEW = ConcernReviewVariables.PROCESS_KEY;
  static final String CHILD_LIFE_EVENT = ChildLifeEventVariables.PROCESS_KEY;

  static final List<Grant> GRANTS = List.of(
      // Who may open which webapp
      new Grant(Role.SOCIAL_WORKERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Role.TEAM_MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Role.TEAM_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(Role.SENIOR_MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Role.SENIOR_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(Role.IROS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Role.LEGAL, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Role.CONFERENCE_COORDINATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Role.PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Role.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      // Starting a step-down journey (Tasklist start form or the domain API)
      new Grant(Role.SOCIAL_WORKERS, Resources.PROCESS_DEFINITION, STEP_DOWN, Permissions.READ, Permissions.CREATE_INSTANCE),
      new Grant(Role.SOCIAL_WORKERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE),
      new Grant(Role.TEAM_MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE),
      // Recommending a legal planning meeting directly: team managers, IROs and the legal team (other routes start it
      // by message)
      new Grant(Role.TEAM_MANAGERS, Resources.PROCESS_DEFINITION, LEGAL_PLANNING, Permissions.READ, Permissions.CREATE_INSTANCE),
      new Grant(Role.IROS, Resources.PROCESS_DEFINITION, LEGAL_PLANNING, Permissions.READ, Permissions.CREATE_INSTANCE),
      new Grant(Role.LEGAL, Resources.PROCESS_DEFINITION, LEGAL_PLANNING, Permissions.READ, Permissions.CREATE_INSTANCE),
      new Grant(Role.IROS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE),
      new Grant(Role.LEGAL, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE),
      // Recording a supervision order the court has made: the supervising social worker or their manager
      new Grant(Role.SOCIAL_WORKERS, Resources.PROCESS_DEFINITION, SUPERVISION_ORDER, Permissions.READ, Permissions.CREATE_INSTANCE),
      new Grant(Role.TEAM_MANAGERS, Resources.PROCESS_DEFINITION, SUPERVISION_ORDER, Permissions.READ, Permissions.CREATE_INSTANCE),
      // Proposing a repeat ICPC (Tasklist start form or the domain API)
      new Grant(Role.SOCIAL_WORKERS, Resources.PROCESS_DEFINITION, REPEAT_ICPC, Permissions.READ, Permissions.CREATE_INSTANCE),
      new Grant(Role.TEAM_MANAGERS, Resources.PROCESS_DEFINITION, REPEAT_ICPC, Permissions.READ, Permissions.CREATE_INSTANCE),
      // ...and working its tasks: the IRO's and the legal view, scheduling the conference (task rights come with the task)
      new Grant(Role.IROS, Resources.PROCESS_DEFINITION, REPEAT_ICPC, Permissions.READ),
      new Grant(Role.LEGAL, Resources.PROCESS_DEFINITION, REPEAT_ICPC, Permissions.READ),
      new Grant(Role.CONFERENCE_COORDINATORS, Resources.PROCESS_DEFINITION, REPEAT_ICPC, Permissions.READ),
      // Raising a concern or reporting a life event of a child (the child-level API starts these as the caller, after
      // checking that the caller may see the child): the child's team, and senior managers for any child
      new Grant(Role.SOCIAL_WORKERS, Resources.PROCESS_DEFINITION, CONCERN_REVIEW, Permissions.READ, Permissions.CREATE_INSTANCE),
      new Grant(Role.SOCIAL_WORKERS, Resources.PROCESS_DEFINITION, CHILD_LIFE_EVENT, Permissions.READ, Permissions.CREATE_INSTANCE),
      new Grant(Role.SENIOR_MANAGERS, Resources.PROCESS_DEFINITION, CONCERN_REVIEW, Permissions.CREATE_INSTANCE),
      new Grant(Role.SENIOR_MANAGERS, Resources.PROCESS_DEFINITION, CHILD_LIFE_EVENT, Permissions.CREATE_INSTANCE),
      new Grant(Role.SENIOR_MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE),
      // Team managers see the diagrams; their teams' journeys they read through per-journey grants to the team's
      // group (teams/TeamInstanceGrants), and their teams' tasks as the tasks' candidate group (Cockpit is read-only)
      new Grant(Role.TEAM_MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE),
      // Only managers give a task to someone else; which task, and to whom, a task listener checks
      // (teams/AssignedWithinTheTaskRole): the grant alone would reach every task
      new Grant(Role.TEAM_MANAGERS, Resources.TASK, ANY, Permissions.TASK_ASSIGN),
      new Grant(Role.SENIOR_MANAGERS, Resources.TASK, ANY, Permissions.TASK_ASSIGN),
      // Senior managers read every journey and its history
      new Grant(Role.SENIOR_MANAGERS, Resources.PROCESS_DEFINITION, ANY,
          Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK),
      new Grant(Role.SENIOR_MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ),
      // Process owners change diagrams: they deploy (the engine refuses any deployment that runs code other than the
      // application's: deployments/DeploymentRules), suspend and activate definitions, migrate and modify instances
      // (their listeners always run: ListenersRunUnlessAnAdministratorSkipsThem) and read everything. They do not
      // delete deployments, definitions or instances (a cascade deletes the child's history with them), change a
      // definition's history time to live (UPDATE), or delete history (DELETE_HISTORY): a child's record is only an
      // administrator's to remove.
      new Grant(Role.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE),
      new Grant(Role.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY,
          Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK,
          ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
          Permissions.UPDATE_INSTANCE, Permissions.MIGRATE_INSTANCE),
      new Grant(Role.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
      new Grant(Role.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ),
      // ... and move running journeys as a Camunda batch (revisions/ProcessRevisions), whose progress they follow. They
      // neither suspend nor delete a batch (an administrator's), and no other role creates or reads one.
      new Grant(Role.PROCESS_OWNERS, Resources.BATCH, ANY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
          Permissions.READ, Permissions.READ_HISTORY));

  /**
   * Grants of earlier versions that are taken back at start-up, so that an existing database loses them too: team
   * managers used to read every journey, its tasks and its history.
   */
  static final List<Grant> REVOKED = List.of(
      new Grant(Role.TEAM_MANAGERS, Resources.PROCESS_DEFINITION, ANY,
          Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK),
      new Grant(Role.TEAM_MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));

  private final AuthorizationService authorizationService;

  public RoleAuthorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  static List<Grant> allGrants() {
    List<Grant> all = new java.util.ArrayList<>(GRANTS);
    for (Resources resource : Resources.values()) {
      all.add(new Grant(Role.ADMINS, resource, ANY, Permissions.ALL));
    }
    return all;
  }

  /** One authorization row of the engine: a role's grants on one resource id. */
  private record Key(Role role, Resource resource, String resourceId) {}

  /**
   * Makes each authorization of the matrix grant exactly what the matrix says: missing permissions are added, and
   * permissions the matrix no longer gives are withdrawn, so a database created when process owners had ALL loses
   * what they should not have at the next start.
   */
  @Override
  public String name() {
    return "authorizations";
  }

  @Override
  public void run() {
    applyMatrix();
  }

  void applyMatrix() {
    Map<Key, Set<Permission>> matrix = new LinkedHashMap<>();
    for (Grant grant : allGrants()) {
      matrix.computeIfAbsent(new Key(grant.role(), grant.resource(), grant.resourceId()), key -> new LinkedHashSet<>())
          .addAll(List.of(grant.permissions()));
    }
    matrix.forEach(this::grantExactly);
    // Rows that left the matrix altogether are not reached above: take their permissions back one by one.
    for (Grant revoked : REVOKED) {
      Key key = new Key(revoked.role(), revoked.resource(), revoked.resourceId());
      if (!matrix.containsKey(key)) {
        revoke(key, revoked.permissions());
      }
    }
  }

  private void revoke(Key key, Permission... permissions) {
    Authorization authorization = findOrCreate(key);
    if (authorization.getId() != null && Arrays.stream(permissions).anyMatch(authorization::isPermissionGranted)) {
      for (Permission permission : permissions) {
        authorization.removePermission(permission);
      }
      authorizationService.saveAuthorization(authorization);
    }
  }

  private void grantExactly(Key key, Set<Permission> permissions) {
    Authorization authorization = findOrCreate(key);
    boolean changed = authorization.getId() == null || !withdrawn(authorization, permissions).isEmpty()
        || permissions.stream().anyMatch(permission -> !authorization.isPermissionGranted(permission));
    if (changed) {
      authorization.setPermissions(permissions.toArray(Permission[]::new));
      authorizationService.saveAuthorization(authorization);
    }
  }

  /** One authorization per group, resource and id (the engine's unique key); rows of the matrix merge into it. */
  private Authorization findOrCreate(Key key) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(key.role().groupId())
        .resourceType(key.resource())
        .resourceId(key.resourceId())
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(key.role().groupId());
      authorization.setResource(key.resource());
      authorization.setResourceId(key.resourceId());
    }
    return authorization;
  }

  /** Permissions the authorization grants that the matrix does not. */
  private static List<Permission> withdrawn(Authorization authorization, Set<Permission> permissions) {
    int granted = permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
    return Arrays.stream(ResourceTypeUtil.getPermissionsByResourceType(authorization.getResourceType()))
        .filter(permission -> permission.getValue() != 0 && (granted & permission.getValue()) != permission.getValue())
        .filter(authorization::isPermissionGranted)
        .toList();
  }
}
