package org.safeguardingworkflows.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every form ends, just above Tasklist's buttons, with a plain "What happens next" text, so that nobody completes a
 * task without knowing where the work goes; and every task form shows its due date as a date at the top.
 */
class FormsTellWhatHappensNextTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WHAT_HAPPENS_NEXT = "**What happens next:** ";

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void theLastThingAboveTheButtonsSaysWhatHappensNext(Path form) throws IOException {
    JsonNode components = JSON.readTree(form.toFile()).path("components");
    JsonNode last = components.get(components.size() - 1);

    assertThat(last.path("type").asText()).as(form.getFileName() + ": the last component").isEqualTo("text");
    assertThat(last.has("conditional")).as(form.getFileName() + ": shown whatever the answers").isFalse();
    assertThat(last.path("text").asText()).as(form.getFileName().toString()).startsWith(WHAT_HAPPENS_NEXT);
    String sentence = last.path("text").asText().substring(WHAT_HAPPENS_NEXT.length());
    assertThat(sentence).as(form.getFileName() + ": static text, a sentence").doesNotContain("{{").hasSizeGreaterThan(30).endsWith(".");
    List<String> problems = new ArrayList<>();
    PlainMessagesTest.check(form.getFileName().toString(), sentence, problems);
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyTaskFormShowsItsDueDateAsADateAtTheTop(Path form) throws IOException {
    if (form.getFileName().toString().startsWith("start-")) {
      return; // A start form belongs to no task, so has no due date.
    }
    JsonNode components = JSON.readTree(form.toFile()).path("components");
    JsonNode dueBy = null;
    for (int i = 0; i < Math.min(2, components.size()); i++) {
      if (DueDateShown.VARIABLE.equals(components.get(i).path("key").asText())) {
        dueBy = components.get(i);
      }
    }
    assertThat(dueBy).as(form.getFileName() + ": the due date, first or right under the heading").isNotNull();
    assertThat(dueBy.path("disabled").asBoolean()).as("shown, never typed or submitted").isTrue();
    assertThat(dueBy.path("label").asText()).isEqualTo("Due by");
  }
}
