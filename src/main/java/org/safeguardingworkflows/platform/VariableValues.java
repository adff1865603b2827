package org.safeguardingworkflows.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Reading process variables the same way in every process: each process's variable catalog (StepDownVariables,
 * RepeatIcpcVariables...) names its variables as String constants and reads them through these.
 */
public final class VariableValues {

  private VariableValues() {
  }

  /** The variable names a catalog class declares: its static String constants, less message names and the key. */
  public static Set<String> names(Class<?> catalog) {
    return Arrays.stream(catalog.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .filter(field -> !field.getName().startsWith("MESSAGE_") && !field.getName().equals("PROCESS_KEY"))
        .map(VariableValues::constantValue)
        .collect(Collectors.toUnmodifiableSet());
  }

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** An ISO date variable ({@code yyyy-MM-dd}, as Camunda Forms write dates); null when absent or blank. */
  public static LocalDate date(VariableScope scope, String name) {
    String value = text(scope, name);
    return value == null || value.isBlank() ? null : LocalDate.parse(value);
  }

  /**
   * A list value as plain maps, whether it was stored as Spin JSON (Tasklist, REST) or as a Java list.
   */
  public static List<Map<String, Object>> rows(Object value) {
    if (value == null) {
      return List.of();
    }
    Object plain = value;
    if (value instanceof SpinJsonNode || value instanceof String) {
      try {
        plain = Json.MAPPER.readValue(value.toString(), Object.class);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Not a list: " + value.getClass().getSimpleName());
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    if (plain instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> row = (Map<String, Object>) map;
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static String constantValue(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A list or map the application writes as a process variable: stored as JSON, the type Tasklist itself writes for
   * form lists, so that the forms' tables and lists read it the same way.
   */
  public static TypedValue json(Object value) {
    try {
      return SpinValues.jsonValue(Json.MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A value that cannot be written as JSON", e);
    }
  }
}
