package org.safeguardingworkflows.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A team manager opens Cockpit, finds the step-down and repeat-ICPC processes in the processes list, opens the
 * step-down definition and sees the running journeys on its diagram: the instance-count badge sits on the activity
 * the engine says the journey waits at, with the engine's count, and on no other activity.
 */
@ApplicationTest
class CockpitShowsRunningJourneysTest {

  static final String STEP_DOWN_NAME = "Step-down from a child protection plan";
  static final String REPEAT_ICPC_NAME = "Discussion before a repeat child protection conference";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired PlanHistory planHistory;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void reset() {
    BpmnAwareTests.reset();
  }

  @Test
  void aTeamManagerSeesBothJourneysInCockpit_andTheStepDownTokenOnTheMeeting() throws Exception {
    String stepDownChild = "C-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ProcessInstance stepDown = engine.getRuntimeService().startProcessInstanceByKey(StepDownVariables.PROCESS_KEY, stepDownChild,
        StepDownDriver.startVariables(stepDownChild, "CHILD_IN_NEED"));
    assertThat(stepDown).isWaitingAt("Task_HoldStepDownMeeting");

    String icpcChild = "C-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    LocalDate today = EngineClock.today();
    planHistory.insert(new CpPlan(null, icpcChild, today.minusMonths(24), today.minusMonths(12), "NEG", "NEG", TestStaff.IRO,
        "CHILD_IN_NEED", "CLOSED", null, CpPlan.Source.IMPORT));
    Map<String, Object> proposed = new HashMap<>();
    proposed.put(RepeatIcpcVariables.CHILD_REF.name(), icpcChild);
    proposed.put(RepeatIcpcVariables.STRATEGY_DISCUSSION_DATE.name(), today.minusDays(1).toString());
    proposed.put(RepeatIcpcVariables.CATEGORY_OF_ABUSE.name(), "NEG");
    proposed.put(RepeatIcpcVariables.CONCERNS_SUMMARY.name(), "Home conditions have deteriorated again");
    proposed.put(RepeatIcpcVariables.PROPOSED_BY.name(), TestStaff.WORKER);
    ProcessInstance proposal = engine.getRuntimeService().startProcessInstanceByKey(RepeatIcpcVariables.PROCESS_KEY, icpcChild, proposed);
    assertThat(proposal).isWaitingAt("Task_PrepareHistorySummary");

    ProcessDefinition stepDownDefinition = latest(StepDownVariables.PROCESS_KEY);
    ProcessDefinition repeatIcpcDefinition = latest(RepeatIcpcVariables.PROCESS_KEY);
    assertThat(stepDown.getProcessDefinitionId()).isEqualTo(stepDownDefinition.getId());

    try (Browser browser = Browser.open("cockpit-running-journeys")) {
      String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
      browser.signIn(cockpit, TestStaff.TEAM_MANAGER);
      browser.waitUntil(driver -> driver.findElements(By.cssSelector("form[name='signinForm']")).isEmpty());
      browser.screenshot("cockpit-dashboard");

      browser.go(cockpit + "#/processes");
      WebElement stepDownLink = definitionLink(browser, STEP_DOWN_NAME);
      WebElement repeatIcpcLink = definitionLink(browser, REPEAT_ICPC_NAME);
      assertThat(stepDownLink.getAttribute("href")).contains("/process-definition/" + stepDownDefinition.getId());
      assertThat(repeatIcpcLink.getAttribute("href")).contains("/process-definition/" + repeatIcpcDefinition.getId());
      browser.screenshot("processes-list");

      browser.click(stepDownLink);
      browser.waitFor(By.cssSelector("[data-container-id='Task_HoldStepDownMeeting']"));
      Map<String, Long> engineCounts = countsTheTeamManagerMaySee(stepDownDefinition.getId());
      assertThat(engineCounts.get("Task_HoldStepDownMeeting")).as("our journey is one of them").isPositive();
      Map<String, Long> badges = browser.waitUntil(driver -> {
        Map<String, Long> shown = instanceBadges(driver.findElements(By.cssSelector(".djs-overlays .badge.instance-count")));
        return shown != null && shown.equals(engineCounts) ? shown : null;
      });
      assertThat(badges).as("one badge per activity the engine says the manager's team's journeys wait at, with its count")
          .isEqualTo(engineCounts);
      browser.screenshot("step-down-diagram-with-its-tokens");
    }
    assertThat(stepDown).isWaitingAt("Task_HoldStepDownMeeting");
    // the database is shared: leave no open task behind in other tests' task lists
    engine.getRuntimeService().deleteProcessInstance(stepDown.getId(), "browser test finished");
    engine.getRuntimeService().deleteProcessInstance(proposal.getId(), "browser test finished");
  }

  private static WebElement definitionLink(Browser browser, String name) {
    return browser.waitFor(By.xpath("//a[contains(@href, '/process-definition/') and normalize-space(.)=\"" + name + "\"]"));
  }

  /** The visible instance-count badges on the diagram, by the id of the activity they sit on; null while redrawing. */
  private static Map<String, Long> instanceBadges(List<WebElement> badges) {
    try {
      Map<String, Long> shown = new HashMap<>();
      for (WebElement badge : badges) {
        String count = badge.getText().trim();
        if (badge.isDisplayed() && !count.isEmpty()) {
          WebElement overlays = badge.findElement(By.xpath("ancestor::*[@data-container-id][1]"));
          shown.put(overlays.getAttribute("data-container-id"), Long.parseLong(count));
        }
      }
      return shown;
    } catch (StaleElementReferenceException redrawn) {
      return null;
    }
  }

  private ProcessDefinition latest(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  /**
   * The engine's activity statistics as the team manager may see them: their team's journeys only (other tests leave
   * other teams' journeys running in the shared database).
   */
  private Map<String, Long> countsTheTeamManagerMaySee(String definitionId) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(TestStaff.TEAM_MANAGER).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(TestStaff.TEAM_MANAGER, groups);
    try {
      return engine.getManagementService().createActivityStatisticsQuery(definitionId).list().stream()
          .filter(statistics -> statistics.getInstances() > 0)
          .collect(Collectors.toMap(ActivityStatistics::getId, statistics -> (long) statistics.getInstances()));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
