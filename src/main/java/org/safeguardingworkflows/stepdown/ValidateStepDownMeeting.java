package org.safeguardingworkflows.stepdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * The audit found contingencies missing. A step-down meeting cannot be completed until its contingency plan says
 * what happens, and who acts, if the family disengages from services and if the original concerns re-emerge,
 * and the family has been told of it. Checked on the server whatever the client.
 */
@Component("validateStepDownMeeting")
public class ValidateStepDownMeeting implements TaskListener {

  static final Map<String, String> REQUIRED_TRIGGERS = Map.of(
      "DISENGAGEMENT", "disengagement from services",
      "RECURRENCE", "the original concerns re-emerging");

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, Object>> contingency = StepDownVariables.list(task, StepDownVariables.CONTINGENCY_PLAN);
    List<String> missing = new ArrayList<>();
    for (String trigger : List.of("DISENGAGEMENT", "RECURRENCE")) {
      boolean covered = contingency.stream().anyMatch(row -> trigger.equals(row.get("trigger"))
          && filled(row.get("response")) && filled(row.get("whoActs")));
      if (!covered) {
        missing.add("a response and who acts for " + REQUIRED_TRIGGERS.get(trigger));
      }
    }
    if (!Boolean.TRUE.equals(task.getVariable(StepDownVariables.FAMILY_TOLD_OF_CONTINGENCY))) {
      missing.add("confirmation that the family has been told about the contingency plan");
    }
    if (!missing.isEmpty()) {
      throw new FormFieldValidationException(StepDownVariables.CONTINGENCY_PLAN,
          "The contingency plan is not complete. It still needs " + String.join("; ", missing) + ".");
    }
  }

  private static boolean filled(Object value) {
    return value != null && !value.toString().isBlank();
  }
}
