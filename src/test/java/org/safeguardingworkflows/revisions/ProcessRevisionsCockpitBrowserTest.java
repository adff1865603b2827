package org.safeguardingworkflows.revisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Axe;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * A process owner opens Cockpit, chooses a process with two versions, dry-runs moving its journeys to the revision,
 * reads where each would go and which cannot move (nothing has moved), and only then migrates. When the revision
 * gave an activity a new id, the owner chooses in the panel where its journeys go, sees the dry run move them there,
 * and migrates exactly that.
 */
@ApplicationTest
class ProcessRevisionsCockpitBrowserTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;

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
      WebElement plugin = openPanelAsProcessOwner(browser);
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

  @Test
  void aProcessOwnerMapsARenamedActivityInCockpit_theDryRunShowsIt_andTheMigrationMovesTheJourneyWithItsTask() throws Exception {
    Reply first = deployAsProcessOwner(withHoldSupervision("1", "Task_HoldSupervision"));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    String atFirst = start(null);
    String atHold = start("Task_HoldSupervision");
    Task heldBefore = taskService.createTaskQuery().processInstanceId(atHold).singleResult();
    taskService.setAssignee(heldBefore.getId(), TestStaff.TEAM_MANAGER);
    // The revision gives the task a new id (as Modeler does when an activity is replaced by a new one).
    Reply second = deployAsProcessOwner(withHoldSupervision("2", "Task_HoldManagementSupervision"));
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    String secondVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(2)
        .singleResult().getId();

    try (Browser browser = Browser.open("cockpit-process-revisions-mappings")) {
      WebDriver page = browser.driver();
      WebElement plugin = openPanelAsProcessOwner(browser);
      browser.click(page.findElement(By.cssSelector("button[data-action='dry-run']")));
      browser.waitUntil(driver -> "dry-run".equals(plugin.getAttribute("data-report")));
      WebElement renamed = page.findElement(By.cssSelector(".sw-pr-report tr[data-activity='Task_HoldSupervision']"));
      assertThat(renamed.getAttribute("data-moves-to")).isEmpty();
      assertThat(renamed.getText()).contains("cannot move: not in version 2");
      assertThat(page.findElement(By.cssSelector(".sw-pr-summary")).getText())
          .isEqualTo("1 of 2 journeys can move; 1 cannot and would stay on version 1. Nothing has been moved.");
      assertThat(page.findElements(By.id("sw-pr-map-Task_First"))).as("its id is in version 2: no choice to make").isEmpty();

      // The choice: a labelled select of version 2's user tasks (not its start or end event), leaving them first.
      WebElement mapping = page.findElement(By.id("sw-pr-map-Task_HoldSupervision"));
      assertThat(page.findElement(By.cssSelector("label[for='sw-pr-map-Task_HoldSupervision']")).getText())
          .isEqualTo("Move journeys waiting at 'Hold management supervision' to");
      assertThat(new Select(mapping).getOptions()).extracting(WebElement::getText).containsExactly("Leave them where they are",
          "First (Task_First)", "Hold management supervision (Task_HoldManagementSupervision)");
      assertThat(new Select(mapping).getFirstSelectedOption().getText()).isEqualTo("Leave them where they are");
      assertThat(Axe.violations(browser, "section[data-plugin='process-revisions']")).as("axe, with the choice shown").isEmpty();

      // By keyboard: typing the start of a name picks it, and the dry run is tried again with the mapping.
      mapping.sendKeys("Hold");
      browser.waitUntil(driver -> "dry-run".equals(plugin.getAttribute("data-report"))
          && "Task_HoldManagementSupervision".equals(driver.findElement(
              By.cssSelector(".sw-pr-report tr[data-activity='Task_HoldSupervision']")).getAttribute("data-moves-to")));
      assertThat(page.findElement(By.cssSelector(".sw-pr-report tr[data-activity='Task_HoldSupervision']")).getText())
          .contains("Hold management supervision (as you chose)");
      assertThat(page.findElement(By.cssSelector(".sw-pr-summary")).getText())
          .isEqualTo("2 of 2 journeys can move; 0 cannot and would stay on version 1. Nothing has been moved.");
      assertThat(browser.script("return document.activeElement.id")).as("focus stays on the choice")
          .isEqualTo("sw-pr-map-Task_HoldSupervision");
      assertThat(new Select(page.findElement(By.id("sw-pr-map-Task_HoldSupervision"))).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo("Task_HoldManagementSupervision");
      WebElement migrate = page.findElement(By.cssSelector("button[data-action='migrate']"));
      assertThat(migrate.isEnabled()).isTrue();
      assertThat(migrate.getText()).isEqualTo("Migrate 2 journeys");
      assertThat(definitionOf(atHold)).as("the dry run moved nothing").isNotEqualTo(secondVersion);
      assertThat(Axe.violations(browser, "section[data-plugin='process-revisions']")).as("axe, with a choice made").isEmpty();
      browser.screenshot("process-revisions-mapped-dry-run");

      // A choice not yet dry-run cannot be migrated: Migrate is disabled the moment the select changes.
      assertThat(browser.script("""
          const select = document.getElementById('sw-pr-map-Task_HoldSupervision');
          select.value = '';
          select.dispatchEvent(new Event('change', {bubbles: true}));
          return document.querySelector("button[data-action='migrate']").disabled;
          """)).isEqualTo(true);
      browser.waitUntil(driver -> "dry-run".equals(plugin.getAttribute("data-report")));
      assertThat(page.findElement(By.cssSelector("button[data-action='migrate']")).getText()).isEqualTo("Migrate 1 journeys");
      new Select(page.findElement(By.id("sw-pr-map-Task_HoldSupervision"))).selectByValue("Task_HoldManagementSupervision");
      browser.waitUntil(driver -> "dry-run".equals(plugin.getAttribute("data-report"))
          && driver.findElement(By.cssSelector("button[data-action='migrate']")).getText().equals("Migrate 2 journeys"));

      browser.click(page.findElement(By.cssSelector("button[data-action='migrate']")));
      browser.waitUntil(driver -> "migrating".equals(plugin.getAttribute("data-report")));
      runBatch(plugin.getAttribute("data-batch"));
      browser.waitUntil(driver -> "migrated".equals(plugin.getAttribute("data-report")));
      assertThat(page.findElement(By.cssSelector(".sw-pr-summary")).getText())
          .isEqualTo("2 of 2 journeys moved to version 2; 0 stayed on version 1.");
      browser.screenshot("process-revisions-mapped-migrated");
    }
    assertThat(definitionOf(atFirst)).isEqualTo(secondVersion);
    assertThat(definitionOf(atHold)).isEqualTo(secondVersion);
    assertThat(runtimeService.getActiveActivityIds(atHold)).containsExactly("Task_HoldManagementSupervision");
    Task heldAfter = taskService.createTaskQuery().processInstanceId(atHold).singleResult();
    assertThat(heldAfter.getId()).as("the same task, kept").isEqualTo(heldBefore.getId());
    assertThat(heldAfter.getTaskDefinitionKey()).isEqualTo("Task_HoldManagementSupervision");
    assertThat(heldAfter.getAssignee()).isEqualTo(TestStaff.TEAM_MANAGER);
    assertThat(heldAfter.getDueDate()).isEqualTo(heldBefore.getDueDate());
  }

  /** Logs in to Cockpit as a process owner and chooses this test's process in the panel, its two versions loaded. */
  private WebElement openPanelAsProcessOwner(Browser browser) {
    WebDriver page = browser.driver();
    browser.signIn("http://localhost:" + port + "/camunda/app/cockpit/default/", TestStaff.PROCESS_OWNER);
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
    return plugin;
  }

  /**
   * The first task, then "Hold management supervision" under the given id. The process has this test's own key, so
   * no later test class starts it: nothing needs re-deploying afterwards.
   */
  private BpmnModelInstance withHoldSupervision(String versionTag, String holdSupervisionId) {
    String dueDate = "${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}";
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(3650).camundaVersionTag(versionTag).name("Revision probe")
        .startEvent("StartEvent_Start")
        .userTask("Task_First").name("First").camundaCandidateGroups("team-managers").camundaDueDate(dueDate)
        .camundaFormRef("approve-step-down-plan").camundaFormRefBinding("latest")
        .userTask(holdSupervisionId).name("Hold management supervision").camundaCandidateGroups("team-managers")
        .camundaDueDate(dueDate).camundaFormRef("approve-step-down-plan").camundaFormRefBinding("latest")
        .endEvent("End_Done").done();
  }

  /** POST /engine-rest/deployment/create as Modeler sends it, as a process owner: multipart, one diagram. */
  private Reply deployAsProcessOwner(BpmnModelInstance model) {
    String boundary = "----revision" + UUID.randomUUID().toString().replace("-", "");
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + key + ".bpmn\"; filename=\"" + key + ".bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + Bpmn.convertToString(model) + "\r\n"
        + "--" + boundary + "--\r\n";
    return Api.as(port, TestStaff.PROCESS_OWNER).post("/engine-rest/deployment/create",
        MediaType.parseMediaType("multipart/form-data; boundary=" + boundary + "; charset=UTF-8"), body);
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
