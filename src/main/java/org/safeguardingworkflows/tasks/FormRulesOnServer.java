package org.safeguardingworkflows.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.safeguardingworkflows.platform.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Re-applies a Camunda Form's own validation rules (required, minLength, maxLength, a real date, the answers listed,
 * the format in the field's {@code formatRule} property) to the values a
 * task is completed with, whatever the client: Tasklist, {@code /engine-rest} or the Java API. The form is the
 * single source of those rules. Fields hidden by a condition are skipped, since a hidden field is never required.
 * A breach throws {@link FormFieldValidationException}: the completion rolls back, the task stays open, REST
 * answers 400 and Tasklist shows the sentence. The log gets the task's ids and each breached field's key and rule,
 * never the value.
 */
class FormRulesOnServer implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(FormRulesOnServer.class);
  /** yyyy-mm-dd, the value form-js sends for a date field, with no day rolled over into the next month. */
  private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);

  /** A breached rule: the field's key and the rule for the log, the sentence for the practitioner. */
  private record Breach(String key, String rule, String sentence) {
  }

  private static final String DATE_RULE = "date";
  /**
   * A field's format, kept in the form's custom properties rather than in {@code validate.pattern}: form-js 1.8.7 shows
   * a failed pattern to the practitioner as the regular expression itself ("Field must match pattern ^\S+$"), with no
   * way to word it. The rule is checked here, and refused with the form's own sentence.
   */
  static final String FORMAT_RULE = "formatRule";
  static final String FORMAT_MESSAGE = "formatMessage";

  private final boolean datesOnly;

  private FormRulesOnServer(boolean datesOnly) {
    this.datesOnly = datesOnly;
  }

  /** Every rule of the form, checked after the diagram's own listeners so that their fuller sentences come first. */
  static FormRulesOnServer allRules() {
    return new FormRulesOnServer(false);
  }

  /**
   * Only "a date is a real date", checked before any other listener: a domain rule reading a date typed as
   * {@code 15/03/2026} would otherwise fail with a parse error (a 500) instead of a sentence.
   */
  static FormRulesOnServer realDatesFirst() {
    return new FormRulesOnServer(true);
  }

  @Override
  public void notify(DelegateTask task) {
    DeployedForm.of(task).ifPresent(form -> {
      List<Breach> problems = new ArrayList<>();
      // Only the form's own fields are read: task.getVariables() would deserialize every JSON variable of the
      // journey on each completion (the largest application cost in the journey benchmark's profile).
      check(form.path("components"), task::getVariable, problems);
      if (datesOnly) {
        problems.removeIf(problem -> !DATE_RULE.equals(problem.rule()));
      }
      if (!problems.isEmpty()) {
        log.info("Form of task {} ({}, process instance {}) refused: {}", task.getId(), task.getTaskDefinitionKey(),
            task.getProcessInstanceId(), problems.stream().map(problem -> problem.key() + " " + problem.rule()).toList());
        throw new FormFieldValidationException(task.getTaskDefinitionKey(),
            "Please correct the form: " + String.join("; ", problems.stream().map(Breach::sentence).toList()) + ".");
      }
    });
  }

  private static void check(JsonNode components, Function<String, Object> valueOf, List<Breach> problems) {
    for (JsonNode component : components) {
      if (component.path("readonly").asBoolean() || component.path("disabled").asBoolean()) {
        continue;
      }
      if (component.has("conditional")) {
        // Hidden by a condition, the field is never required; a date it carries must still be a real date, since the
        // diagram may read it.
        if (component.has("key")) {
          checkDate(component, plain(valueOf.apply(component.path("key").asText())), problems);
        }
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

  private static void checkList(JsonNode list, Object value, List<Breach> problems) {
    Object items = plain(value);
    if (items instanceof Collection<?> rows) {
      int row = 1;
      for (Object item : rows) {
        if (item instanceof Map<?, ?> fields) {
          List<Breach> rowProblems = new ArrayList<>();
          @SuppressWarnings("unchecked")
          Map<String, Object> map = (Map<String, Object>) fields;
          check(list.path("components"), map::get, rowProblems);
          String label = label(list);
          int itemNumber = row;
          String listKey = list.path("path").asText();
          rowProblems.forEach(problem -> problems.add(new Breach(listKey + "[" + itemNumber + "]." + problem.key(),
              problem.rule(), label + ", item " + itemNumber + ": " + problem.sentence())));
        }
        row++;
      }
    }
  }

  private static void checkField(JsonNode field, Object value, List<Breach> problems) {
    JsonNode rules = field.path("validate");
    String key = field.path("key").asText();
    String label = label(field);
    Object plainValue = plain(value);
    boolean empty = plainValue == null
        || (plainValue instanceof String text && text.isBlank())
        || (plainValue instanceof Collection<?> collection && collection.isEmpty())
        || ("checkbox".equals(field.path("type").asText()) && !Boolean.TRUE.equals(plainValue));
    if (rules.path("required").asBoolean() && empty) {
      problems.add(new Breach(key, "required", "'" + label + "' is required"));
      return;
    }
    if (!empty && field.path("values").isArray() && !field.path("values").isEmpty()) {
      // A radio, select or checklist with its answers in the form: another value (sent through the REST API, or
      // Tasklist's submit-form) would reach a gateway no flow leaves for, and its user a 500.
      Set<String> answers = new HashSet<>();
      field.path("values").forEach(answer -> answers.add(answer.path("value").asText()));
      Collection<?> given = plainValue instanceof Collection<?> many ? many : List.of(plainValue);
      if (!given.stream().allMatch(answer -> answer != null && answers.contains(String.valueOf(answer)))) {
        problems.add(new Breach(key, "one-of", "'" + label + "' must be one of the answers listed"));
        return;
      }
    }
    if (!empty && checkDate(field, plainValue, problems)) {
      return;
    }
    if (plainValue instanceof String text && !text.isEmpty()) {
      if (rules.has("maxLength") && text.length() > rules.path("maxLength").asInt()) {
        problems.add(new Breach(key, "maxLength",
            "'" + label + "' must be at most " + rules.path("maxLength").asInt() + " characters"));
      }
      if (rules.has("minLength") && text.length() < rules.path("minLength").asInt()) {
        problems.add(new Breach(key, "minLength",
            "'" + label + "' must be at least " + rules.path("minLength").asInt() + " characters"));
      }
      JsonNode format = field.path("properties");
      if (format.has(FORMAT_RULE) && !Pattern.compile(format.path(FORMAT_RULE).asText()).matcher(text).matches()) {
        problems.add(new Breach(key, "format", "'" + label + "' " + format.path(FORMAT_MESSAGE).asText("is not in the expected format")));
      }
    }
  }

  /**
   * A date field's answer must be a real calendar date as form-js sends it ({@code yyyy-mm-dd}), checked strictly (no
   * 31/02 rolled over into March), before any domain rule reads it: otherwise a typed {@code 15/03/2026} reached a
   * delegate's parse and the caller got a 500. Dates sent as typed values ({@code Date} through the REST API) are real
   * dates already. Returns whether the field was refused.
   */
  private static boolean checkDate(JsonNode field, Object value, List<Breach> problems) {
    if (!"datetime".equals(field.path("type").asText()) || !(value instanceof String text) || text.isBlank()) {
      return false;
    }
    try {
      ISO_DATE.parse(text.trim());
      return false;
    } catch (DateTimeParseException notADate) {
      problems.add(new Breach(field.path("key").asText(), DATE_RULE, "'" + label(field)
          + "' must be a real date written as dd/mm/yyyy, for example 15/03/2026"));
      return true;
    }
  }

  /** What the practitioner sees above the field: date fields carry their label as {@code dateLabel}. */
  static String label(JsonNode field) {
    for (String name : List.of("label", "dateLabel", "timeLabel")) {
      if (field.hasNonNull(name) && !field.path(name).asText().isBlank()) {
        return field.path(name).asText();
      }
    }
    return field.path("key").asText();
  }

  /** Form lists arrive as Spin JSON from Tasklist and as Java collections from the Java API. */
  private static Object plain(Object value) {
    if (value instanceof SpinJsonNode spin) {
      try {
        return Json.MAPPER.readValue(spin.toString(), Object.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return value;
  }
}
