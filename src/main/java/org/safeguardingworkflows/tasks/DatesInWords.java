package org.safeguardingworkflows.tasks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.safeguardingworkflows.platform.Json;
import org.safeguardingworkflows.platform.ProcessVariable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The forms write dates in words in their headers ("15 March 2026"). FEEL in form-js has no way to name a month, so
 * each form used to carry its own copy of the twelve month names, 128 times over. Instead every task carries, in a
 * task-local JSON variable, every date its journey holds written in words, keyed by the date as the variables hold it
 * ({@code {"2026-03-15": "15 March 2026"}}); a header reads
 * {@code {{if planStartDate = null then "not recorded" else get value(datesInWords, planStartDate)}}}, and a table
 * of a list variable looks up each row's dates the same way. Keyed by the date rather than the variable, so dates
 * inside lists (earlier plans, concerns) are found too. Written when the task is created, after the diagram's own
 * listeners and the previous answers have been set: what the form shows is the journey as the task opened on it.
 */
class DatesInWords implements TaskListener {

  static final ProcessVariable<Map<String, String>> DATES_IN_WORDS = ProcessVariable.lookUp("datesInWords");

  /** How the forms write a date: day without a leading zero, the month's English name, the year. */
  private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
  /** A date as Camunda Forms and the application store it. */
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final String JSON = "application/json";

  @Override
  public void notify(DelegateTask task) {
    Map<String, String> inWords = new TreeMap<>();
    // Not deserialized: a list stored as a Java object is read as its JSON, whatever Java type it was written from.
    VariableMap variables = task.getVariablesTyped(false);
    for (String name : variables.keySet()) {
      if (!DATES_IN_WORDS.name().equals(name)) {
        collectTyped(variables.getValueTyped(name), inWords);
      }
    }
    DATES_IN_WORDS.setLocalOn(task, inWords);
  }

  /** A stored value: JSON still serialized is read as JSON; any other value as what it holds. */
  static void collectTyped(TypedValue value, Map<String, String> inWords) {
    if (value instanceof SerializableValue serialized && !serialized.isDeserialized()) {
      if (JSON.equals(serialized.getSerializationDataFormat()) && serialized.getValueSerialized() != null) {
        try {
          collectJson(Json.MAPPER.readTree(serialized.getValueSerialized()), inWords);
        } catch (JsonProcessingException e) {
          // Stored as JSON by the engine, so it reads; a value that does not holds no date the forms could show.
        }
      }
    } else if (value != null) {
      collect(value.getValue(), inWords);
    }
  }

  static String inWords(LocalDate date) {
    return date.format(IN_WORDS);
  }

  /**
   * Every date in the value: a date string, or any string inside a list or map, whether held as JSON (Tasklist's
   * lists, the application's JSON values) or as Java objects stored as JSON (lists sent over the REST API).
   */
  static void collect(Object value, Map<String, String> inWords) {
    if (value instanceof String text) {
      addIfDate(text, inWords);
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(item -> collect(item, inWords));
    } else if (value instanceof Collection<?> items) {
      items.forEach(item -> collect(item, inWords));
    } else if (value instanceof SpinJsonNode json) {
      try {
        collectJson(Json.MAPPER.readTree(json.toString()), inWords);
      } catch (JsonProcessingException e) {
        // Spin held it as JSON, so it reads; a value that does not holds no date the forms could show.
      }
    }
  }

  private static void collectJson(JsonNode node, Map<String, String> inWords) {
    if (node.isTextual()) {
      addIfDate(node.textValue(), inWords);
    } else {
      node.forEach(child -> collectJson(child, inWords));
    }
  }

  private static void addIfDate(String text, Map<String, String> inWords) {
    if (ISO_DATE.matcher(text).matches()) {
      try {
        inWords.put(text, inWords(LocalDate.parse(text)));
      } catch (DateTimeParseException notARealDate) {
        // 2026-02-31 is not a date: left out, as FEEL's date() leaves it out.
      }
    }
  }
}
