package org.safeguardingworkflows.deployments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.safeguardingworkflows.platform.StartUpStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deployments stored before the engine checked them (an existing database) are not re-checked when the engine loads
 * them, so that running journeys keep running. At start-up each stored deployment is read against the same rule and
 * any that would be refused now is named in the log, for an administrator to review and, if it runs code, delete.
 */
@Component
public class StoredDeploymentsReview implements StartUpStep {

  private static final Logger log = LoggerFactory.getLogger(StoredDeploymentsReview.class);

  private final RepositoryService repositoryService;
  private final OnlyTrustedDeployments onlyTrustedDeployments;

  public StoredDeploymentsReview(RepositoryService repositoryService, OnlyTrustedDeployments onlyTrustedDeployments) {
    this.repositoryService = repositoryService;
    this.onlyTrustedDeployments = onlyTrustedDeployments;
  }

  @Override
  public String name() {
    return "stored deployments review";
  }

  @Override
  public void run() {
    for (Deployment deployment : repositoryService.createDeploymentQuery().list()) {
      List<Refusal> refusals = refusalsFor(deployment);
      if (!refusals.isEmpty()) {
        log.warn("Deployment {} ('{}', {}) was stored before deployments were checked and would be refused now: {}",
            deployment.getId(), deployment.getName(), deployment.getDeploymentTime(), refusals);
      }
    }
  }

  List<Refusal> refusalsFor(Deployment deployment) {
    List<Refusal> refusals = new ArrayList<>();
    for (String resourceName : repositoryService.getDeploymentResourceNames(deployment.getId())) {
      try (InputStream content = repositoryService.getResourceAsStream(deployment.getId(), resourceName)) {
        refusals.addAll(onlyTrustedDeployments.refusalsFor(resourceName, content.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resourceName + " of deployment " + deployment.getId(), e);
      }
    }
    return refusals;
  }
}
