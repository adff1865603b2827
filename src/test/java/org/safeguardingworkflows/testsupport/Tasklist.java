package org.safeguardingworkflows.testsupport;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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

  /** Camunda Forms shows and takes dates in the browser's locale: English (UK) in {@link Browser}. */
  private static final DateTimeFormatter FORM_JS_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String FORM_JS_DATE_PLACEHOLDER = "dd/mm/yyyy";

  /** Tasks on one page of Tasklist's list. */
  private static final int PAGE_SIZE = 15;

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

  /** Signs out from the account menu, as a user does, and waits for the login form. */
  public void logOut() {
    browser.click(browser.waitFor(By.cssSelector("li.account > a")));
    browser.click(browser.waitFor(By.cssSelector("li.logout a")));
    browser.waitFor(By.cssSelector("input[ng-model='username']"));
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

  /** Opens one of the filters on the left (by the start of its name) and waits until Tasklist shows it as chosen. */
  public Tasklist filter(String name) {
    By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(@class,'name')]/a[starts-with(normalize-space(.), \"" + name + "\")]]");
    browser.click(browser.waitFor(filter));
    browser.waitUntil(driver -> driver.findElement(filter).getAttribute("class").contains("active")
        && driver.getCurrentUrl().contains("filter="));
    // Reloaded with the filter in the address, so that its counter cannot still show the previous filter's count
    browser.driver().navigate().refresh();
    browser.waitUntil(driver -> driver.findElement(filter).getAttribute("class").contains("active"));
    return this;
  }

  /**
   * The names of every task the chosen filter lists, page by page (Tasklist shows 15 a page), each page read once it
   * holds as many tasks as the filter's counter says it should and has stayed so for a second, so that an absent
   * task is really absent and not still loading (just after a filter is chosen its counter can still show the
   * previous filter's count).
   */
  public List<String> listedTasks() {
    List<String> all = new ArrayList<>();
    int count;
    do {
      List<String> page = stablePage(all.size());
      count = Integer.parseInt(page.get(0));
      all.addAll(page.subList(1, page.size()));
    } while (all.size() < count && nextPage());
    return all;
  }

  /** The counter, then the names on the current page, once they agree and have held still for a second. */
  private List<String> stablePage(int before) {
    Object[] last = {null, 0L};
    return browser.waitUntil(driver -> {
      List<String> page = new ArrayList<>();
      try {
        List<WebElement> counters = driver.findElements(By.cssSelector(".task-filter.active .counter"));
        if (counters.isEmpty() || !counters.get(0).getText().trim().matches("\\d+")) {
          return null;
        }
        int count = Integer.parseInt(counters.get(0).getText().trim());
        List<String> names = driver.findElements(By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
            .map(link -> link.getText().trim()).toList();
        if (names.size() != Math.min(count - before, PAGE_SIZE)) {
          return null;
        }
        page.add(String.valueOf(count));
        page.addAll(names);
      } catch (StaleElementReferenceException redrawn) {
        return null;
      }
      long now = System.currentTimeMillis();
      if (!page.equals(last[0])) {
        last[0] = page;
        last[1] = now;
        return null;
      }
      return now - (Long) last[1] >= 1000 ? page : null;
    });
  }

  /** Goes to the next page of the task list; false when there is none. */
  private boolean nextPage() {
    List<WebElement> next = browser.all(By.cssSelector("li.pagination-next:not(.disabled) a"));
    if (next.isEmpty() || !next.get(0).isDisplayed()) {
      return false;
    }
    browser.click(next.get(0));
    Browser.pause(1000);
    return true;
  }

  /** The number the chosen filter's counter shows. */
  public int listedCount() {
    listedTasks();
    return Integer.parseInt(browser.waitFor(By.cssSelector(".task-filter.active .counter")).getText().trim());
  }

  /** Claims the open task when nobody holds it yet (Tasklist keeps an unclaimed task's form read-only). */
  public Tasklist claim() {
    List<WebElement> claim = browser.all(By.cssSelector("button.claim"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      browser.click(claim.get(0));
      browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
      browser.waitFor(By.cssSelector(".fjs-form"));
      Browser.pause(500);
    }
    return this;
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
      if (found.isEmpty()) {
        // Tasklist shows 15 tasks a page: look on the next page, or start again from a fresh first page
        if (!nextPage()) {
          driver.navigate().refresh();
          Browser.pause(1500);
        }
        return false;
      }
      return true;
    });
    browser.click(browser.waitFor(task));
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
    if (!FORM_JS_DATE_PLACEHOLDER.equals(input.getAttribute("placeholder"))) {
      throw new AssertionError("'" + label + "' should ask for a UK date (" + FORM_JS_DATE_PLACEHOLDER + ") but shows "
          + input.getAttribute("placeholder"));
    }
    browser.click(input);
    input.sendKeys(FORM_JS_DATE.format(date));
    // Tab commits the typed date and closes the picker (Escape would close Tasklist's dialog, Enter submit it)
    input.sendKeys(Keys.TAB);
    Browser.pause(400);
    return this;
  }

  /**
   * Types text into a date field as a person would (over anything already there) and leaves it with Tab; returns what
   * the field then shows.
   */
  public String typeDate(String label, String text) {
    WebElement input = input(label, 0);
    browser.click(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text);
    input.sendKeys(Keys.TAB);
    Browser.pause(400);
    return input.getAttribute("value");
  }

  /** The message under a date field that refused what was typed, or "" when there is none. */
  public String dateRefusal(String label) {
    WebElement input = input(label, 0);
    List<WebElement> notes = browser.driver().findElements(By.id(input.getAttribute("id") + "-refused"));
    return notes.isEmpty() ? "" : notes.get(0).getText();
  }

  public Tasklist select(String label, String option) {
    return select(label, 0, option);
  }

  public Tasklist select(String label, int index, String option) {
    selectFrom(label, index, option);
    return this;
  }

  /**
   * Chooses an answer of an empty select, as {@link #select}, and returns every answer its list offered, as the
   * practitioner read them (read while choosing: the list is opened once).
   */
  public List<String> selectFrom(String label, String option) {
    return selectFrom(label, 0, option);
  }

  private List<String> selectFrom(String label, int index, String option) {
    dismissNotifications();
    // form-js opens the dropdown of an empty select when its input receives focus
    String id = labelled(label, index).getAttribute("for");
    WebElement input = browser.driver().findElement(By.id(id));
    browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].blur(); arguments[0].focus();", input);
    By item = By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)=\"" + option + "\"]");
    WebElement chosen = browser.waitFor(item);
    List<String> offered = browser.all(By.cssSelector(".fjs-dropdownlist-item")).stream().map(WebElement::getText)
        .map(String::trim).toList();
    browser.click(chosen);
    Browser.pause(300);
    return offered;
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
    return choose(optionLabel, 0);
  }

  /** Ticks the {@code index}-th option with these words (a checklist in a list repeats its options row by row). */
  public Tasklist choose(String optionLabel, int index) {
    WebElement option = labelled(optionLabel, index);
    browser.script("arguments[0].scrollIntoView({block: 'center'})", option);
    browser.click(option);
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
      List<WebElement> errors = driver.findElements(By.cssSelector(".notifications .alert-danger, .notification.alert-danger, .alert-danger"));
      try {
        for (WebElement error : errors) {
          if (error.isDisplayed() && !error.getText().isBlank()) {
            return error.getText();
          }
        }
      } catch (StaleElementReferenceException closed) {
        // a notice that closed while being read: look again
        return null;
      }
      return driver.findElements(By.cssSelector("button[ng-click='complete()']")).isEmpty() ? "" : null;
    });
  }

  /**
   * What a disabled field shows: text others wrote is shown in disabled fields (as an input's value, never as
   * Markdown), so it is not part of the page's text.
   */
  public String shown(String label) {
    WebElement field = input(label, 0);
    if (field.isEnabled()) {
      throw new AssertionError("'" + label + "' is a field to fill, not one that shows what was recorded");
    }
    return field.getDomProperty("value");
  }

  /**
   * What a form states in words under a label ("**IRO's view given by:** Ivy Roberts"): the staff the journey names,
   * written by the server (tasks/StaffNames), not typed by anyone.
   */
  public String stated(String label) {
    String prefix = label + ":";
    return browser.all(By.cssSelector(".fjs-form-field-text p")).stream().map(WebElement::getText)
        .filter(text -> text.startsWith(prefix)).map(text -> text.substring(prefix.length()).trim())
        .findFirst().orElseThrow(() -> new AssertionError("the form states nothing under '" + label + "'"));
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
