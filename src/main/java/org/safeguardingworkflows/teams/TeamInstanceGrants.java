package org.safeguardingworkflows.teams;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.springframework.stereotype.Component;

/**
 * The team reads its children's journeys, one authorization per journey: READ on the process instance (Cockpit's
 * instance view, its variables and activity tree, the engine REST instance queries) and READ on its history
 * (the engine's historic instance permissions are switched on for this). The history grant is also the record of
 * which team a journey belongs to ({@link #teamOf}). Team managers used to read every journey
 * through one grant on every instance; per-journey grants keep each team to its own children. Each lookup is by
 * resource id, which Camunda's schema indexes.
 */
@Component
public class TeamInstanceGrants {

  /** What the team may do with each of its journeys: read it running, and read its history. */
  private static final Map<Resource, Permission> READ_BY_TEAM = Map.of(
      Resources.PROCESS_INSTANCE, Permissions.READ,
      Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);

  private final AuthorizationService authorizationService;
  private final SystemAccess systemAccess;

  public TeamInstanceGrants(AuthorizationService authorizationService, SystemAccess systemAccess) {
    this.authorizationService = authorizationService;
    this.systemAccess = systemAccess;
  }

  public void grant(String processInstanceId, String teamId) {
    systemAccess.run(Reason.TEAM_GRANTS, () -> {
      for (Map.Entry<Resource, Permission> read : READ_BY_TEAM.entrySet()) {
        Resource resource = read.getKey();
        if (existing(processInstanceId, teamId, resource) == null) {
          Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
          authorization.setGroupId(teamId);
          authorization.setResource(resource);
          authorization.setResourceId(processInstanceId);
          authorization.addPermission(read.getValue());
          authorizationService.saveAuthorization(authorization);
        }
      }
    });
  }

  public void revoke(String processInstanceId, String teamId) {
    systemAccess.run(Reason.TEAM_GRANTS, () -> {
      for (Resource resource : READ_BY_TEAM.keySet()) {
        Authorization authorization = existing(processInstanceId, teamId, resource);
        if (authorization != null) {
          authorizationService.deleteAuthorization(authorization.getId());
        }
      }
    });
  }

  /**
   * The team the journey belongs to, as its history grant says (running or ended), or null. This, not the process
   * variable {@code team}, is what the application trusts: a variable can be rewritten by anyone completing
   * a task with extra variables, a grant only by the application.
   */
  public String teamOf(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    String grantedInThisCommand = grantedInTheCurrentCommand(processInstanceId);
    if (grantedInThisCommand != null) {
      return grantedInThisCommand;
    }
    return systemAccess.call(Reason.TEAM_GRANTS, () -> authorizationService.createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
            .resourceId(processInstanceId)
            .list())
        .stream().map(Authorization::getGroupId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  /**
   * A journey's first team task is created in the transaction that starts the journey, before its grant reaches the
   * database: the grant is then only in the engine's entity cache for the current command, where queries do not look.
   */
  private static String grantedInTheCurrentCommand(String processInstanceId) {
    if (Context.getCommandContext() == null) {
      return null;
    }
    return Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .filter(grant -> grant.getResourceType() == Resources.HISTORIC_PROCESS_INSTANCE.resourceType())
        .filter(grant -> processInstanceId.equals(grant.getResourceId()) && grant.getGroupId() != null)
        .map(AuthorizationEntity::getGroupId)
        .findFirst().orElse(null);
  }

  private Authorization existing(String processInstanceId, String teamId, Resource resource) {
    return authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(teamId)
        .resourceType(resource)
        .resourceId(processInstanceId)
        .singleResult();
  }
}
