package org.safeguardingworkflows.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.branding.Branding;

/**
 * What the application's pages write: what users wrote stays text (never markup), codes and field names become words,
 * dates are dd/mm/yyyy, the engine's ids are left out, and every page has the service's name, the skip link and the
 * accessibility statement.
 */
class RecordedAnswersTest {

  @Test
  void whatUsersWroteIsShownAsTextNeverAsMarkup() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("concernSummary", "<script>alert('x')</script> & \"more\"");
    details.put("agreedActions", List.of(Map.of("whoActs", "<b>Team manager</b>")));
    String html = RecordedAnswers.details(details);
    assertThat(html).doesNotContain("<script>", "<b>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;", "&lt;b&gt;Team manager&lt;/b&gt;");
  }

  @Test
  void namesAndCodesAreWordsDatesAreUkAndIdsAreLeftOut() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("contingencyDecision", "STRATEGY_DISCUSSION");
    details.put("meetingDate", "2026-03-15");
    details.put("familyToldOfContingency", true);
    details.put("stepDownInstanceId", "4f1c2d3e-0000");
    String html = RecordedAnswers.details(details);
    assertThat(html).contains("<dt>Contingency decision</dt><dd>Strategy discussion</dd>", "<dt>Meeting date</dt><dd>15/03/2026</dd>",
        "<dt>Family told of contingency</dt><dd>Yes</dd>").doesNotContain("4f1c2d3e", "Instance");
    assertThat(RecordedAnswers.words("STEP_DOWN_MEETING")).isEqualTo("Step down meeting");
    assertThat(StaffPage.date(LocalDate.of(2026, 2, 1))).isEqualTo("01/02/2026");
  }

  @Test
  void everyPageNamesTheServiceAndLeadsToItsContentAndTheStatement() {
    String page = StaffPage.page(new Branding("Safeguarding Workflows", "Northshire <Council>"), "A <title>", "<p>content</p>");
    assertThat(page).contains("<title>A &lt;title&gt; - Northshire &lt;Council&gt; Safeguarding Workflows</title>",
        "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>", "<main id=\"main\"", "<p>content</p>",
        "href=\"/accessibility-statement.html\"", "@media print", "lang=\"en-GB\"");
  }
}
