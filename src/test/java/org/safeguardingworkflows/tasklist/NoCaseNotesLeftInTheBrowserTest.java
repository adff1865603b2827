package org.safeguardingworkflows.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.Tasklist;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A social worker types case notes into a task form in Tasklist, has Tasklist save them as a draft (its Save button,
 * or the same save Tasklist makes by itself when the session expires) and logs out: nothing of the notes is left in
 * the browser's localStorage or sessionStorage, and there is no Save button that suggests they were kept.
 */
@ApplicationTest
class NoCaseNotesLeftInTheBrowserTest {

  private static final String SAVE_BUTTON = "button[ng-click='save($event)']";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void caseNotesTypedAndSavedAreGoneFromTheBrowserAfterLogout() throws Exception {
    String childRef = "C-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    engine.getRuntimeService().startProcessInstanceByKey("stepDownFromProtection", childRef,
        StepDownDriver.startVariables(childRef, "CHILD_IN_NEED"));
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(childRef).singleResult().getId();
    String caseNotes = "Mother disclosed a new partner moving in " + UUID.randomUUID();

    try (Browser browser = Browser.open("no-case-notes-left-in-the-browser")) {
      Tasklist tasklist = new Tasklist(browser, port).logIn(TestStaff.WORKER, TestStaff.PASSWORD);
      tasklist.openTaskById(taskId).fill("What has changed for the child", caseNotes);
      browser.screenshot("case-notes-typed");
      long visibleSaveButtons = browser.all(By.cssSelector(SAVE_BUTTON)).stream().filter(button -> button.isDisplayed()).count();

      // Tasklist's save handler, as its Save button and its session-expiry save call it.
      browser.script("angular.element(document.querySelector(arguments[0])).scope().save()", SAVE_BUTTON);
      Browser.pause(500);
      tasklist.logOut();
      browser.screenshot("logged-out");

      Object stored = browser.script("return JSON.stringify({local: Object.assign({}, window.localStorage),"
          + " session: Object.assign({}, window.sessionStorage)});");
      assertThat((String) stored).as("the browser's storage after logout").doesNotContain(caseNotes)
          .doesNotContain("camunda-form:" + taskId);
      assertThat(visibleSaveButtons).as("visible Save buttons").isZero();
    }
  }
}
