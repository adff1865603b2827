package org.safeguardingworkflows.deployments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.safeguardingworkflows.deployments.ModelChecks.DeployedDiagram;
import org.safeguardingworkflows.teams.Teams;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Applies {@link DeploymentRules} and {@link ModelChecks} to every new deployment inside the engine, before the engine's own deployers
 * parse it: Modeler, {@code POST /engine-rest/deployment/create}, a redeployment and the application's own
 * start-up deployment all pass through here. A refused deployment throws {@link UntrustedDeploymentException}
 * inside the deployment's transaction, so nothing of it is stored, and the REST API answers 400 naming each element.
 * Deployments already stored are not re-checked when the engine reloads them, so running journeys keep running,
 * and the engine's duplicate filter never gets here: restarting on an existing database deploys nothing new.
 */
@Component
public class OnlyTrustedDeployments extends AbstractProcessEnginePlugin implements Deployer {

  private final ApplicationContext applicationContext;
  private volatile DeploymentRules rules;

  public OnlyTrustedDeployments(ApplicationContext applicationContext) {
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(0, this);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<Refusal> refusals = new ArrayList<>();
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
      refusals.addAll(refusalsFor(resource.getKey(), resource.getValue().getBytes()));
      resources.put(resource.getKey(), resource.getValue().getBytes());
    }
    refusals.addAll(ModelChecks.check(resources, new DeployedInThisEngine(Context.getCommandContext())));
    if (!refusals.isEmpty()) {
      throw new UntrustedDeploymentException(refusals);
    }
  }

  /** What the running engine would refuse in this resource; empty when it may be deployed. */
  public List<Refusal> refusalsFor(String resourceName, byte[] content) {
    return rules().check(resourceName, content);
  }

  private DeploymentRules rules() {
    DeploymentRules current = rules;
    if (current == null) {
      // Built on first use: by then every bean of the application is defined, so containsBean is complete.
      current = new DeploymentRules(ApplicationDelegates.names(), applicationContext::containsBean);
      rules = current;
    }
    return current;
  }

  /**
   * What the engine already holds, read inside the deployment's own command. Read without the deploying user's
   * authorizations: a process owner need not read every form or group for the checks to see them.
   */
  private record DeployedInThisEngine(CommandContext commandContext) implements ModelChecks.Deployed {

    @Override
    public boolean hasForm(String formId) {
      return commandContext.runWithoutAuthorization(
          () -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId)) != null;
    }

    @Override
    public Optional<DeployedDiagram> latest(String processKey) {
      return commandContext.runWithoutAuthorization(() -> {
        ProcessDefinitionEntity latest = commandContext.getProcessDefinitionManager().findLatestProcessDefinitionByKey(processKey);
        if (latest == null) {
          return Optional.<DeployedDiagram>empty();
        }
        ResourceEntity resource = commandContext.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
        return Optional.of(new DeployedDiagram(latest.getVersion(), latest.getVersionTag(),
            resource == null ? new byte[0] : resource.getBytes()));
      });
    }

    @Override
    public Optional<byte[]> form(String formId) {
      return commandContext.runWithoutAuthorization(() -> {
        var latest = commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId);
        if (latest == null) {
          return Optional.<byte[]>empty();
        }
        ResourceEntity resource = commandContext.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
        return Optional.ofNullable(resource == null ? null : resource.getBytes());
      });
    }

    @Override
    public boolean isTeam(String groupId) {
      return commandContext.runWithoutAuthorization(() -> {
        Group group = commandContext.getReadOnlyIdentityProvider().findGroupById(groupId);
        return group != null && Teams.GROUP_TYPE.equals(group.getType());
      });
    }
  }
}
