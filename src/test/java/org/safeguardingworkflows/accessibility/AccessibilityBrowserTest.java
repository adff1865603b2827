package org.safeguardingworkflows.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Axe;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.Tasklist;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * WCAG 2.2 AA, checked with axe-core inside the page: 0 violations inside each form a practitioner fills in Tasklist
 * (the step-down start form, the step-down meeting, the manager's approval, a management supervision, a CIN review),
 * in the Cockpit dashboard, on the application's own pages and the accessibility statement, and in Camunda's shell
 * around the forms once the shell script has fixed what it can. Required fields are announced, a skip link reaches the
 * form, and a social worker completes the step-down meeting with the keyboard alone.
 */
@ApplicationTest
class AccessibilityBrowserTest {

  static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  final List<ProcessInstance> journeys = new ArrayList<>();

  @AfterEach
  void endJourneys() {
    for (ProcessInstance journey : journeys) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(journey.getId()).count() > 0) {
        runtimeService.deleteProcessInstance(journey.getId(), "test over");
      }
    }
  }

  @Test
  void everyFormPluginAndPageHasNoViolationsAndTheShellIsFixed() throws Exception {
    // A journey at the step-down meeting, one at the approval, and one in its watch period whose first supervision and
    // first CIN review are open.
    ProcessInstance atTheMeeting = journey();
    ProcessInstance atTheApproval = journey();
    complete(atTheApproval, "Task_HoldStepDownMeeting", StepDownDriver.stepDownMeeting());
    ProcessInstance watched;
    LocalDate today = EngineClock.today();
    EngineClock.setTo(today.minusDays(60), LocalTime.of(10, 0));
    try {
      watched = journey();
      complete(watched, "Task_HoldStepDownMeeting", StepDownDriver.stepDownMeeting());
      complete(watched, "Task_ApproveStepDownPlan", Map.of(StepDownVariables.STEP_DOWN_DECISION.name(), "APPROVE",
          StepDownVariables.STEP_DOWN_DECISION_REASONS.name(), "Considered in supervision"));
      for (String timer : List.of("Event_SupervisionDue", "Event_ReviewDue")) {
        Job first = managementService.createJobQuery().processInstanceId(watched.getId()).activityId(timer).timers()
            .orderByJobDuedate().asc().list().get(0);
        EngineClock.setTo(first.getDuedate());
        managementService.executeJob(first.getId());
      }
    } finally {
      EngineClock.reset();
    }
    String childRef = watched.getBusinessKey();

    try (Browser browser = Browser.open("accessibility")) {
      Tasklist worker = new Tasklist(browser, port).logIn(TestStaff.WORKER, TestStaff.PASSWORD);
      assertThat(browser.driver().getTitle()).isEqualTo("Northshire Council Safeguarding Workflows");

      worker.startProcess("Step-down from a child protection plan");
      assertNoViolations(browser, ".modal .fjs-form", "the step-down start form");
      new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
      Browser.pause(800);

      worker.openTaskById(task(atTheMeeting, "Task_HoldStepDownMeeting"));
      assertNoViolations(browser, ".fjs-form", "the step-down meeting form");
      assertThat(browser.script("""
          return Array.from(document.querySelectorAll('.fjs-form label.fjs-form-field-label[for]'))
            .filter(l => l.querySelector('.fjs-asterix'))
            .map(l => document.getElementById(l.getAttribute('for')))
            .filter(i => i && i.getAttribute('aria-required') !== 'true').length""")).as("required fields without aria-required").isEqualTo(0L);
      assertShellFixed(browser, "Tasklist with the step-down meeting open");
      assertThat(browser.driver().findElements(By.cssSelector("#sw-shell-links a[href$='/pages/caseload']"))).as("caseload link").hasSize(1);
      assertThat(browser.driver().findElements(By.cssSelector("#sw-shell-links a[href$='/accessibility-statement.html']"))).as("statement link").hasSize(1);
      // Notices sit at the top, under the header: never over the form's Complete button at the bottom.
      assertThat(browser.script("return getComputedStyle(document.querySelector('.page-notifications')).top")).isEqualTo("70px");

      // The skip link is the first stop of the keyboard on a freshly opened task and lands in the form's first field.
      browser.driver().navigate().refresh();
      browser.waitFor(By.cssSelector(".fjs-form"));
      Browser.pause(800);
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
      assertThat(browser.script("return document.activeElement.id")).isEqualTo("sw-skip-link");
      assertThat(browser.script("return document.activeElement.textContent")).isEqualTo("Skip to the form");
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      assertThat(browser.script("return document.activeElement.closest('.fjs-form') !== null")).as("focus in the form").isEqualTo(true);

      worker.openTaskById(task(watched, "Task_ReviewCinServices"));
      assertNoViolations(browser, ".fjs-form", "the CIN review form");
      worker.logOut();

      Tasklist manager = new Tasklist(browser, port).logIn(TestStaff.TEAM_MANAGER, TestStaff.PASSWORD);
      manager.openTaskById(task(atTheApproval, "Task_ApproveStepDownPlan"));
      assertNoViolations(browser, ".fjs-form", "the approval of the step-down plan");
      manager.openTaskById(task(watched, "Task_HoldManagementSupervision"));
      assertNoViolations(browser, ".fjs-form", "the management supervision form");

      String site = "http://localhost:" + port;
      for (String page : List.of("/pages/caseload", "/pages/children/" + childRef + "/timeline",
          "/pages/children/" + childRef + "/contingency-plan", "/pages/children/" + childRef + "/history-pack",
          "/accessibility-statement.html")) {
        browser.go(site + page);
        browser.waitFor(By.tagName("main"));
        assertNoViolations(browser, "html", page);
      }
      browser.screenshot("contingency-plan");

      browser.go(site + "/camunda/app/cockpit/default/");
      browser.waitUntil(driver -> !driver.findElements(By.cssSelector("section[data-plugin='repeat-plans'][data-loaded]")).isEmpty());
      browser.waitUntil(driver -> !driver.findElements(By.cssSelector(".sw-rp-chart-area[data-loaded='chart']")).isEmpty());
      assertNoViolations(browser, "section[data-plugin='repeat-plans']", "the Cockpit dashboard");
      assertThat(browser.driver().findElements(By.cssSelector("#sw-shell-links a[href$='/accessibility-statement.html']"))).as("statement link in Cockpit").hasSize(1);
      assertThat(browser.driver().findElements(By.id("sw-skip-link"))).as("skip link in Cockpit").hasSize(1);
      browser.screenshot("cockpit-dashboard");
    }
  }

  @Test
  void aSocialWorkerCompletesTheStepDownMeetingWithTheKeyboardAlone() throws Exception {
    ProcessInstance journey = journey();
    String taskId = task(journey, "Task_HoldStepDownMeeting");
    try (Browser browser = Browser.open("keyboard-only")) {
      new Tasklist(browser, port).logIn(TestStaff.WORKER, TestStaff.PASSWORD).openTaskById(taskId);
      Keyboard keys = new Keyboard(browser);
      keys.tab(0);
      keys.enter();
      keys.expectFocusOn("Date of the step-down meeting");
      keys.type(LocalDate.now(EngineClock.LONDON).format(DMY));
      keys.tabTo("What has changed for the child").type("Home conditions have improved and stayed improved");
      keys.tabTo("Evidence that the change is real and lasting").type("Unannounced visits; school attendance 96%");
      keys.tabTo("Service or agency").type("Family support service");
      keys.tabTo("What it is for").type("Weekly parenting sessions");
      keys.tabTo("What the child said").type("Says home feels calmer");
      keys.tabTo("What the parents or carers said").type("Parents agree with the plan");
      keys.tabTo("What other agencies said").type("School and health visitor agree");
      keys.tabTo("If this happens").choose("The family disengages from services");
      keys.tabTo("What will happen").type("Team manager reviews within 5 working days");
      keys.tabTo("Who acts").type("Team manager");
      keys.tabTo("School").space();
      keys.tabTo("If this happens").choose("The original concerns re-emerge");
      keys.tabTo("What will happen").type("Strategy discussion considered the same day");
      keys.tabTo("Who acts").type("Team manager");
      keys.tabTo("Police").space();
      keys.tabTo("The family has been told about the contingency plan").space();
      browser.screenshot("filled-with-the-keyboard");
      keys.tabTo("Complete").enter();
      browser.waitUntil(driver -> taskService.createTaskQuery().taskId(taskId).count() == 0);
    }
    assertThat(taskService.createTaskQuery().processInstanceId(journey.getId()).taskDefinitionKey("Task_ApproveStepDownPlan").count()).isEqualTo(1);
    JsonNode plan = new ObjectMapper().readTree(String.valueOf(runtimeService.getVariable(journey.getId(), StepDownVariables.CONTINGENCY_PLAN.name())));
    assertThat(plan.findValuesAsText("trigger")).containsExactly("DISENGAGEMENT", "RECURRENCE");
    assertThat(plan.findValuesAsText("response")).containsExactly("Team manager reviews within 5 working days", "Strategy discussion considered the same day");
  }

  /** Tab, Shift+Tab, Enter, Space and typed text only: no clicks, no scripts that move the focus. */
  static final class Keyboard {

    private final Browser browser;
    private final WebDriver driver;

    Keyboard(Browser browser) {
      this.browser = browser;
      this.driver = browser.driver();
    }

    /** From the top of the page: {@code presses} Tabs after the first (the first lands on the skip link). */
    void tab(int presses) {
      browser.script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
      for (int i = 0; i <= presses; i++) {
        press(Keys.TAB);
      }
    }

    /** Tabs forward until the focused control is the one with this label (or text); fails after 40 presses. */
    Keyboard tabTo(String label) {
      return tabTo(label, 0);
    }

    /** As {@link #tabTo(String)}, passing {@code skip} earlier controls with the same label. */
    Keyboard tabTo(String label, int skip) {
      int seen = 0;
      for (int i = 0; i < 40; i++) {
        press(Keys.TAB);
        if (label.equals(focusedLabel()) && seen++ == skip) {
          return this;
        }
      }
      throw new AssertionError("40 Tabs did not reach '" + label + "'; focus is on '" + focusedLabel() + "'");
    }

    void expectFocusOn(String label) {
      assertThat(focusedLabel()).isEqualTo(label);
    }

    Keyboard type(String text) {
      new Actions(driver).sendKeys(text).perform();
      Browser.pause(400);
      return this;
    }

    /** Opens the focused select with Enter (unless focus opened it), moves down to the option and chooses it with Enter. */
    void choose(String option) {
      if (!dropdownOpen()) {
        press(Keys.ENTER);
        Browser.pause(300);
      }
      assertThat(dropdownOpen()).as("the select's list opens from the keyboard").isTrue();
      for (int i = 0; i < 10; i++) {
        Object focused = browser.script("const f = document.activeElement.closest('.fjs-form-field').querySelector('.fjs-dropdownlist-item.focused');"
            + " return f ? f.textContent : null;");
        if (option.equals(focused)) {
          press(Keys.ENTER);
          Browser.pause(300);
          assertThat(browser.script("return document.activeElement.closest('.fjs-input-group').querySelector('.fjs-select-display').textContent"))
              .isEqualTo(option);
          return;
        }
        press(Keys.ARROW_DOWN);
        Browser.pause(150);
      }
      throw new AssertionError("The keyboard did not reach the option '" + option + "'");
    }

    private boolean dropdownOpen() {
      return Boolean.TRUE.equals(browser.script(
          "const f = document.activeElement.closest('.fjs-form-field'); return !!(f && f.querySelector('.fjs-dropdownlist'));"));
    }

    void enter() {
      press(Keys.ENTER);
      Browser.pause(300);
    }

    void space() {
      press(Keys.SPACE);
      Browser.pause(300);
    }

    private void press(CharSequence key) {
      new Actions(driver).sendKeys(key).perform();
    }

    /** What a screen reader would call the focused control: its label, or its own text. */
    private String focusedLabel() {
      return String.valueOf(browser.script("""
          const e = document.activeElement;
          if (!e) return '';
          const byFor = e.id ? document.querySelector('label[for="' + CSS.escape(e.id) + '"]') : null;
          const label = byFor || e.closest('label');
          const text = label ? label.textContent : (e.getAttribute('aria-label') || e.textContent || '');
          return text.replace('*', '').trim();"""));
    }
  }

  private static void assertNoViolations(Browser browser, String selector, String what) throws Exception {
    Browser.pause(300);
    assertThat(Axe.violations(browser, selector)).as("axe-core, WCAG 2.2 AA, in " + what).isEmpty();
  }

  /** The whole Tasklist page: what Camunda's shell got wrong is fixed (unnamed controls, contrast, target size). */
  private static void assertShellFixed(Browser browser, String what) throws Exception {
    List<String> violations = Axe.violations(browser, "body");
    assertThat(violations).as("axe-core, WCAG 2.2 AA, " + what).isEmpty();
  }

  private ProcessInstance journey() {
    String childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance journey = runtimeService.startProcessInstanceByKey(StepDownVariables.PROCESS_KEY, childRef,
        StepDownDriver.startVariables(childRef, "CHILD_IN_NEED"));
    journeys.add(journey);
    return journey;
  }

  private String task(ProcessInstance journey, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(journey.getId()).taskDefinitionKey(taskKey).singleResult().getId();
  }

  private void complete(ProcessInstance journey, String taskKey, Map<String, Object> variables) {
    taskService.complete(task(journey, taskKey), variables);
  }

}
