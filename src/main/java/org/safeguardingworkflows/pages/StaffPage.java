package org.safeguardingworkflows.pages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.safeguardingworkflows.branding.Branding;

/**
 * The application's own HTML pages (a manager's caseload, a child's timeline, the printable contingency plan and
 * history pack): one frame for all of them, so that each has the application's name, a skip link to its content, the
 * link to the accessibility statement, colours that meet WCAG 2.2 AA contrast, and a print layout without the
 * navigation. Everything written into a page goes through {@link #text}: what users wrote is shown as text, never as
 * markup.
 */
public final class StaffPage {

  public static final String HTML = "text/html;charset=UTF-8";
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);

  private StaffPage() {}

  /** A whole page: {@code main} is the page's content, already built with {@link #text}. */
  public static String page(Branding branding, String title, String main) {
    return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%1$s - %2$s</title>
        <style>%3$s</style>
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header"><span class="service-name">%2$s</span>
        <nav aria-label="Other pages"><a href="/camunda/app/tasklist/">Tasklist</a> <a href="/pages/caseload">Children in a watch period</a></nav></header>
        <main id="main" tabindex="-1">
        %4$s
        </main>
        <footer class="site-footer"><a href="/accessibility-statement.html">Accessibility statement</a></footer>
        </body>
        </html>
        """.formatted(text(title), text(branding.fullName()), STYLE, main);
  }

  /** Text for HTML: a value written by a user, a reference or a name can never become markup. */
  public static String text(Object value) {
    if (value == null) {
      return "";
    }
    String raw = String.valueOf(value);
    StringBuilder escaped = new StringBuilder(raw.length() + 16);
    for (char c : raw.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** A date as practitioners and families in England write it. */
  public static String date(LocalDate date) {
    return date == null ? "" : DAY_MONTH_YEAR.format(date);
  }

  /** An ISO date (as the record keeps form answers) written as {@link #date}; anything else as it is. */
  public static String date(Object isoDate) {
    if (isoDate == null) {
      return "";
    }
    try {
      return date(LocalDate.parse(String.valueOf(isoDate).substring(0, Math.min(10, String.valueOf(isoDate).length()))));
    } catch (RuntimeException notADate) {
      return String.valueOf(isoDate);
    }
  }

  /** Colours checked against WCAG 2.2 AA (4.5:1 for text); print drops the navigation and keeps text black on white. */
  private static final String STYLE = """
      body { font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; margin: 0; background: #fff; }
      a { color: #1d4f91; } a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
      .skip-link { position: absolute; left: -9999px; top: 0; padding: 8px; }
      .skip-link:focus { left: 8px; }
      .site-header { background: #0b0c0c; color: #fff; padding: 10px 16px; display: flex; gap: 24px; align-items: baseline; flex-wrap: wrap; }
      .site-header a { color: #fff; margin-right: 16px; } .site-header a:focus { color: #0b0c0c; }
      .service-name { font-weight: bold; font-size: 18px; }
      main { display: block; padding: 16px; max-width: 70em; }
      h1 { font-size: 28px; margin: 8px 0 16px; } h2 { font-size: 22px; margin-top: 24px; } h3 { font-size: 18px; }
      table { border-collapse: collapse; margin: 8px 0 16px; } caption { text-align: left; font-weight: bold; padding: 4px 0; }
      th, td { border: 1px solid #505a5f; padding: 6px 8px; text-align: left; vertical-align: top; }
      th { background: #f3f2f1; }
      .late { color: #a4000f; font-weight: bold; }
      .note { color: #505a5f; }
      dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 4px 0 0; }
      dl.details dt { font-weight: bold; } dl.details dd { margin: 0; white-space: pre-wrap; }
      ol.timeline { list-style: none; padding: 0; } ol.timeline > li { border-left: 4px solid #1d4f91; padding: 4px 12px; margin-bottom: 12px; }
      .print-button { font-size: 16px; padding: 6px 12px; }
      .site-footer { padding: 16px; border-top: 1px solid #b1b4b6; }
      @media print {
        .site-header, .site-footer, .skip-link, .print-button, .no-print { display: none !important; }
        body { font-size: 12pt; color: #000; } a { color: #000; text-decoration: none; }
        main { padding: 0; max-width: none; } h1 { font-size: 20pt; } h2 { font-size: 15pt; page-break-after: avoid; }
        table, li { page-break-inside: avoid; }
      }
      """;
}
