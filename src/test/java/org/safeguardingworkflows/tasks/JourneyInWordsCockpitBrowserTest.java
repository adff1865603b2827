package org.safeguardingworkflows.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Axe;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.testsupport.WebappSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit's process instance page has a "Journey in plain words" tab: a team manager opens a step-down journey of
 * their team and reads the category of abuse as "Neglect" (the engine holds NEG) and the plan's end as 15/03/2026
 * (the engine holds 2026-03-15), with no accessibility violations; another team's manager gets nothing.
 */
@ApplicationTest
class JourneyInWordsCockpitBrowserTest {

  @LocalServerPort int port;

  @AfterEach
  void clockBackToNow() {
    EngineClock.reset();
  }

  @Test
  void aStepDownJourneysTabShowsLabelsAndDatesAsWritten_andAnotherTeamsManagerGetsNothing() throws Exception {
    EngineClock.setTo(LocalDate.of(2026, 3, 18), LocalTime.of(9, 0));
    String childRef = "C-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> plan = new HashMap<>();
    plan.put("childRef", childRef);
    plan.put("planStartDate", "2025-06-16");
    plan.put("planEndDate", "2026-03-15");
    plan.put("categoryOfAbuse", "NEG");
    plan.put("destination", "CHILD_IN_NEED");
    plan.put("allocatedWorker", TestStaff.WORKER);
    plan.put("teamManager", TestStaff.TEAM_MANAGER);
    plan.put("iro", TestStaff.IRO);
    Reply started = Api.as(port, TestStaff.WORKER).post("/api/step-downs", plan);
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String journey = started.json().path("processInstanceId").asText();

    try (Browser browser = Browser.open("cockpit-journey-in-words")) {
      WebDriver page = browser.driver();
      browser.signIn("http://localhost:" + port + "/camunda/app/cockpit/default/", TestStaff.TEAM_MANAGER);
      browser.waitUntil(driver -> !driver.getCurrentUrl().contains("login"));
      page.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + journey + "/runtime");

      WebElement tab = browser.waitUntil(driver -> driver.findElements(By.linkText("Journey in plain words")).stream().findFirst().orElse(null));
      browser.click(tab);
      WebElement section = browser.waitUntil(driver -> {
        List<WebElement> loaded = driver.findElements(By.cssSelector("section[data-plugin='journey-in-words'][data-loaded='journey']"));
        return loaded.isEmpty() ? null : loaded.get(0);
      });
      browser.screenshot("cockpit-journey-in-words");

      assertThat(section.findElement(By.cssSelector("[data-fact='child']")).getText()).isEqualTo(childRef);
      assertThat(section.findElement(By.cssSelector("[data-fact='stage']")).getText()).contains("Hold step-down meeting");
      assertThat(section.findElement(By.cssSelector("tr[data-key='categoryOfAbuse'] td")).getText()).isEqualTo("Neglect");
      assertThat(section.findElement(By.cssSelector("tr[data-key='planEndDate'] td")).getText()).isEqualTo("15/03/2026");
      // Chosen from the staff list by name, shown by name: the login id is not what the worker saw.
      assertThat(section.findElement(By.cssSelector("tr[data-key='allocatedWorker'] td")).getText())
          .isEqualTo(TestStaff.name(TestStaff.WORKER));
      assertThat(section.getText()).contains("Neglect", "15/03/2026", "16/06/2025")
          .doesNotContain("NEG\n", "2026-03-15", "CHILD_IN_NEED");
      assertThat(Axe.violations(browser, "section[data-plugin='journey-in-words']")).isEmpty();
    }

    WebappSession otherTeam = WebappSession.login(port, "cockpit", TestStaff.SECOND_TEAM_MANAGER, TestStaff.PASSWORD);
    assertThat(otherTeam.loginStatus()).isEqualTo(200);
    Reply refused = otherTeam.get("/api/cockpit/plugin/journey-in-words/default/journeys/" + journey, "application/json");
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.body()).doesNotContain(childRef, "Neglect");
    Reply unknown = otherTeam.get("/api/cockpit/plugin/journey-in-words/default/journeys/no-such-journey", "application/json");
    assertThat(unknown.status()).isEqualTo(404);
  }
}
