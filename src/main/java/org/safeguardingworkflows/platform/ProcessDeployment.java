package org.safeguardingworkflows.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every diagram in {@code processes/} and every form in {@code forms/} as ONE deployment with stable
 * resource names ({@code processes/x.bpmn}, {@code forms/y.form}), whichever way the application runs
 * (IDE, {@code mvn spring-boot:run}, fat jar). Stable names matter: the engine's duplicate filter compares
 * names and bytes, so an unchanged set creates no new process version, and forms referenced with
 * {@code camunda:formRefBinding="deployment"} always sit beside the diagram that uses them.
 * Camunda's own auto-deployment is switched off because its resource names depend on how the app was started.
 */
@Component
public class ProcessDeployment implements StartUpStep {

  public static final String DEPLOYMENT_NAME = "safeguarding-workflows";
  static final List<String> RESOURCE_PATTERNS = List.of(
      "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form");

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);

  private final RepositoryService repositoryService;

  public ProcessDeployment(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public String name() {
    return "deployment";
  }

  @Override
  public void run() {
    List<Resource> resources = findResources();
    if (resources.isEmpty()) {
      throw new IllegalStateException("No diagrams or forms found on the classpath under processes/ or forms/");
    }
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        // Whole-set filtering: a change to any file redeploys all of them together, so form references
        // bound to the deployment keep resolving.
        .enableDuplicateFiltering(false);
    for (Resource resource : resources) {
      builder.addInputStream(stableName(resource), read(resource));
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    boolean unchanged = deployment.getDeployedProcessDefinitions() == null
        || deployment.getDeployedProcessDefinitions().isEmpty();
    log.info("Deployment '{}' with {} diagrams and forms: {}", DEPLOYMENT_NAME, resources.size(),
        unchanged ? "unchanged, nothing new deployed" : "deployed as " + deployment.getId());
  }

  static List<Resource> findResources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> found = new ArrayList<>();
    for (String pattern : RESOURCE_PATTERNS) {
      try {
        found.addAll(Arrays.asList(resolver.getResources(pattern)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + pattern, e);
      }
    }
    found.sort(Comparator.comparing(ProcessDeployment::stableName));
    return found;
  }

  static String stableName(Resource resource) {
    String folder = resource.getFilename().endsWith(".form") ? "forms/" : "processes/";
    return folder + resource.getFilename();
  }

  private static InputStream read(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
