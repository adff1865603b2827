package org.safeguardingworkflows.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.Tasklist;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form sent with required answers missing says which, in the fields' own words, and takes the person to the first
 * (issue 15): Tasklist used to say only "An error happened while submitting the task form" or "The process could not
 * be started.". In a real Tasklist, in headless Chromium.
 */
@ApplicationTest
class AnswersNeededTest {

  private static final By NOTICE = By.cssSelector(".notifications .alert-danger");

  @LocalServerPort
  int port;

  @Autowired
  TaskService taskService;

  @Test
  void aStartFormSentEmptyNamesTheFieldsToAnswerAndFocusesTheFirst() throws Exception {
    try (Browser browser = Browser.open("answers-needed-start")) {
      new Tasklist(browser, port).logIn(TestStaff.WORKER, TestStaff.PASSWORD)
          .startProcess("Step-down from a child protection plan");
      browser.waitFor(By.cssSelector("button[ng-click='startProcessInstance()']")).click();

      String notice = explainedNotice(browser);
      browser.screenshot("start-form-answers-needed");
      assertThat(notice).startsWith("Please answer: Child reference, Date the plan started, Date the plan ended")
          .contains("Allocated social worker", "Team manager", "Independent reviewing officer (IRO)")
          .doesNotContain("could not be started", "error");
      assertThat(focusedFieldLabel(browser)).isEqualTo("Child reference");
    }
  }

  @Test
  void aTaskFormCompletedWithRequiredFieldsEmptyNamesThoseFields() throws Exception {
    String childRef = "C-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    LocalDate today = LocalDate.now();
    try (Browser browser = Browser.open("answers-needed-task")) {
      Tasklist tasklist = new Tasklist(browser, port).logIn(TestStaff.WORKER, TestStaff.PASSWORD);
      tasklist.startProcess("Step-down from a child protection plan")
          .fill("Child reference", childRef)
          .date("Date the plan started", today.minusMonths(10))
          .date("Date the plan ended", today.minusDays(1))
          .select("Category of abuse", "Neglect")
          .choose("Child in need plan")
          .select("Allocated social worker", TestStaff.name(TestStaff.WORKER))
          .select("Team manager", TestStaff.name(TestStaff.TEAM_MANAGER))
          .select("Independent reviewing officer (IRO)", TestStaff.name(TestStaff.IRO));
      tasklist.submitStartForm();

      String meeting = taskService.createTaskQuery().processInstanceBusinessKey(childRef)
          .taskDefinitionKey("Task_HoldStepDownMeeting").singleResult().getId();
      // Complete at once, nothing answered (a field left after typing shows its own error and Tasklist then disables
      // Complete: the generic notice came with a Complete pressed before any field had said anything)
      tasklist.openTaskById(meeting).complete();

      String notice = explainedNotice(browser);
      browser.screenshot("task-form-answers-needed");
      assertThat(notice).startsWith("Please answer: Date of the step-down meeting, What has changed for the child")
          .doesNotContain("Due by", "An error happened");
      assertThat(focusedFieldLabel(browser)).isEqualTo("Date of the step-down meeting");
      assertThat(taskService.createTaskQuery().taskId(meeting).count()).as("the task stays open").isOne();
    }
  }

  /** The text of the refusal notice, once it names what to answer (the generic text, if it never does). */
  private static String explainedNotice(Browser browser) {
    browser.waitFor(NOTICE);
    try {
      return browser.waitUntil(driver -> {
        List<WebElement> notices = driver.findElements(NOTICE);
        return notices.stream().map(WebElement::getText).filter(text -> text.contains("Please answer")).findFirst()
            .map(text -> text.replace("×", "").trim()).orElse(null);
      });
    } catch (RuntimeException neverExplained) {
      return browser.driver().findElements(NOTICE).stream().map(WebElement::getText).findFirst().orElse("");
    }
  }

  /** The label of the form field holding the keyboard focus. */
  private static String focusedFieldLabel(Browser browser) {
    return String.valueOf(browser.script("const field = document.activeElement.closest('.fjs-form-field');"
        + "const label = field && field.querySelector('.fjs-form-field-label');"
        + "return label ? label.textContent.replace(/\\*\\s*$/, '').trim() : document.activeElement.outerHTML;"));
  }
}
