package org.safeguardingworkflows.stepdown;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What starts a step-down journey: a review conference has ended the child's CP plan. Dates arrive as text
 * so that a malformed date is reported against its field like any other invalid value.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PlanEnded(
    String childRef,
    String planStartDate,
    String planEndDate,
    String categoryOfAbuse,
    String destination,
    String allocatedWorker,
    String teamManager,
    String iro) {

  static PlanEnded from(Map<String, Object> variables) {
    return new PlanEnded(text(variables, StepDownVariables.CHILD_REF), text(variables, StepDownVariables.PLAN_START_DATE),
        text(variables, StepDownVariables.PLAN_END_DATE), text(variables, StepDownVariables.CATEGORY_OF_ABUSE),
        text(variables, StepDownVariables.DESTINATION), text(variables, StepDownVariables.ALLOCATED_WORKER),
        text(variables, StepDownVariables.TEAM_MANAGER), text(variables, StepDownVariables.IRO));
  }

  Map<String, Object> toVariables() {
    return Map.of(
        StepDownVariables.CHILD_REF, childRef,
        StepDownVariables.PLAN_START_DATE, planStartDate,
        StepDownVariables.PLAN_END_DATE, planEndDate,
        StepDownVariables.CATEGORY_OF_ABUSE, categoryOfAbuse,
        StepDownVariables.DESTINATION, destination,
        StepDownVariables.ALLOCATED_WORKER, allocatedWorker,
        StepDownVariables.TEAM_MANAGER, teamManager,
        StepDownVariables.IRO, iro);
  }

  private static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value == null ? null : value.toString();
  }
}
