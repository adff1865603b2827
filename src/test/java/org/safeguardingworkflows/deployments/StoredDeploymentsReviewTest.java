package org.safeguardingworkflows.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

/** A deployment stored before the check (which the engine cannot be made to store now) is found and named. */
class StoredDeploymentsReviewTest {

  @Test
  void aStoredDeploymentThatWouldBeRefusedNowIsFound_aCleanOneIsNot() {
    RepositoryService repositoryService = mock(RepositoryService.class);
    StoredDeploymentsReview review = new StoredDeploymentsReview(repositoryService,
        new OnlyTrustedDeployments(mock(ApplicationContext.class)));
    Deployment old = stored(repositoryService, "old", DeploymentRulesTest.bpmn(
        "<bpmn:scriptTask id=\"Task_OldScript\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"));
    Deployment clean = stored(repositoryService, "clean", DeploymentRulesTest.bpmn(
        "<bpmn:userTask id=\"Task_Clean\" camunda:assignee=\"${teamManager}\" />"));

    assertThat(review.refusalsFor(old)).extracting(Refusal::elementId).isNotEmpty().containsOnly("Task_OldScript");
    assertThat(review.refusalsFor(clean)).isEmpty();
  }

  private static Deployment stored(RepositoryService repositoryService, String id, String diagram) {
    Deployment deployment = mock(Deployment.class);
    when(deployment.getId()).thenReturn(id);
    when(repositoryService.getDeploymentResourceNames(id)).thenReturn(List.of(id + ".bpmn"));
    when(repositoryService.getResourceAsStream(id, id + ".bpmn"))
        .thenReturn(new ByteArrayInputStream(diagram.getBytes(StandardCharsets.UTF_8)));
    return deployment;
  }
}
