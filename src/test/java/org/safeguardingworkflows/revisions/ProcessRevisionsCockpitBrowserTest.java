package org.safeguardingworkflows.revisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner opens Cockpit, chooses a process with two versions, dry-runs moving its journeys to the revision,
 * reads where each would go and which cannot move (nothing has moved), and only then migrates.
 */
@ApplicationTest
class ProcessRevisionsCockpitBrowserTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  final String key = "revisionProbe" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

  @Test
  void aProcessOwnerDryRunsTheMigrationInCockpitAndThenMigrates() throws Exception {
    deploy("1", true);
    String first = start(null);
    String second = start(null);
    String atRemovedTask = start("Task_Second");
    deploy("2", false);
    String firstVersion = definitionOf(first);

    try (Browser browser = Browser.open("cockpit-process-revisions")) {
      WebDriver page = browser.driver();
      page.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
      browser.waitUntil(driver -> driver.findElement(By.cssSelector("form[name='signinForm'] input[type='text']"))).sendKeys(TestStaff.PROCESS_OWNER);
      page.findElement(By.cssSelector("form[name='signinForm'] input[type='password']")).sendKeys(TestStaff.PASSWORD);
      page.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
      // Cockpit opens on the repeat-plan dashboard's tab; the revisions panel is on Cockpit's own dashboard.
      browser.waitUntil(driver -> !driver.getCurrentUrl().contains("login"));
      page.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/dashboard");

      WebElement plugin = browser.waitUntil(driver -> {
        List<WebElement> loaded = driver.findElements(By.cssSelector("section[data-plugin='process-revisions'][data-loaded='revisions']"));
        return loaded.isEmpty() ? null : loaded.get(0);
      });
      new Select(page.findElement(By.id("sw-pr-process"))).selectByValue(key);
      browser.waitUntil(driver -> driver.findElements(By.cssSelector(".sw-pr-versions tr[data-version='2']")).size() == 1
          && new Select(driver.findElement(By.id("sw-pr-to"))).getFirstSelectedOption().getAttribute("value").equals("2"));
      assertThat(page.findElement(By.cssSelector(".sw-pr-versions tr[data-version='1'] td[data-running]")).getText()).isEqualTo("3");
      assertThat(new Select(page.findElement(By.id("sw-pr-from"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("1");
      WebElement migrate = page.findElement(By.cssSelector("button[data-action='migrate']"));
      assertThat(migrate.isEnabled()).as("no migration before a dry run").isFalse();
      browser.screenshot("process-revisions-versions");

      browser.click(page.findElement(By.cssSelector("button[data-action='dry-run']")));
      browser.waitUntil(driver -> "dry-run".equals(plugin.getAttribute("data-report")));
      WebElement firstTask = page.findElement(By.cssSelector(".sw-pr-report tr[data-activity='Task_First']"));
      assertThat(firstTask.getAttribute("data-instances")).isEqualTo("2");
      assertThat(firstTask.getAttribute("data-moves-to")).isEqualTo("Task_First");
      WebElement removedTask = page.findElement(By.cssSelector(".sw-pr-report tr[data-activity='Task_Second']"));
      assertThat(removedTask.getAttribute("data-moves-to")).isEmpty();
      assertThat(removedTask.getText()).contains("cannot move: not in version 2");
      assertThat(page.findElement(By.cssSelector(".sw-pr-unmovable li[data-instance='" + atRemovedTask + "']")).getText())
          .contains("'Second' (Task_Second), which version 2 does not have");
      assertThat(page.findElement(By.cssSelector(".sw-pr-summary")).getText())
          .isEqualTo("2 of 3 journeys can move; 1 cannot and would stay on version 1. Nothing has been moved.");
      assertThat(List.of(first, second, atRemovedTask)).as("the dry run moved nothing")
          .allMatch(instance -> definitionOf(instance).equals(firstVersion));
      assertThat(migrate.isEnabled()).isTrue();
      assertThat(migrate.getText()).isEqualTo("Migrate 2 journeys");
      browser.screenshot("process-revisions-dry-run");

      browser.click(migrate);
      // A Camunda batch moves them; the job executor is off in tests, so its jobs are run here while the panel follows.
      browser.waitUntil(driver -> "migrating".equals(plugin.getAttribute("data-report")));
      runBatch(plugin.getAttribute("data-batch"));
      browser.waitUntil(driver -> "migrated".equals(plugin.getAttribute("data-report")));
      assertThat(page.findElement(By.cssSelector(".sw-pr-summary")).getText())
          .isEqualTo("2 of 3 journeys moved to version 2; 1 stayed on version 1.");
      browser.screenshot("process-revisions-migrated");
      String secondVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(2)
          .singleResult().getId();
      assertThat(definitionOf(first)).isEqualTo(secondVersion);
      assertThat(definitionOf(second)).isEqualTo(secondVersion);
      assertThat(definitionOf(atRemovedTask)).isEqualTo(firstVersion);
    }
  }

  /** Version 1: the first task, then the second; version 2 drops the second. */
  private void deploy(String versionTag, boolean withSecondTask) {
    String dueDate = "${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}";
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(3650)
        .camundaVersionTag(versionTag).name("Revision probe")
        .startEvent("StartEvent_Start")
        .userTask("Task_First").name("First").camundaCandidateGroups("team-managers").camundaDueDate(dueDate)
        .camundaFormRef("approve-step-down-plan").camundaFormRefBinding("latest");
    if (withSecondTask) {
      flow = flow.userTask("Task_Second").name("Second").camundaCandidateGroups("team-managers").camundaDueDate(dueDate)
          .camundaFormRef("approve-step-down-plan").camundaFormRefBinding("latest");
    }
    BpmnModelInstance model = flow.endEvent("End_Done").done();
    repositoryService.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
  }

  /** A journey of the child's team, waiting at its first task or, when given, at that one. */
  private String start(String startBefore) {
    String childRef = "C-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> variables = Map.of("allocatedWorker", TestStaff.WORKER);
    String instance = runtimeService.startProcessInstanceByKey(key, childRef, variables).getId();
    if (startBefore != null) {
      // Moved on without completing the first task's form: the journey has its team from its start.
      runtimeService.createProcessInstanceModification(instance).startBeforeActivity(startBefore)
          .cancelAllForActivity("Task_First").execute();
    }
    return instance;
  }

  /** The batch's seed job, then its migration jobs, as the job executor would run them. */
  private void runBatch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    for (String jobDefinitionId : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId())) {
      for (int round = 0; round < 10 && managementService.createJobQuery().jobDefinitionId(jobDefinitionId).count() > 0; round++) {
        managementService.createJobQuery().jobDefinitionId(jobDefinitionId).list()
            .forEach(job -> managementService.executeJob(job.getId()));
      }
    }
  }

  private String definitionOf(String instance) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId();
  }
}
