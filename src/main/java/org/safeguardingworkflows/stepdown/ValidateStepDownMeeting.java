package org.safeguardingworkflows.stepdown;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * The audit found contingencies missing. A step-down meeting cannot be completed until its contingency plan says
 * what happens, and who acts, if the family disengages from services and if the original concerns re-emerge,
 * every part of it names the partner agencies that hold it (school, health, police, early help, others: they are
 * the ones asked about re-emerging difficulties after closure), and the family has been told of it. Checked on the
 * server whatever the client.
 */
@Component("validateStepDownMeeting")
public class ValidateStepDownMeeting implements TaskListener {

  static final Map<String, String> REQUIRED_TRIGGERS = Map.of(
      "DISENGAGEMENT", "disengagement from services",
      "RECURRENCE", "the original concerns re-emerging");

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, Object>> contingency = StepDownVariables.CONTINGENCY_PLAN.from(task);
    List<String> missing = new ArrayList<>();
    for (String trigger : List.of("DISENGAGEMENT", "RECURRENCE")) {
      boolean covered = contingency.stream().anyMatch(row -> trigger.equals(row.get("trigger"))
          && filled(row.get("response")) && filled(row.get("whoActs")));
      if (!covered) {
        missing.add("a response and who acts for " + REQUIRED_TRIGGERS.get(trigger));
      }
    }
    int row = 1;
    for (Map<String, Object> item : contingency) {
      if (!namesPartnerAgencies(item.get("heldBy"))) {
        missing.add("the partner agencies that hold part " + row + " of the plan (school, health, police, early help or others)");
      }
      row++;
    }
    if (!Boolean.TRUE.equals(StepDownVariables.FAMILY_TOLD_OF_CONTINGENCY.from(task))) {
      missing.add("confirmation that the family has been told about the contingency plan");
    }
    if (!missing.isEmpty()) {
      throw new FormFieldValidationException(StepDownVariables.CONTINGENCY_PLAN.name(),
          "The contingency plan is not complete. It still needs " + String.join("; ", missing) + ".");
    }
  }

  /** At least one agency, and only agencies from the form's list. */
  private static boolean namesPartnerAgencies(Object heldBy) {
    return heldBy instanceof Collection<?> agencies && !agencies.isEmpty()
        && agencies.stream().allMatch(agency -> agency != null && StepDownVariables.PARTNER_AGENCIES.contains(agency.toString()));
  }

  private static boolean filled(Object value) {
    return value != null && !value.toString().isBlank();
  }
}
