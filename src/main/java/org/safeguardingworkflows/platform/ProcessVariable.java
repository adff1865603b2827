package org.safeguardingworkflows.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * One process variable: its name and the Java type the code works with. Each process's catalogue (StepDownVariables,
 * RepeatIcpcVariables...) declares its variables as these, so that delegates, APIs and tests read and write them the
 * same way and never cast or parse: {@code PLAN_END_DATE.from(execution)} is a {@link LocalDate}.
 *
 * <p>The stored form is what Tasklist's Camunda Forms write, so that a value set by Java and a value typed into a
 * form read alike: dates are ISO strings ({@code yyyy-MM-dd}), lists of rows and of choices are Spin JSON.
 *
 * @param <T> what the code reads and writes
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Function<Object, T> reader;
  private final Function<T, Object> writer;
  private final T whenAbsent;

  private ProcessVariable(String name, Function<Object, T> reader, Function<T, Object> writer, T whenAbsent) {
    this.name = name;
    this.reader = reader;
    this.writer = writer;
    this.whenAbsent = whenAbsent;
  }

  /** Free text, or a code from a form's list (a radio or select): any stored value read as its text. */
  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, Object::toString, value -> value, null);
  }

  /**
   * A date, stored as the forms store it ({@code yyyy-MM-dd}); a blank value reads as absent, a value that is not a
   * date throws {@link java.time.format.DateTimeParseException} (validators turn it into the field's message).
   */
  public static ProcessVariable<LocalDate> date(String name) {
    return new ProcessVariable<>(name, ProcessVariable::toDate, LocalDate::toString, null);
  }

  /** A yes/no value (a checkbox, or a flag the process keeps). */
  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, value -> value instanceof Boolean flag ? flag : Boolean.valueOf(value.toString()),
        value -> value, null);
  }

  /**
   * A whole number (a form's number field, a count the process keeps). Tasklist may send 6, 6.0 or "6"; a value that
   * is not a whole number reads as absent, which the task's validator refuses with the field's name.
   */
  public static ProcessVariable<Integer> number(String name) {
    return new ProcessVariable<>(name, ProcessVariable::toWholeNumber, value -> value, null);
  }

  /** A list of rows (a form's dynamic list or table), each row a map of its fields; absent reads as no rows. */
  public static ProcessVariable<List<Map<String, Object>>> rows(String name) {
    return new ProcessVariable<>(name, ProcessVariable::toRows, ProcessVariable::json, List.of());
  }

  /** A list of choices (a form's checklist), as their codes; absent reads as none. */
  public static ProcessVariable<List<String>> choices(String name) {
    return new ProcessVariable<>(name, ProcessVariable::toChoices, ProcessVariable::json, List.of());
  }

  /**
   * A table of texts by key (what a form looks up with FEEL's {@code get value}), stored as JSON so that the forms
   * read it; absent reads as empty.
   */
  public static ProcessVariable<Map<String, String>> lookUp(String name) {
    return new ProcessVariable<>(name, ProcessVariable::toLookUp, ProcessVariable::json, Map.of());
  }

  public String name() {
    return name;
  }

  /** The value in this scope (or a parent scope), or null when absent; absent rows and choices are empty lists. */
  public T from(VariableScope scope) {
    return read(scope.getVariable(name));
  }

  /** The value in this scope only (an end event's own output, a task's local answer), or null when absent. */
  public T localFrom(VariableScope scope) {
    return read(scope.getVariableLocal(name));
  }

  public Optional<T> optionalFrom(VariableScope scope) {
    return Optional.ofNullable(from(scope));
  }

  /** The value among variables read from the engine's services (runtime, history, task). */
  public T from(Map<String, ?> variables) {
    return read(variables.get(name));
  }

  public Optional<T> optionalFrom(Map<String, ?> variables) {
    return Optional.ofNullable(from(variables));
  }

  /**
   * The value as it was sent, before it is checked: a request read back from a start form or a message keeps its
   * text, so that the request's rules refuse a mistyped date with the field's name instead of failing to read it.
   */
  public String textFrom(Map<String, ?> variables) {
    Object value = variables.get(name);
    return value == null ? null : value.toString();
  }

  /** A stored value, as the engine returned it for this variable. */
  public T read(Object stored) {
    return stored == null ? whenAbsent : reader.apply(stored);
  }

  /** Writes the value where the variable already lives, else on the process instance (Camunda's setVariable). */
  public void setOn(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  /** Writes the value in this scope only (a task, an event sub-process, a multi-instance body). */
  public void setLocalOn(VariableScope scope, T value) {
    scope.setVariableLocal(name, stored(value));
  }

  /** The value as it is stored: what a start, a message correlation or a task completion is given. */
  public Object stored(T value) {
    return value == null ? null : writer.apply(value);
  }

  /** Puts the value, as stored, among variables being gathered for a start, a correlation or a completion. */
  public void putIn(Map<String, Object> variables, T value) {
    variables.put(name, stored(value));
  }

  /** This variable with a value, for {@link #values}. */
  public Map.Entry<String, Object> with(T value) {
    return new AbstractMap.SimpleEntry<>(name, stored(value));
  }

  /** Variables for starting a process, correlating a message or completing a task; a null value is kept as null. */
  @SafeVarargs
  public static VariableMap values(Map.Entry<String, Object>... entries) {
    VariableMap variables = Variables.createVariables();
    for (Map.Entry<String, Object> entry : entries) {
      variables.put(entry.getKey(), entry.getValue());
    }
    return variables;
  }

  /** Every variable name a catalogue declares (its static ProcessVariable fields). */
  public static Set<String> namesIn(Class<?> catalogue) {
    return Arrays.stream(catalogue.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class)
        .map(field -> ((ProcessVariable<?>) constant(field)).name())
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String toString() {
    return name;
  }

  private static LocalDate toDate(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    return value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString());
  }

  private static Integer toWholeNumber(Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) < 10_000) {
      return number.intValue();
    }
    if (value instanceof String text && text.matches("-?\\d{1,4}")) {
      return Integer.valueOf(text);
    }
    return null;
  }

  private static List<Map<String, Object>> toRows(Object value) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object item : plainList(value)) {
      if (item instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) map;
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<String> toChoices(Object value) {
    return plainList(value).stream().filter(item -> item != null).map(Object::toString).toList();
  }

  private static Map<String, String> toLookUp(Object value) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (plain(value, "a look-up table") instanceof Map<?, ?> map) {
      map.forEach((key, text) -> texts.put(String.valueOf(key), text == null ? null : text.toString()));
    }
    return texts;
  }

  /** A list whether it was stored as Spin JSON (Tasklist, REST, this application), a JSON string or a Java list. */
  private static List<?> plainList(Object value) {
    return plain(value, "a list") instanceof List<?> items ? items : List.of();
  }

  /** The value as plain Java maps and lists when it was stored as JSON (Spin or text), else as it is. */
  private static Object plain(Object value, String expected) {
    if (value instanceof SpinJsonNode || value instanceof String) {
      try {
        return Json.MAPPER.readValue(value.toString(), Object.class);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Not " + expected + ": " + value.getClass().getSimpleName());
      }
    }
    return value;
  }

  /** Lists are written as JSON, the type Tasklist itself writes, so that the forms' tables and lists read them. */
  private static Object json(Object value) {
    try {
      return SpinValues.jsonValue(Json.MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A value that cannot be written as JSON", e);
    }
  }

  private static Object constant(Field field) {
    try {
      return field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
