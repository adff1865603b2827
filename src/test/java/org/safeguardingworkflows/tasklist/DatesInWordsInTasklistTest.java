package org.safeguardingworkflows.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.security.TaskFilters;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.Tasklist;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form's header writes the journey's dates in words from the one variable the server writes for every task
 * (tasks/DatesInWords), no longer from a month list copied into the form. Real Tasklist, real Camunda Forms, Chromium.
 */
@ApplicationTest
class DatesInWordsInTasklistTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskFilters taskFilters;

  @BeforeEach
  void personalTaskList() {
    taskFilters.ensureMyTasks(TestStaff.WORKER);
  }

  @Test
  void theStepDownMeetingsHeaderWritesThePlansDatesInWords() throws Exception {
    String childRef = "C-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Map<String, Object> variables = StepDownDriver.startVariables(childRef, "CHILD_IN_NEED");
    variables.put(StepDownVariables.PLAN_START_DATE.name(), "2026-03-15");
    String planEnded = EngineClock.today().minusDays(3).toString();
    variables.put(StepDownVariables.PLAN_END_DATE.name(), planEnded);
    engine.getRuntimeService().startProcessInstanceByKey(StepDownVariables.PROCESS_KEY, childRef, variables);
    String meeting = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(childRef)
        .taskDefinitionKey("Task_HoldStepDownMeeting").singleResult().getId();

    try (Browser browser = Browser.open("dates-in-words")) {
      new Tasklist(browser, port).logIn(TestStaff.WORKER, TestStaff.PASSWORD).openTaskById(meeting);
      String page = browser.waitUntil(driver -> browser.text().contains("Child protection plan:") ? browser.text() : null);
      browser.screenshot("header-dates-in-words");
      assertThat(page).contains("Child protection plan: 15 March 2026 to " + inWords(EngineClock.today().minusDays(3)));
      assertThat(page).doesNotContain("2026-03-15").doesNotContain(planEnded);
    }
  }

  private static String inWords(LocalDate date) {
    return date.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK));
  }
}
