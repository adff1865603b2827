package org.safeguardingworkflows.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A team manager opens Cockpit, lands on the repeat-plan dashboard (its own tab, first in the header), and sees the
 * API's figures: every figure on screen (and its raw value), dates as dd/mm/yyyy, decisions in words, every bar of the
 * chart, and the CSV behind the download link. Cockpit's "Human Tasks", which refuses managers, is not offered.
 */
@ApplicationTest
class RepeatPlansDashboardBrowserTest {

  @LocalServerPort int port;
  @Autowired PlanHistory planHistory;
  @Autowired JdbcClient jdbc;
  final String prefix = "B" + UUID.randomUUID().toString().substring(0, 8) + "-";

  /** Repeat plans in the last 24 months and the year before, so that the chart and the figures have something to show. */
  @BeforeEach
  void recentPlans() {
    LocalDate today = EngineClock.today();
    for (int i = 0; i < 12; i++) {
      String child = prefix + i;
      LocalDate firstStart = today.minusMonths(60 - i);
      plan(child, firstStart, firstStart.plusMonths(6 + i % 4), i % 2 == 0 ? "NEG" : "EMO");
      LocalDate secondStart = today.minusMonths(2 * i + 1).withDayOfMonth(3);
      plan(child, secondStart, i % 3 == 0 ? null : secondStart.plusMonths(1), i % 3 == 0 ? "PHY" : "NEG");
    }
    plan(prefix + "first", today.minusMonths(1).withDayOfMonth(5), null, "SAB");
  }

  @AfterEach
  void removeThem() {
    jdbc.sql("delete from cp_plan where child_ref like ?").param(prefix + "%").update();
  }

  @Test
  void aTeamManagerSeesTheAPIsFiguresOnTheCockpitDashboard() throws Exception {
    try (Browser browser = Browser.open("cockpit-dashboard")) {
      WebDriver page = browser.driver();
      browser.signIn("http://localhost:" + port + "/camunda/app/cockpit/default/", TestStaff.TEAM_MANAGER);

      WebElement dashboard = browser.waitUntil(driver -> {
        List<WebElement> loaded = driver.findElements(By.cssSelector("section[data-plugin='repeat-plans'][data-loaded]"));
        return loaded.isEmpty() ? null : loaded.get(0);
      });
      assertThat(page.getCurrentUrl()).as("the first page a manager sees").endsWith("#/repeat-plans");
      List<WebElement> tabs = page.findElements(By.cssSelector("[ng-controller='camHeaderViewsCtrl'] > li"));
      assertThat(tabs.stream().filter(WebElement::isDisplayed).findFirst().map(WebElement::getText)).as("the first tab").hasValue("Repeat plans");
      assertThat(tabs.stream().filter(WebElement::isDisplayed).map(WebElement::getText)).as("tabs shown").doesNotContain("Human Tasks");
      assertThat(page.getTitle()).isEqualTo("Northshire Council Safeguarding Workflows");
      assertThat(page.findElement(By.id("sw-rp-from")).getAttribute("value")).as("dates as dd/mm/yyyy").matches("\\d{2}/\\d{2}/\\d{4}");
      assertThat(dashboard.getAttribute("data-loaded")).as(dashboard.getText()).isEqualTo("report");
      browser.waitUntil(driver -> !driver.findElements(By.cssSelector(".sw-rp-chart-area[data-loaded='chart']")).isEmpty());
      assertThat(dashboard.findElement(By.tagName("h2")).getText()).isEqualTo("Repeat child protection plans");
      browser.screenshot("cockpit-dashboard-repeat-plans");
      ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView()", dashboard);
      browser.screenshot("cockpit-dashboard-repeat-plans-figures");

      String from = value(page, "from");
      String to = value(page, "to");
      Api api = Api.as(port, TestStaff.TEAM_MANAGER);
      JsonNode report = api.get("/api/reports/repeat-plans?from=" + from + "&to=" + to).json();
      assertThat(report.path("repeatPlans").asLong()).as("the constructed plans are in the period").isPositive();

      List<WebElement> figures = dashboard.findElements(By.cssSelector("[data-figure]"));
      assertThat(figures).hasSizeGreaterThan(30);
      for (WebElement figure : figures) {
        String path = figure.getAttribute("data-figure");
        JsonNode expected = at(report, path);
        String raw = figure.getAttribute("data-value");
        String shown = figure.getText();
        if (expected.isMissingNode() || expected.isNull()) {
          assertThat(raw).as(path).isEmpty();
          assertThat(shown).as(path).isEqualTo("–");
        } else if (expected.isNumber()) {
          assertThat(new BigDecimal(raw)).as(path).isEqualByComparingTo(expected.decimalValue());
          assertThat(shown).as(path).isEqualTo(formatted(path, expected.decimalValue()));
        } else if (expected.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
          assertThat(raw).as(path).isEqualTo(expected.asText());
          assertThat(shown).as(path).isEqualTo(LocalDate.parse(expected.asText()).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        } else {
          assertThat(raw).as(path).isEqualTo(expected.asText());
          assertThat(shown).as(path).isEqualTo(expected.asText());
        }
      }
      assertThat(dashboard.getText()).as("decisions are written in words").doesNotContain("_ROUTE", "NO_CONFERENCE");

      JsonNode monthly = api.get("/api/reports/repeat-plans/monthly").json();
      List<WebElement> bars = page.findElements(By.cssSelector("rect[data-series]"));
      assertThat(bars).hasSize(48);
      for (JsonNode month : monthly.path("months")) {
        String m = month.path("month").asText();
        assertThat(bar(page, m, "thisYear")).as(m).isEqualTo(month.path("repeatPlans").asLong());
        assertThat(bar(page, m, "previousYear")).as(m + " a year earlier").isEqualTo(month.path("previousYearRepeatPlans").asLong());
      }

      WebElement download = page.findElement(By.cssSelector("a[data-action='download-csv']"));
      assertThat(download.getText()).isEqualTo("Download CSV");
      assertThat(download.getAttribute("href")).endsWith("/camunda/api/cockpit/plugin/repeat-plans/default/report.csv?from=" + from + "&to=" + to);
      // Fetched by the page itself, with the Cockpit session: the same CSV as the API's. The text comes back as a JSON
      // string because WebDriver would turn its CRLF line endings into LF.
      Object csv = ((JavascriptExecutor) page).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(t => done(JSON.stringify(t)), e => done('failed: ' + e));",
          download.getAttribute("href"));
      assertThat(new ObjectMapper().readValue((String) csv, String.class)).isEqualTo(api.get("/api/reports/repeat-plans?from=" + from + "&to=" + to, "text/csv").body());

      // A date that is not a real dd/mm/yyyy date is refused with a sentence, never moved to another day.
      WebElement fromField = page.findElement(By.id("sw-rp-from"));
      fromField.clear();
      fromField.sendKeys("31/02/2026");
      page.findElement(By.cssSelector(".sw-rp-period button[type='submit']")).click();
      assertThat(page.findElement(By.cssSelector(".sw-rp-status")).getText())
          .isEqualTo("From: write a real date as dd/mm/yyyy, for example 01/04/2026.");
      assertThat(fromField.getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(value(page, "from")).isEqualTo(from);
    }
  }

  private static String value(WebDriver page, String figure) {
    return page.findElement(By.cssSelector("[data-figure='" + figure + "']")).getAttribute("data-value");
  }

  private static long bar(WebDriver page, String month, String series) {
    return Long.parseLong(page.findElement(By.cssSelector("rect[data-month='" + month + "'][data-series='" + series + "']"))
        .getAttribute("data-value"));
  }

  /** The figure at a dotted path of the API's JSON. */
  private static JsonNode at(JsonNode report, String path) {
    JsonNode node = report;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  /** How the dashboard writes a number: rates as percentages and months with one decimal, changes with their sign. */
  private static String formatted(String path, BigDecimal value) {
    if (path.endsWith("Rate") || path.endsWith("RateWithin2Years")) {
      return value.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
    if (path.endsWith("MonthsBetweenPlans")) {
      return value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }
    if (path.startsWith("change.")) {
      return (value.signum() > 0 ? "+" : "") + value.toPlainString() + "%";
    }
    return value.stripTrailingZeros().scale() <= 0 ? value.toBigInteger().toString() : value.toPlainString();
  }

  private void plan(String childRef, LocalDate start, LocalDate end, String category) {
    planHistory.insert(new CpPlan(null, childRef, start, end, category, category, null, null, null, null, CpPlan.Source.IMPORT));
  }
}
