package org.safeguardingworkflows.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Re-applies a Camunda Form's own validation rules (required, minLength, maxLength, pattern) to the values a
 * task is completed with, whatever the client: Tasklist, {@code /engine-rest} or the Java API. The form is the
 * single source of those rules. Fields hidden by a condition are skipped, since a hidden field is never required.
 * A breach throws {@link FormFieldValidationException}: the completion rolls back, the task stays open, REST
 * answers 400 and Tasklist shows the sentence.
 */
class FormRulesOnServer implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void notify(DelegateTask task) {
    DeployedForm.of(task).ifPresent(form -> {
      List<String> problems = new ArrayList<>();
      // Only the form's own fields are read: task.getVariables() would deserialize every JSON variable of the
      // journey on each completion (the largest application cost in the journey benchmark's profile).
      check(form.path("components"), task::getVariable, problems);
      if (!problems.isEmpty()) {
        throw new FormFieldValidationException(task.getTaskDefinitionKey(),
            "Please correct the form: " + String.join("; ", problems) + ".");
      }
    });
  }

  private static void check(JsonNode components, Function<String, Object> valueOf, List<String> problems) {
    for (JsonNode component : components) {
      if (component.has("conditional") || component.path("readonly").asBoolean() || component.path("disabled").asBoolean()) {
        continue;
      }
      String type = component.path("type").asText();
      if ("group".equals(type)) {
        check(component.path("components"), valueOf, problems);
      } else if ("dynamiclist".equals(type)) {
        checkList(component, valueOf.apply(component.path("path").asText()), problems);
      } else if (component.has("key")) {
        checkField(component, valueOf.apply(component.path("key").asText()), problems);
      }
    }
  }

  private static void checkList(JsonNode list, Object value, List<String> problems) {
    Object items = plain(value);
    if (items instanceof Collection<?> rows) {
      int row = 1;
      for (Object item : rows) {
        if (item instanceof Map<?, ?> fields) {
          List<String> rowProblems = new ArrayList<>();
          @SuppressWarnings("unchecked")
          Map<String, Object> map = (Map<String, Object>) fields;
          check(list.path("components"), map::get, rowProblems);
          String label = list.path("label").asText(list.path("path").asText());
          int itemNumber = row;
          rowProblems.forEach(problem -> problems.add(label + ", item " + itemNumber + ": " + problem));
        }
        row++;
      }
    }
  }

  private static void checkField(JsonNode field, Object value, List<String> problems) {
    JsonNode rules = field.path("validate");
    String label = field.path("label").asText(field.path("key").asText());
    Object plainValue = plain(value);
    boolean empty = plainValue == null
        || (plainValue instanceof String text && text.isBlank())
        || (plainValue instanceof Collection<?> collection && collection.isEmpty())
        || ("checkbox".equals(field.path("type").asText()) && !Boolean.TRUE.equals(plainValue));
    if (rules.path("required").asBoolean() && empty) {
      problems.add("'" + label + "' is required");
      return;
    }
    if (plainValue instanceof String text && !text.isEmpty()) {
      if (rules.has("maxLength") && text.length() > rules.path("maxLength").asInt()) {
        problems.add("'" + label + "' must be at most " + rules.path("maxLength").asInt() + " characters");
      }
      if (rules.has("minLength") && text.length() < rules.path("minLength").asInt()) {
        problems.add("'" + label + "' must be at least " + rules.path("minLength").asInt() + " characters");
      }
      if (rules.has("pattern") && !Pattern.compile(rules.path("pattern").asText()).matcher(text).matches()) {
        problems.add("'" + label + "' is not in the expected format");
      }
    }
  }

  /** Form lists arrive as Spin JSON from Tasklist and as Java collections from the Java API. */
  private static Object plain(Object value) {
    if (value instanceof SpinJsonNode spin) {
      try {
        return JSON.readValue(spin.toString(), Object.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return value;
  }
}
