package org.safeguardingworkflows.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Text written by a user is shown as plain text in every form, never as Markdown or HTML. A form-js {@code text}
 * component renders its templates' results as Markdown (links, images, HTML), and any variable can hold a user's text:
 * free-text fields, user ids and child references typed into start forms, and even a code-list answer, since the
 * engine's REST API completes a task with whatever values it is sent. So a template may use a variable only to decide
 * which fixed words to show: compared with a literal ({@code x = null}, {@code x = "MET"}, {@code x > 0}) or read as a
 * date ({@code date(x)}, which is null for anything else), or looked up among the dates in words
 * ({@code get value(datesInWords, x)}: written by the server only, see tasks/DatesInWords, and null for anything but a
 * date the journey holds; no form has a field of that name, and staff may send a task only its form's fields), or
 * among the staff's names ({@code get value(staffNames, x)}, the same for a login id: tasks/StaffNames). Everything
 * a user wrote is shown by a disabled field bound to its variable (textfield, textarea, number), which form-js renders
 * as an input's value, escaped, and does not submit; tables, which render their cells as text, may show lists.
 */
class WrittenTextShownAsPlainTextTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"]*\"");
  private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");
  private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "null", "true", "false", "and", "or",
      "not", "date", "string", "day", "month", "year", "for", "in", "return", "some", "every", "satisfies");
  /**
   * A date in words or a member of staff's name, looked up: shows only what the server wrote for a real date or a
   * login id of the staff, whatever x holds.
   */
  private static final Pattern WRITTEN_BY_THE_SERVER = Pattern.compile("get value\\((?:datesInWords|staffNames), [\\w.]+\\)");
  private static final String LITERAL = "(?:null|true|false|\"\"|-?\\d+(?:\\.\\d+)?)";

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void noTextComponentShowsAVariableAsMarkdown(Path form) throws IOException {
    List<String> shown = new ArrayList<>();
    textComponents(JSON.readTree(form.toFile()).path("components"), shown);
    assertThat(shown).as("variables shown as Markdown by a text component of " + form.getFileName()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void fieldsThatShowWhatOthersWroteAreDisabled_soFormJsNeitherRendersNorSubmitsThem(Path form) throws IOException {
    List<String> notDisabled = new ArrayList<>();
    shownFields(JSON.readTree(form.toFile()).path("components"), notDisabled);
    assertThat(notDisabled).as("fields of " + form.getFileName() + " that show a value but are not disabled").isEmpty();
  }

  @Test
  void theCheckFindsAVariableShownAsMarkdown() {
    assertThat(shownVariables("{{if whatChanged = null then \"not recorded\" else whatChanged}}")).containsExactly("whatChanged");
    assertThat(shownVariables("{{\"given by \" + teamManagerViewBy}}")).containsExactly("teamManagerViewBy");
    assertThat(shownVariables("{{if x = \"A\" then \"Aye\" else x}}")).containsExactly("x");
    assertThat(shownVariables("{{string(months) + \" months\"}}")).containsExactly("months");
    assertThat(shownVariables("{{ploExtensions}}")).containsExactly("ploExtensions");
    assertThat(shownVariables("{{if x = null then \"none\" else if x = \"A\" then \"Aye\" else \"another answer\"}}"
        + "{{#if n > 0}}{{/if}}{{string(date(d).day)}}")).isEmpty();
    assertThat(shownVariables("{{if d = null then \"not recorded\" else get value(datesInWords, d)}}")).isEmpty();
    assertThat(shownVariables("{{if p = null then \"not recorded\" else get value(staffNames, p)}}")).isEmpty();
    assertThat(shownVariables("{{if get value(staffNames, p) = null then p else \"named\"}}")).containsExactly("p");
    assertThat(shownVariables("{{get value(answers, d)}}")).containsExactly("get", "value", "answers", "d");
  }

  private static void textComponents(JsonNode components, List<String> shown) {
    for (JsonNode component : components) {
      if ("text".equals(component.path("type").asText())) {
        String text = component.path("text").asText();
        if (text.startsWith("=")) {
          shown.add(component.path("id").asText() + ": the whole text is an expression");
        }
        shownVariables(text).forEach(variable -> shown.add(component.path("id").asText() + ": " + variable));
      }
      textComponents(component.path("components"), shown);
    }
  }

  /** Names in the text's templates used other than in a comparison with a literal or as date(name). */
  static List<String> shownVariables(String text) {
    List<String> shown = new ArrayList<>();
    Matcher template = TEMPLATE.matcher(text);
    while (template.find()) {
      String expression = STRING_LITERAL.matcher(template.group(1).replaceFirst("^\\s*[#/]", "")).replaceAll("\"\"");
      expression = WRITTEN_BY_THE_SERVER.matcher(expression).replaceAll("\"\"");
      Matcher name = NAME.matcher(expression);
      while (name.find()) {
        String variable = name.group(1);
        if (FEEL_WORDS.contains(variable) || usedSafely(expression, name.start(), name.end())) {
          continue;
        }
        shown.add(variable);
      }
    }
    return shown;
  }

  private static boolean usedSafely(String expression, int start, int end) {
    String after = expression.substring(end);
    String before = expression.substring(0, start);
    boolean compared = after.matches("(?s)\\s*(?:!=|=|<=|>=|<|>)\\s*" + LITERAL + "(?![\\w.\"]).*");
    boolean asDate = before.matches("(?s).*\\bdate\\(\\s*") && after.matches("(?s)\\s*\\).*");
    return compared || asDate;
  }

  /** A keyed field whose value comes from the process (no user of this form types into it) must be disabled. */
  private static void shownFields(JsonNode components, List<String> notDisabled) {
    for (JsonNode component : components) {
      if (component.path("id").asText().startsWith("Shown_") && !component.path("disabled").asBoolean()) {
        notDisabled.add(component.path("id").asText());
      }
      shownFields(component.path("components"), notDisabled);
    }
  }
}
