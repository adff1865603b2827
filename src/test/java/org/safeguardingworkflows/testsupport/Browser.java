package org.safeguardingworkflows.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium from Debian ({@code apt-get install -y chromium chromium-driver}), driven by Selenium, for browser
 * tests against the running application. Without Chromium or chromedriver the test FAILS on CI (CI=true) and is
 * skipped, loudly, elsewhere. Screenshots go to {@code target/screenshots/} (system property {@code screenshots.dir}).
 */
public final class Browser implements AutoCloseable {

  private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final List<String> CHROMEDRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  private final WebDriver driver;
  private final Path profile;

  private Browser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A fresh headless browser (new profile: no cookies, no cache). */
  public static Browser open() {
    Optional<String> chromium = firstExisting(CHROMIUM);
    Optional<String> chromedriver = firstExisting(CHROMEDRIVER);
    if (chromium.isEmpty() || chromedriver.isEmpty()) {
      String missing = (chromium.isEmpty() ? "chromium " : "") + (chromedriver.isEmpty() ? "chromedriver" : "");
      String message = "BROWSER TEST NOT RUN: " + missing.trim() + " not installed (apt-get install -y chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      System.err.println("\n********************************************************************************\n"
          + message + "\n********************************************************************************\n");
      Assumptions.abort(message);
    }
    try {
      Path profile = Files.createTempDirectory("chromium-profile-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chromium.get());
      // As root Chromium needs --no-sandbox; the rest keep a headless run quiet and off the network.
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
          "--window-size=1400,2200", "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(Path.of(chromedriver.get()).toFile())
          .usingAnyFreePort()
          .build();
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Waits up to 30 seconds for the condition to be true (non-null, non-false). */
  public <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
  }

  /** Saves a PNG of the window as {@code name}.png under target/screenshots/. */
  public Path screenshot(String name) {
    try {
      Path directory = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
      Files.createDirectories(directory);
      Path file = directory.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }

  private static Optional<String> firstExisting(List<String> paths) {
    return paths.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
  }
}
