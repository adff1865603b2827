package org.safeguardingworkflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables;

/**
 * The one way process data is read and written: values arrive as Tasklist, the REST API and this application store
 * them (ISO text for dates, 6 / 6.0 / "6" for numbers, JSON for lists), and the code gets one Java type back.
 */
class ProcessVariableTest {

  private static final ProcessVariable<LocalDate> DATE = ProcessVariable.date("planEndDate");
  private static final ProcessVariable<Integer> NUMBER = ProcessVariable.number("lengthMonths");
  private static final ProcessVariable<Boolean> FLAG = ProcessVariable.bool("planMade");
  private static final ProcessVariable<List<Map<String, Object>>> ROWS = ProcessVariable.rows("contingencyPlan");
  private static final ProcessVariable<List<String>> CHOICES = ProcessVariable.choices("reEmergenceAgenciesAsked");

  @Test
  void datesAreReadFromTheFormsIsoTextAndWrittenBackAsIt() {
    assertThat(DATE.read("2026-03-15")).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(DATE.read(LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(DATE.read("  ")).as("a blank field is no date").isNull();
    assertThat(DATE.read(null)).isNull();
    assertThat(DATE.stored(LocalDate.of(2026, 3, 15))).isEqualTo("2026-03-15");
    assertThatThrownBy(() -> DATE.read("2026-02-31")).as("validators turn this into the field's message")
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void numbersAreWholeHoweverTasklistSentThem() {
    assertThat(NUMBER.read(6L)).isEqualTo(6);
    assertThat(NUMBER.read(6.0)).isEqualTo(6);
    assertThat(NUMBER.read("6")).isEqualTo(6);
    assertThat(NUMBER.read(6.5)).as("not a whole number: absent, so the validator names the field").isNull();
    assertThat(NUMBER.read("six")).isNull();
  }

  @Test
  void flagsAreBooleansOrTheirText() {
    assertThat(FLAG.read(true)).isTrue();
    assertThat(FLAG.read("false")).isFalse();
    assertThat(FLAG.read(null)).isNull();
  }

  @Test
  void listsAreReadFromJsonOrJavaListsAndAbsentListsAreEmpty() {
    assertThat(ROWS.read("[{\"trigger\":\"DISENGAGEMENT\"},{\"trigger\":\"RECURRENCE\"}]"))
        .extracting(row -> row.get("trigger")).containsExactly("DISENGAGEMENT", "RECURRENCE");
    assertThat(ROWS.read(List.of(Map.of("trigger", "RECURRENCE"), "not a row"))).hasSize(1);
    assertThat(ROWS.read(null)).isEmpty();
    assertThat(CHOICES.read("[\"SCHOOL\",\"HEALTH\"]")).containsExactly("SCHOOL", "HEALTH");
    assertThat(CHOICES.read(null)).isEmpty();
    assertThat(ROWS.stored(List.of(Map.of("trigger", "RECURRENCE")))).as("JSON, as Tasklist writes lists")
        .isInstanceOf(TypedValue.class);
  }

  @Test
  void variablesForAStartKeepTheStoredFormAndAnExplicitNull() {
    Map<String, Object> variables = ProcessVariable.values(DATE.with(LocalDate.of(2026, 1, 9)), NUMBER.with(null));
    assertThat(variables).containsEntry("planEndDate", "2026-01-09").containsEntry("lengthMonths", null);

    Map<String, Object> gathered = new HashMap<>();
    FLAG.putIn(gathered, true);
    assertThat(FLAG.from(gathered)).isTrue();
    assertThat(DATE.from(Map.of("planEndDate", "2026-01-09"))).isEqualTo(LocalDate.of(2026, 1, 9));
    assertThat(DATE.textFrom(Map.of("planEndDate", "31/02/2026"))).as("a request keeps what was sent for its rules")
        .isEqualTo("31/02/2026");
  }

  @Test
  void aLookUpTableIsWrittenAsJsonAndReadBackByKey() {
    ProcessVariable<Map<String, String>> lookUp = ProcessVariable.lookUp("datesInWords");
    Object stored = lookUp.stored(Map.of("2026-03-15", "15 March 2026"));
    assertThat(stored).as("JSON, which the forms' FEEL reads").isInstanceOf(TypedValue.class);
    assertThat(lookUp.read(((TypedValue) stored).getValue())).containsEntry("2026-03-15", "15 March 2026");
    assertThat(lookUp.read("{\"2026-01-09\": \"9 January 2026\"}")).containsEntry("2026-01-09", "9 January 2026");
    assertThat(lookUp.read(null)).isEmpty();
  }

  @Test
  void aCatalogueNamesEveryVariableItDeclares() {
    assertThat(ProcessVariable.namesIn(StepDownVariables.class)).contains("planEndDate", "contingencyPlan", "nextReviewOn")
        .doesNotContain(StepDownVariables.PROCESS_KEY, StepDownVariables.MESSAGE_CONCERN_REPORTED);
    assertThat(SupervisionOrderVariables.names()).contains("orderDate", "lengthMonths");
  }
}
