package org.safeguardingworkflows.pages;

import static org.safeguardingworkflows.pages.StaffPage.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * A child record entry's details (a form's answers, as the record keeps them) written for people: field names and
 * codes as words ({@code contingencyPlan} "Contingency plan", {@code NEW_REFERRAL} "New referral"), dates as
 * dd/mm/yyyy, yes and no, lists as lists; the engine's ids are left out (they mean nothing to a reader).
 */
public final class RecordedAnswers {

  private RecordedAnswers() {}

  /** {@code STEP_DOWN_MEETING} "Step down meeting", {@code whoActs} "Who acts". */
  public static String words(String name) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    String spaced = name.contains("_") || name.equals(name.toUpperCase(Locale.ROOT))
        ? name.replace('_', ' ').toLowerCase(Locale.ROOT)
        : name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /** The details as a definition list (HTML, every value escaped). */
  public static String details(Map<String, Object> details) {
    if (details == null || details.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<dl class=\"details\">");
    details.forEach((name, value) -> {
      if (isInternal(name) || value == null || (value instanceof String s && s.isBlank())) {
        return;
      }
      html.append("<dt>").append(text(words(name))).append("</dt><dd>").append(value(value)).append("</dd>");
    });
    return html.append("</dl>").toString();
  }

  @SuppressWarnings("unchecked")
  static String value(Object value) {
    if (value instanceof Boolean yes) {
      return yes ? "Yes" : "No";
    }
    if (value instanceof Map<?, ?> map) {
      return details((Map<String, Object>) map);
    }
    if (value instanceof Collection<?> list) {
      StringBuilder html = new StringBuilder("<ul>");
      list.forEach(item -> html.append("<li>").append(value(item)).append("</li>"));
      return html.append("</ul>").toString();
    }
    String raw = String.valueOf(value);
    if (raw.matches("\\d{4}-\\d{2}-\\d{2}(T.*)?")) {
      return text(StaffPage.date((Object) raw));
    }
    if (raw.matches("[A-Z][A-Z0-9_]+")) {
      return text(words(raw));
    }
    return text(raw);
  }

  /** The engine's and the application's ids: never shown to a reader. */
  static boolean isInternal(String name) {
    return name.endsWith("InstanceId") || name.endsWith("TaskId") || name.equals("id") || name.endsWith("DefinitionId");
  }
}
