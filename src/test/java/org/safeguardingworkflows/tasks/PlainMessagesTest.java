package org.safeguardingworkflows.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything a practitioner can be told about their answers is plain English: the forms' labels, descriptions,
 * answers and format messages, and every sentence the server refuses a task, a claim or an engine request with. No
 * regular expressions, date patterns, variable names, codes, task ids, JSON or exception terms.
 */
class PlainMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a practitioner should never read, each with why. */
  static final Map<String, Pattern> FORBIDDEN = Map.ofEntries(
      Map.entry("a regular expression", Pattern.compile("\\^|\\\\[SsdwW]|\\[A-Z|\\{\\d+,\\d*\\}")),
      Map.entry("a date pattern for programmers", Pattern.compile("yyyy-MM-dd|\\d{4}-\\d{2}-\\d{2}")),
      Map.entry("a variable name", Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b")),
      Map.entry("a code", Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b|\\b(NOT_MET|SEND_BACK|AGREE)\\b")),
      Map.entry("a task id", Pattern.compile("Task_")),
      Map.entry("an engine term", Pattern.compile("(?i)exception|business key|process definition|\\bvariable|\\bgroup\\b|stack trace|\\bnull\\b|\\bJSON\\b")));

  /** Where the server's refusals are written: the calls whose sentence reaches Tasklist or a REST client. */
  private static final Pattern REFUSAL = Pattern.compile(
      "new (FormFieldValidationException|AuthorizationException)\\(|ApiProblem\\.forbidden\\(|(problems|missing)\\.add\\(\"");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyFormSpeaksPlainly_andKeepsItsFormatRulesOutOfTheBrowsersWording(Path form) throws IOException {
    List<String> problems = new ArrayList<>();
    walk(JSON.readTree(form.toFile()).path("components"), problems);
    assertThat(problems).as(form.getFileName().toString()).isEmpty();
  }

  @Test
  void theServersRefusalsSpeakPlainly() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        String code = Files.readString(source);
        Matcher refusal = REFUSAL.matcher(code);
        while (refusal.find()) {
          int start = refusal.end() - (refusal.group().endsWith("\"") ? 1 : 0);
          Matcher literal = STRING_LITERAL.matcher(code.substring(start, closingParenthesis(code, start)));
          while (literal.find()) {
            check(source.getFileName() + ": \"" + literal.group(1) + "\"", literal.group(1), problems);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckCatchesWhatTheIssueSaw() {
    List<String> caught = new ArrayList<>();
    for (String developerWording : List.of("must match pattern ^[A-Za-z0-9-]{1,40}$", "written as yyyy-MM-dd",
        "The business key must be the child's reference (childRef).", "MET or NOT_MET", "is not in the iros group",
        "the deadline of 2026-03-20", "ENGINE-03005 Exception while executing")) {
      List<String> problems = new ArrayList<>();
      check(developerWording, developerWording, problems);
      if (!problems.isEmpty()) {
        caught.add(developerWording);
      }
    }
    assertThat(caught).hasSize(7);
  }

  private static void walk(JsonNode components, List<String> problems) {
    for (JsonNode component : components) {
      walk(component.path("components"), problems);
      String where = component.path("id").asText();
      if (component.path("validate").has("pattern")) {
        problems.add(where + ": validate.pattern (form-js shows the regular expression itself); use the formatRule and "
            + "formatMessage properties");
      }
      if (component.path("properties").has(FormRulesOnServer.FORMAT_RULE)
          && !component.path("properties").has(FormRulesOnServer.FORMAT_MESSAGE)) {
        problems.add(where + ": a formatRule without a formatMessage");
      }
      for (String field : List.of("label", "dateLabel", "description")) {
        check(where + " " + field, component.path(field).asText(""), problems);
      }
      check(where + " formatMessage", component.path("properties").path(FormRulesOnServer.FORMAT_MESSAGE).asText(""), problems);
      component.path("values").forEach(answer -> check(where + " answer", answer.path("label").asText(""), problems));
      // A text's {{ }} blocks are expressions the practitioner never sees; what they show is checked by the form's author.
      check(where + " text", component.path("text").asText("").replaceAll("(?s)\\{\\{.*?}}", ""), problems);
    }
  }

  static void check(String where, String text, List<String> problems) {
    FORBIDDEN.forEach((what, pattern) -> {
      Matcher found = pattern.matcher(text);
      if (found.find()) {
        problems.add(where + " shows " + what + " ('" + found.group() + "')");
      }
    });
  }

  private static int closingParenthesis(String code, int from) {
    int depth = 1;
    for (int i = from; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"') {
        for (i++; code.charAt(i) != '"'; i++) {
          if (code.charAt(i) == '\\') {
            i++;
          }
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return code.length();
  }
}
