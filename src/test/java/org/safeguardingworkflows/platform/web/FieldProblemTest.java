package org.safeguardingworkflows.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A refusal read on a form names each field by the form's label; a field the form does not show keeps its name. */
class FieldProblemTest {

  private static final Map<String, String> LABELS = Map.of(
      "earlierPlanStart", "Start of the earlier plan", "earlierPlanEnd", "End of the earlier plan", "reason", "Reasons");

  @Test
  void everyFieldTheSentenceNamesIsNamedAsTheFormShowsIt() {
    FieldProblem problem = new FieldProblem("earlierPlanEnd", "after-start", "earlierPlanEnd must be after earlierPlanStart.");
    assertThat(problem.messageIn(LABELS)).isEqualTo("'End of the earlier plan' must be after 'Start of the earlier plan'.");
  }

  @Test
  void onlyWholeNamesAreReplaced_andAFieldTheFormDoesNotShowKeepsItsName() {
    assertThat(new FieldProblem("reason", "required", "reason is required: give the reasons.").messageIn(LABELS))
        .isEqualTo("'Reasons' is required: give the reasons.");
    assertThat(new FieldProblem("origin", "code-list", "origin must be one of the origins.").messageIn(LABELS))
        .isEqualTo("origin must be one of the origins.");
  }
}
