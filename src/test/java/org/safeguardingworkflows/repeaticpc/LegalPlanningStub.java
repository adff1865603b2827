package org.safeguardingworkflows.repeaticpc;

import org.camunda.bpm.engine.RepositoryService;

/**
 * The legal planning tracker is another issue's process. Until it is merged, "Request legal planning" needs a process
 * that starts on {@code LegalPlanningRequested}: this deploys a test-only stand-in, and only when no deployed process
 * starts on that message (so the real tracker, once merged, is used instead).
 */
final class LegalPlanningStub {

  static final String RESOURCE = "test-processes/legal-planning-stub.bpmn";

  private LegalPlanningStub() {
  }

  static void deployUnlessATrackerExists(RepositoryService repositoryService) {
    boolean trackerDeployed = repositoryService.createProcessDefinitionQuery()
        .messageEventSubscriptionName(RepeatIcpcVariables.MESSAGE_LEGAL_PLANNING)
        .count() > 0;
    if (!trackerDeployed) {
      repositoryService.createDeployment()
          .name("test-legal-planning-stub")
          .addClasspathResource(RESOURCE)
          .deploy();
    }
  }
}
