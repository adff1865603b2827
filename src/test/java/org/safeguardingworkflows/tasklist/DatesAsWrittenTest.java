package org.safeguardingworkflows.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.Tasklist;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A date typed into a form is the date the person meant, or none: the date picker used to turn 31/02/2026 into
 * 03/03/2026 and 2026-03-15 into 20/06/2026 without a word (issue 15). In a real Tasklist, in headless Chromium.
 */
@ApplicationTest
class DatesAsWrittenTest {

  private static final String PLAN_STARTED = "Date the plan started";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;

  @Test
  void aDateThatIsNotARealDdMmYyyyDateIsRefusedWhereItIsTypedNeverRewritten() throws Exception {
    String childRef = "C-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    try (Browser browser = Browser.open("dates-as-written")) {
      Tasklist tasklist = new Tasklist(browser, port).logIn(TestStaff.WORKER, TestStaff.PASSWORD)
          .startProcess("Step-down from a child protection plan");

      assertThat(tasklist.typeDate(PLAN_STARTED, "31/02/2026")).as("not 03/03/2026").isEmpty();
      assertThat(tasklist.dateRefusal(PLAN_STARTED)).contains("\"31/02/2026\" is not a date written as dd/mm/yyyy");
      browser.screenshot("impossible-date-refused");

      assertThat(tasklist.typeDate(PLAN_STARTED, "2026-03-15")).as("not 20/06/2026").isEmpty();
      assertThat(tasklist.dateRefusal(PLAN_STARTED)).contains("\"2026-03-15\" is not a date written as dd/mm/yyyy");

      assertThat(tasklist.typeDate(PLAN_STARTED, "15/03/2026")).isEqualTo("15/03/2026");
      assertThat(tasklist.dateRefusal(PLAN_STARTED)).isEmpty();

      assertThat(tasklist.typeDate(PLAN_STARTED, "15/13/2026")).as("a written date is not kept from before").isEmpty();
      assertThat(tasklist.dateRefusal(PLAN_STARTED)).contains("\"15/13/2026\"");

      // Everything else filled in: the journey does not start on the 15/03/2026 typed before.
      tasklist.fill("Child reference", childRef)
          .date("Date the plan ended", LocalDate.now().minusDays(1))
          .select("Category of abuse", "Neglect")
          .choose("Child in need plan")
          .select("Allocated social worker", TestStaff.name(TestStaff.WORKER))
          .select("Team manager", TestStaff.name(TestStaff.TEAM_MANAGER))
          .select("Independent reviewing officer (IRO)", TestStaff.name(TestStaff.IRO));
      browser.waitFor(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
      Browser.pause(2000);
      browser.screenshot("start-refused-without-the-date");
      assertThat(browser.driver().findElements(By.cssSelector("button[ng-click='startProcessInstance()']")))
          .as("the start form is still open").isNotEmpty();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isZero();
    }
  }
}
