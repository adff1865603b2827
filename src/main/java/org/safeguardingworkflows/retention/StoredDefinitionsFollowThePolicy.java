package org.safeguardingworkflows.retention;

import java.util.Objects;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.safeguardingworkflows.platform.StartUpStep;
import org.safeguardingworkflows.platform.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At start-up, every stored version of every process takes the history time to live the retention policy sets now,
 * so that a changed policy applies to journeys already running or finished (the nightly clean-up computes each
 * journey's removal time from its version's time to live when the journey ends). Versions already in line are left
 * alone, so a restart changes nothing.
 */
@Component
public class StoredDefinitionsFollowThePolicy implements StartUpStep {

  private static final Logger log = LoggerFactory.getLogger(StoredDefinitionsFollowThePolicy.class);

  private final RepositoryService repositoryService;
  private final RetentionPolicy policy;
  private final SystemAccess systemAccess;

  public StoredDefinitionsFollowThePolicy(RepositoryService repositoryService, RetentionPolicy policy, SystemAccess systemAccess) {
    this.repositoryService = repositoryService;
    this.policy = policy;
    this.systemAccess = systemAccess;
  }

  @Override
  public String name() {
    return "retention policy on stored process versions";
  }

  @Override
  public void run() {
    systemAccess.run(SystemAccess.Reason.RETENTION_POLICY, () -> {
      int changed = 0;
      for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().list()) {
        int days = policy.daysFor(definition.getKey());
        if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
          try {
            repositoryService.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
            changed++;
          } catch (OptimisticLockingException e) {
            // Another node starting at the same moment made the same change.
          }
        }
      }
      if (changed > 0) {
        log.info("History time to live set to the retention policy on {} stored process versions", changed);
      }
    });
  }
}
