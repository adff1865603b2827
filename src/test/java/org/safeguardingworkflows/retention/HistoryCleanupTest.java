package org.safeguardingworkflows.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History clean-up is scheduled every night and each process keeps its history for the time the retention policy
 * sets: without the batch window the engine never removed anything, whatever a diagram's time to live said.
 */
@ApplicationTest
class HistoryCleanupTest {

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;
  @Autowired RetentionPolicy policy;

  @Test
  void historyCleanupIsScheduledInTheNightlyWindow() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");

    List<Job> cleanupJobs = historyService.findHistoryCleanupJobs();
    assertThat(cleanupJobs).as("the engine's history clean-up job").isNotEmpty();
    for (Job job : cleanupJobs) {
      LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(!due.isBefore(LocalTime.of(22, 0)) || !due.isAfter(LocalTime.of(5, 0)))
          .as("due at " + due + ", inside the window 22:00-05:00").isTrue();
    }
  }

  @Test
  void everyDeployedProcessKeepsItsHistoryForThePolicysTime() {
    assertThat(policy.historyTimeToLiveDays()).isEqualTo(9125);
    List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery().list();
    assertThat(definitions).hasSizeGreaterThanOrEqualTo(6);
    assertThat(definitions).allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
        .as(definition.getId()).isEqualTo(policy.daysFor(definition.getKey())));
  }
}
