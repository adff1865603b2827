package org.safeguardingworkflows.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.platform.web.FieldProblem;

/**
 * The one mapping of Bean Validation to the API's field problems, without Spring: the field, the rule's code and
 * "field + sentence", every problem at once in the order the fields are declared.
 */
class FieldRulesTest {

  enum Colour { RED, GREEN, BLUE }

  @DatesInOrder(start = "start", end = "end", sameDayAllowed = false, rule = "after-start",
      message = "must be after start.")
  record Request(
      @ChildReference String childRef,
      @NotBlank(message = FieldRules.REQUIRED) @IsoDate String start,
      @IsoDate String end,
      @OneOf(Colour.class) String colour,
      @OneOf(value = Colour.class, optional = true) String optionalColour,
      @NotBlank(message = FieldRules.REQUIRED) @Size(max = 5, message = FieldRules.AT_MOST) String summary) {}

  private final FieldRules fieldRules = new FieldRules(Validation.buildDefaultValidatorFactory().getValidator());

  @Test
  void everyBrokenRuleAtOnce_inTheOrderOfTheFields_namingFieldAndRuleInPlainWords() {
    List<FieldProblem> problems = fieldRules.problems(new Request("Jane Smith", "2026-02-31", null, "PINK", null, "too long"));
    assertThat(problems).containsExactly(
        new FieldProblem("childRef", "pattern",
            "childRef must be the case-management reference: 1-40 letters, digits or hyphens (never a name)."),
        new FieldProblem("start", "date", "start must be a real date written as year-month-day, for example 2026-03-15."),
        new FieldProblem("colour", "code-list", "colour must be RED, GREEN or BLUE."),
        new FieldProblem("summary", "max-length", "summary must be at most 5 characters."));
  }

  @Test
  void aValidRequestHasNoProblems_andAnOptionalCodeMayBeLeftOut() {
    assertThat(fieldRules.problems(new Request("C-1042", "2026-03-15", "2026-04-01", "RED", " ", "fine"))).isEmpty();
  }

  @Test
  void missingValuesAreRequired_once() {
    assertThat(fieldRules.problems(new Request(null, " ", null, null, null, null)))
        .extracting(problem -> problem.field() + ":" + problem.rule())
        .containsExactly("childRef:pattern", "start:required", "colour:code-list", "summary:required");
  }

  @Test
  void aDateOutsideTheYearsARecordHolds_isRefusedWithTheYears() {
    assertThat(fieldRules.problems(new Request("C-1042", "+99999-01-01", null, "RED", null, "fine")))
        .containsExactly(new FieldProblem("start", "date", "start must be a date between 1900 and 2999."));
  }

  @Test
  void datesOutOfOrder_areReportedAgainstTheEnd() {
    assertThat(fieldRules.problems(new Request("C-1042", "2026-03-15", "2026-03-15", "RED", null, "fine")))
        .containsExactly(new FieldProblem("end", "after-start", "end must be after start."));
    assertThat(fieldRules.problems(new Request("C-1042", "2026-03-15", "not a date", "RED", null, "fine")))
        .as("a malformed date is its own constraint's to report").extracting(FieldProblem::rule).containsExactly("date");
  }
}
