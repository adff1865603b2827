package org.safeguardingworkflows.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** Dates in words, found wherever a journey holds them; without Spring or an engine. */
class DatesInWordsTest {

  @Test
  void aDateIsWrittenAsTheFormsWriteIt() {
    assertThat(DatesInWords.inWords(LocalDate.of(2026, 3, 15))).isEqualTo("15 March 2026");
    assertThat(DatesInWords.inWords(LocalDate.of(2026, 12, 1))).isEqualTo("1 December 2026");
    assertThat(DatesInWords.inWords(LocalDate.of(2027, 9, 30))).isEqualTo("30 September 2027");
  }

  @Test
  void datesAreFoundInTextAndInsideJsonLists_otherValuesAreNot() {
    Map<String, String> inWords = new TreeMap<>();
    DatesInWords.collect("2026-03-15", inWords);
    DatesInWords.collect(Spin.JSON("[{\"planStart\": \"2024-01-02\", \"planEnd\": null, \"iro\": \"iro.one\","
        + " \"reviews\": [\"2024-06-30\"]}]"), inWords);
    DatesInWords.collect(java.util.List.of(Map.of("raisedOn", "2025-11-05", "kind", "RECURRENCE")), inWords);
    // A list sent over the REST API is stored as a Java object in JSON; it is read as JSON, never deserialized.
    DatesInWords.collectTyped(Variables.serializedObjectValue("[{\"reviewedOn\": \"2025-07-01\"}]")
        .serializationDataFormat("application/json").objectTypeName("no.such.Type").create(), inWords);
    DatesInWords.collect("C-1042", inWords);
    DatesInWords.collect("2026-02-31", inWords);
    DatesInWords.collect("2026-03-15T10:00:00", inWords);
    DatesInWords.collect(42, inWords);
    DatesInWords.collect(null, inWords);

    assertThat(inWords).containsExactly(Map.entry("2024-01-02", "2 January 2024"), Map.entry("2024-06-30", "30 June 2024"),
        Map.entry("2025-07-01", "1 July 2025"), Map.entry("2025-11-05", "5 November 2025"), Map.entry("2026-03-15", "15 March 2026"));
  }
}
