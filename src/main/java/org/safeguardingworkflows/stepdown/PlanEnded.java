package org.safeguardingworkflows.stepdown;

import org.safeguardingworkflows.platform.ProcessVariable;
import java.time.LocalDate;
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
    return new PlanEnded(StepDownVariables.CHILD_REF.textFrom(variables), StepDownVariables.PLAN_START_DATE.textFrom(variables),
        StepDownVariables.PLAN_END_DATE.textFrom(variables), StepDownVariables.CATEGORY_OF_ABUSE.textFrom(variables),
        StepDownVariables.DESTINATION.textFrom(variables), StepDownVariables.ALLOCATED_WORKER.textFrom(variables),
        StepDownVariables.TEAM_MANAGER.textFrom(variables), StepDownVariables.IRO.textFrom(variables));
  }

  Map<String, Object> toVariables() {
    return ProcessVariable.values(
        StepDownVariables.CHILD_REF.with(childRef),
        StepDownVariables.PLAN_START_DATE.with(LocalDate.parse(planStartDate)),
        StepDownVariables.PLAN_END_DATE.with(LocalDate.parse(planEndDate)),
        StepDownVariables.CATEGORY_OF_ABUSE.with(categoryOfAbuse),
        StepDownVariables.DESTINATION.with(destination),
        StepDownVariables.ALLOCATED_WORKER.with(allocatedWorker),
        StepDownVariables.TEAM_MANAGER.with(teamManager),
        StepDownVariables.IRO.with(iro));
  }
}
