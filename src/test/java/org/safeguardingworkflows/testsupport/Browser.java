package org.safeguardingworkflows.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the tests: Debian's headless Chromium driven through its chromedriver. Without Chromium the
 * tests are skipped with a loud message on a developer's machine, and FAIL under CI=true. Every step can be
 * saved as a PNG under target/screenshots/.
 */
public final class Browser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final WebDriver driver;
  private final Path userDataDir;
  private final Path screenshots;
  private int step;

  private Browser(WebDriver driver, Path userDataDir, Path screenshots) {
    this.driver = driver;
    this.userDataDir = userDataDir;
    this.screenshots = screenshots;
  }

  /** Opens a fresh browser (empty profile); {@code scenario} names the screenshot folder. */
  public static Browser open(String scenario) throws IOException {
    requireChromium();
    Path userDataDir = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1400,1000", "--lang=en-GB", "--user-data-dir=" + userDataDir);
    // The browser's console, for tests that check a Tasklist script did not report an error.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    Path screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"), scenario);
    Files.createDirectories(screenshots);
    try (var old = Files.list(screenshots)) {
      old.forEach(file -> file.toFile().delete());
    }
    ChromeDriver driver = new ChromeDriver(service, options);
    // Like a council's desktops: English (UK). Camunda Forms formats dates with the browser's Intl locale, which
    // headless Chromium takes from the environment, not from --lang (that sets only Accept-Language).
    driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "en-GB"));
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/London"));
    return new Browser(driver, userDataDir, screenshots);
  }

  private static void requireChromium() {
    boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    if (!present) {
      String message = "Chromium and chromedriver are needed for browser tests (apt-get install chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail("CI=true: " + message);
      }
      System.err.println("""
          ############################################################################
          # SKIPPED browser test: %s
          ############################################################################""".formatted(message));
      Assumptions.abort(message);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public void go(String url) {
    driver.get(url);
  }

  /**
   * Opens a Camunda webapp (Cockpit, Admin) at this address and signs in on its own sign-in form as this member of
   * the test staff; what to wait for next is the caller's (the page the webapp opens on differs).
   */
  public void signIn(String webappUrl, String user) {
    go(webappUrl);
    waitFor(By.cssSelector("form[name='signinForm'] input[type='text']")).sendKeys(user);
    driver.findElement(By.cssSelector("form[name='signinForm'] input[type='password']")).sendKeys(TestStaff.PASSWORD);
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
  }

  public WebElement waitFor(By locator) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public <T> T waitUntil(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    } catch (RuntimeException e) {
      try {
        screenshot("FAILED-waiting");
        Files.writeString(screenshots.resolve(String.format("%02d-FAILED-page.html", step)), driver.getPageSource());
      } catch (IOException | RuntimeException ignored) {
        // the original failure matters more than the evidence
      }
      throw e;
    }
  }

  public List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  /** Clicks like a user: the element is scrolled to the middle of the window first, clear of banners. */
  public void click(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  public void type(By field, String text) {
    WebElement element = waitFor(field);
    element.clear();
    element.sendKeys(text);
    // form-js debounces typing (about 300 ms) before the value reaches the form's data
    pause(400);
  }

  public Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  /** The errors written to the browser's console since last asked. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Saves a PNG of what the user sees now, numbered in the order of the scenario. */
  public Path screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = screenshots.resolve(String.format("%02d-%s.png", ++step, name));
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  public static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(userDataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
