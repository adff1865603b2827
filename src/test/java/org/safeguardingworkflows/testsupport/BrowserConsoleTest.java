package org.safeguardingworkflows.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The browser tests that check a Tasklist script reported no error (StepDownInTasklistTest) can only fail if the
 * console is really read: an error written to it is found. Chromium only, no application.
 */
@Tag(ApplicationLayer.TAG)
class BrowserConsoleTest {

  @Test
  void anErrorWrittenToTheConsoleIsRead() throws Exception {
    try (Browser browser = Browser.open("browser-console")) {
      browser.go("data:text/html,<title>console</title>");
      browser.script("console.error('Safeguarding Workflows, complete-forms-with-lists.js: a test error'); console.log('not an error');");
      assertThat(browser.consoleErrors()).hasSize(1).allMatch(error -> error.contains("complete-forms-with-lists.js: a test error"));
    }
  }
}
