package org.safeguardingworkflows.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit's "Human Tasks" (#/tasks) shows a manager a permission error: it is hidden, and a manager who types or
 * bookmarks its address later in a session is taken to the repeat-plan dashboard instead (issue 15). In a real
 * Cockpit, in headless Chromium.
 */
@ApplicationTest
class HumanTasksByUrlTest {

  private static final By DASHBOARD = By.cssSelector("section[data-plugin='repeat-plans'][data-loaded]");

  @LocalServerPort
  int port;

  @Test
  void humanTasksTypedLaterInASessionLeadsAManagerToTheDashboardWithoutAnError() throws Exception {
    String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
    try (Browser browser = Browser.open("human-tasks-by-url")) {
      WebDriver page = browser.driver();
      browser.signIn(cockpit, TestStaff.TEAM_MANAGER);
      browser.waitFor(DASHBOARD);

      // Later in the session: another Cockpit page, then Human Tasks' address typed in
      page.get(cockpit + "#/processes");
      browser.waitUntil(driver -> driver.getCurrentUrl().contains("#/processes"));
      Browser.pause(1000);
      page.get(cockpit + "#/tasks");
      Browser.pause(3000);
      browser.screenshot("human-tasks-typed");

      assertThat(page.getCurrentUrl()).as("taken to the dashboard").endsWith("#/repeat-plans");
      assertThat(page.findElements(DASHBOARD)).as("the dashboard is shown").isNotEmpty();
      List<String> errors = page.findElements(By.cssSelector(".alert-danger, .notifications .alert")).stream()
          .filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> !text.isBlank()).toList();
      assertThat(errors).as("no permission error").isEmpty();
    }
  }
}
