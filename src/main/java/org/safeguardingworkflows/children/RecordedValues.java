package org.safeguardingworkflows.children;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import org.safeguardingworkflows.platform.Json;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Process values as the child record keeps them: text, numbers, booleans, and lists of rows as lists. */
final class RecordedValues {

  private RecordedValues() {
  }

  static Object plain(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Map<?, ?>
        || value instanceof Collection<?>) {
      return value;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }
    String text = value.toString();
    // Tables a form fills (dynamic lists) and Spin JSON arrive as JSON text: kept as rows, not as a string of Json.MAPPER.
    String trimmed = text.trim();
    if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
      try {
        return Json.MAPPER.readValue(trimmed, Object.class);
      } catch (JsonProcessingException notJson) {
        return text;
      }
    }
    return text;
  }
}
