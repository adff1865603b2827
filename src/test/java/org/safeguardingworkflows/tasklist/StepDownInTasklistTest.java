package org.safeguardingworkflows.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.security.TaskFilters;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.Tasklist;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A social worker starts a step-down journey from Tasklist's start form and records the step-down meeting; the
 * server refuses a contingency plan without the two required triggers and Tasklist shows why; the team manager
 * then approves the plan. Real Tasklist, real Camunda Forms, headless Chromium.
 */
@ApplicationTest
class StepDownInTasklistTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskFilters taskFilters;

  @BeforeEach
  void personalTaskLists() {
    BpmnAwareTests.init(engine);
    taskFilters.ensureMyTasks(TestStaff.WORKER);
    taskFilters.ensureMyTasks(TestStaff.TEAM_MANAGER);
  }

  @AfterEach
  void reset() {
    BpmnAwareTests.reset();
  }

  private String taskOf(String childRef, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(childRef).taskDefinitionKey(taskKey)
        .singleResult().getId();
  }

  @Test
  void aSocialWorkerStartsTheJourneyAndRecordsTheMeeting_thenTheTeamManagerApproves() throws Exception {
    String childRef = "C-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    LocalDate today = LocalDate.now();

    try (Browser browser = Browser.open("step-down-in-tasklist")) {
      Tasklist tasklist = new Tasklist(browser, port).logIn(TestStaff.WORKER, TestStaff.PASSWORD);
      browser.screenshot("social-worker-tasklist");

      tasklist.startProcess("Step-down from a child protection plan")
          .fill("Child reference", childRef)
          .date("Date the plan started", today.minusMonths(10))
          .date("Date the plan ended", today.minusDays(1))
          .select("Category of abuse", "Neglect")
          .choose("Child in need plan")
          .select("Allocated social worker", TestStaff.name(TestStaff.WORKER))
          .select("Team manager", TestStaff.name(TestStaff.TEAM_MANAGER))
          .select("Independent reviewing officer (IRO)", TestStaff.name(TestStaff.IRO));
      browser.screenshot("start-form-filled");
      tasklist.submitStartForm();
      browser.screenshot("journey-started");

      ProcessInstance journey = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(childRef).singleResult();
      assertThat(journey).isNotNull();
      assertThat(journey).isWaitingAt("Task_HoldStepDownMeeting");

      tasklist.openTaskById(taskOf(childRef, "Task_HoldStepDownMeeting"))
          .date("Date of the step-down meeting", today)
          .fill("What has changed for the child", "Home conditions have improved and stayed improved for four months")
          .fill("Evidence that the change is real and lasting", "Unannounced visits; school attendance 96%")
          .fill("Service or agency", "Family support service")
          .fill("What it is for", "Weekly parenting sessions")
          .fill("What the child said", "Says home feels calmer")
          .fill("What the parents or carers said", "Parents agree with the plan")
          .fill("What other agencies said", "School and health visitor agree")
          .select("If this happens", 0, "The family disengages from services")
          .fill("What will happen", 0, "Team manager reviews within 5 working days")
          .fill("Who acts", 0, "Team manager")
          .choose("School", 0)
          .choose("Early help", 0)
          .select("If this happens", 1, "A new referral is received")
          .fill("What will happen", 1, "Strategy discussion the same day")
          .fill("Who acts", 1, "Team manager")
          .choose("Police", 1)
          .choose("The family has been told about the contingency plan");
      browser.screenshot("meeting-without-required-triggers");

      String refusal = tasklist.complete();
      browser.screenshot("meeting-refused");
      assertThat(refusal).contains("The contingency plan is not complete").contains("the original concerns re-emerging")
          .doesNotContain("disengagement from services");
      assertThat(journey).isWaitingAt("Task_HoldStepDownMeeting");

      tasklist.addRow(1)
          .select("If this happens", 2, "The original concerns re-emerge")
          .fill("What will happen", 2, "Strategy discussion considered the same day")
          .fill("Who acts", 2, "Team manager")
          .choose("School", 2)
          .choose("Health (GP, health visitor, school nurse)", 2);
      browser.screenshot("meeting-with-contingency");
      assertThat(tasklist.complete()).isEmpty();
      browser.screenshot("meeting-completed");
      assertThat(journey).isWaitingAt("Task_ApproveStepDownPlan");
      // The form with lists was completed with the Tasklist workaround (scripts/complete-forms-with-lists.js) in
      // place, and the workaround found the Tasklist it was written for.
      assertThat(browser.consoleErrors()).noneMatch(error -> error.contains("complete-forms-with-lists"));
    }

    try (Browser browser = Browser.open("step-down-in-tasklist-manager")) {
      Tasklist tasklist = new Tasklist(browser, port).logIn(TestStaff.TEAM_MANAGER, TestStaff.PASSWORD);
      tasklist.openTaskById(taskOf(childRef, "Task_ApproveStepDownPlan"));
      assertThat(browser.text()).contains("Approve step-down plan - " + childRef);
      assertThat(browser.text()).contains("Family support service").contains("The family disengages from services");
      browser.screenshot("manager-sees-the-plan");
      tasklist.choose("Approve the step-down plan")
          .fill("Reasons for your decision", "The contingency covers disengagement and recurrence; services agreed");
      assertThat(tasklist.complete()).isEmpty();
      browser.screenshot("manager-approved");
    }

    ProcessInstance journey = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(childRef).singleResult();
    assertThat(journey).isWaitingAt("Event_SupervisionDue", "Event_ReviewDue", "Event_WatchPeriodEnds");
    assertThat(engine.getRuntimeService().getVariable(journey.getId(), StepDownVariables.STEP_DOWN_DECISION.name())).isEqualTo("APPROVE");
  }
}
