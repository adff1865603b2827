package org.safeguardingworkflows.platform;

import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The instance of a process running for a child, whichever the caller may see: each process allows one at a time per
 * child, and the check must hold even for a caller who cannot read the other instance.
 */
public final class RunningInstances {

  private RunningInstances() {
  }

  /** The id of an instance of {@code processKey} running for {@code childRef}, other than {@code exceptInstanceId}. */
  public static Optional<String> of(SystemAccess systemAccess, RuntimeService runtimeService, String processKey,
      String childRef, String exceptInstanceId) {
    return systemAccess.call(SystemAccess.Reason.ONE_PER_CHILD, () -> runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(processKey)
            .processInstanceBusinessKey(childRef)
            .list())
        .stream()
        .map(ProcessInstance::getId)
        .filter(id -> !id.equals(exceptInstanceId))
        .findFirst();
  }
}
