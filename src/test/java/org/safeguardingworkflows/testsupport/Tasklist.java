package org.safeguardingworkflows.testsupport;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as a practitioner uses it: log in, start a process from its start form, open a task and fill
 * its Camunda Form field by field, by the labels the practitioner reads.
 */
public final class Tasklist {

  private static final DateTimeFormatter FORM_JS_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private final Browser browser;
  private final String base;

  public Tasklist(Browser browser, int port) {
    this.browser = browser;
    this.base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  public Tasklist logIn(String user, String password) throws IOException {
    browser.go(base);
    browser.type(By.cssSelector("input[ng-model='username']"), user);
    browser.type(By.cssSelector("input[ng-model='password']"), password);
    browser.waitFor(By.cssSelector("button[type='submit']")).click();
    browser.waitFor(By.cssSelector("li.start-process-action a"));
    return this;
  }

  public Tasklist startProcess(String processName) {
    browser.waitFor(By.cssSelector("li.start-process-action a")).click();
    browser.waitFor(By.partialLinkText(processName)).click();
    browser.waitFor(By.cssSelector(".fjs-form"));
    return this;
  }

  /** Presses the start button of a start form and waits for the dialog to close. */
  public void submitStartForm() {
    browser.waitFor(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[ng-click='startProcessInstance()']")));
  }

  /**
   * Opens a task by its id, as a link from a notification or an e-mail would (a shared test database holds many
   * tasks, so the one wanted need not be on the list's first page).
   */
  public Tasklist openTaskById(String taskId) {
    browser.go(base + "#/?task=" + taskId);
    browser.waitFor(By.cssSelector(".fjs-form"));
    Browser.pause(500);
    return this;
  }

  /** Opens the task whose name contains the text, from the current filter's list. */
  public Tasklist openTask(String nameContains) {
    By task = By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(.), \"" + nameContains + "\")]");
    browser.waitUntil(driver -> {
      List<WebElement> found = driver.findElements(task);
      if (!found.isEmpty()) {
        return true;
      }
      // The list shows 15 tasks a page: look on the next page, and start again from the first when none is left.
      List<WebElement> next = driver.findElements(By.cssSelector("ul.pagination li.pagination-next:not(.disabled) a"));
      if (!next.isEmpty() && next.get(0).isDisplayed()) {
        browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", next.get(0));
      } else {
        driver.navigate().refresh();
      }
      Browser.pause(1500);
      return false;
    });
    // A long task list puts the task under Tasklist's fixed footer: bring it to the middle before clicking.
    WebElement link = browser.waitFor(task);
    browser.script("arguments[0].scrollIntoView({block: 'center'})", link);
    link.click();
    browser.waitFor(By.cssSelector(".fjs-form"));
    Browser.pause(500);
    return this;
  }

  public Tasklist fill(String label, String text) {
    return fill(label, 0, text);
  }

  /** Types into the {@code index}-th field with this label (lists repeat their labels row by row). */
  public Tasklist fill(String label, int index, String text) {
    WebElement input = input(label, index);
    browser.script("arguments[0].scrollIntoView({block: 'center'})", input);
    input.clear();
    input.sendKeys(text);
    Browser.pause(400);
    return this;
  }

  public Tasklist date(String label, LocalDate date) {
    WebElement input = input(label, 0);
    browser.click(input);
    input.sendKeys(FORM_JS_DATE.format(date));
    // Tab commits the typed date and closes the picker (Escape would close Tasklist's dialog, Enter submit it)
    input.sendKeys(Keys.TAB);
    Browser.pause(400);
    return this;
  }

  public Tasklist select(String label, String option) {
    return select(label, 0, option);
  }

  public Tasklist select(String label, int index, String option) {
    dismissNotifications();
    // form-js opens the dropdown of an empty select when its input receives focus
    String id = labelled(label, index).getAttribute("for");
    WebElement input = browser.driver().findElement(By.id(id));
    browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].blur(); arguments[0].focus();", input);
    By item = By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)=\"" + option + "\"]");
    browser.click(browser.waitFor(item));
    Browser.pause(300);
    return this;
  }

  /** Adds a row to the {@code index}-th list of the form (its "Add new" button). */
  public Tasklist addRow(int index) {
    dismissNotifications();
    List<WebElement> addButtons = browser.all(By.xpath("//button[contains(normalize-space(.), 'Add new')]"));
    browser.click(addButtons.get(index));
    Browser.pause(400);
    return this;
  }

  /** Chooses a radio option or ticks a checkbox by the words next to it. */
  public Tasklist choose(String optionLabel) {
    browser.click(labelled(optionLabel, 0));
    Browser.pause(300);
    return this;
  }

  /** Completes the open task; returns the notification Tasklist shows when the server refuses, or "" when it completed. */
  public String complete() {
    WebElement complete = browser.waitFor(By.cssSelector("button[ng-click='complete()']"));
    browser.waitUntil(driver -> complete.isEnabled());
    dismissNotifications();
    browser.click(complete);
    return browser.waitUntil(driver -> {
      try {
        for (WebElement error : driver.findElements(By.cssSelector(".page-notifications .alert-danger"))) {
          if (error.isDisplayed() && !error.getText().isBlank()) {
            return error.getText();
          }
        }
        return driver.findElements(By.cssSelector("button[ng-click='complete()']")).isEmpty() ? "" : null;
      } catch (StaleElementReferenceException rerendered) {
        return null;
      }
    });
  }

  /** Closes Tasklist's notices (they sit over the bottom of the form, where Complete is). */
  public void dismissNotifications() {
    for (WebElement close : browser.all(By.cssSelector(".page-notifications button.close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    Browser.pause(300);
  }

  private WebElement labelled(String label, int index) {
    return browser.waitUntil(driver -> {
      List<WebElement> labels = driver.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
          .filter(element -> element.isDisplayed() && element.getText().replace("*", "").trim().equals(label))
          .toList();
      return labels.size() > index ? labels.get(index) : null;
    });
  }

  private WebElement input(String label, int index) {
    String id = labelled(label, index).getAttribute("for");
    return browser.waitFor(By.id(id));
  }
}
