package org.safeguardingworkflows.platform;

import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.springframework.stereotype.Component;

/**
 * The instance of a process running for a child, whichever the caller may see: each process allows one at a time per
 * child, and the check must hold even for a caller who cannot read the other instance.
 */
@Component
public class RunningInstances {

  private final SystemAccess systemAccess;
  private final RuntimeService runtimeService;

  public RunningInstances(SystemAccess systemAccess, RuntimeService runtimeService) {
    this.systemAccess = systemAccess;
    this.runtimeService = runtimeService;
  }

  /** The id of an instance of {@code processKey} running for {@code childRef}, other than {@code exceptInstanceId}. */
  public Optional<String> of(String processKey, String childRef, String exceptInstanceId) {
    return systemAccess.call(Reason.ONE_PER_CHILD, () -> runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(processKey)
            .processInstanceBusinessKey(childRef)
            .list())
        .stream()
        .map(ProcessInstance::getId)
        .filter(id -> !id.equals(exceptInstanceId))
        .findFirst();
  }
}
