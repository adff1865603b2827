package org.safeguardingworkflows.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (the npm package, {@code node_modules/axe-core}) run inside the page a {@link Browser} shows, with the WCAG
 * 2.0, 2.1 and 2.2 A and AA rules, on the part of the page the application is answerable for (a form, a plugin, a
 * page). Without the package the test is skipped loudly on a developer's machine and fails under CI=true, as
 * {@link Browser} does without Chromium.
 */
public final class Axe {

  static final Path SCRIPT = Path.of("node_modules/axe-core/axe.min.js");
  static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private Axe() {}

  /**
   * The violations inside the elements matching {@code selector} (every one of them), one line each: the rule, its
   * impact and the elements it found, so that a failure names what to fix.
   */
  public static List<String> violations(Browser browser, String selector) throws IOException {
    inject(browser);
    Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const include = Array.from(document.querySelectorAll(arguments[0]));
        if (include.length === 0) { done({error: 'nothing matches ' + arguments[0]}); return; }
        axe.run({include: include}, {runOnly: {type: 'tag', values: arguments[1]}, resultTypes: ['violations']})
          .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))}))
          .catch(e => done({error: String(e)}));
        """, selector, WCAG_AA);
    @SuppressWarnings("unchecked")
    Map<String, Object> answer = (Map<String, Object>) result;
    if (answer == null || answer.get("error") != null) {
      throw new AssertionError("axe-core did not run: " + (answer == null ? "no answer" : answer.get("error")));
    }
    List<String> lines = new ArrayList<>();
    for (Object item : (List<?>) answer.get("violations")) {
      Map<?, ?> violation = (Map<?, ?>) item;
      lines.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help") + " at " + violation.get("nodes"));
    }
    return lines;
  }

  private static void inject(Browser browser) throws IOException {
    if (!Files.isReadable(SCRIPT)) {
      String message = "axe-core is needed for accessibility tests (npm install, from package.json)";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail("CI=true: " + message);
      }
      System.err.println("# SKIPPED accessibility check: " + message);
      Assumptions.abort(message);
    }
    if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
      browser.script(Files.readString(SCRIPT));
    }
  }
}
