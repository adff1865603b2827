package org.safeguardingworkflows.stepdown;

import jakarta.validation.constraints.NotBlank;
import org.safeguardingworkflows.platform.ProcessVariable;
import java.time.LocalDate;
import java.util.Map;

import org.safeguardingworkflows.planhistory.CategoryOfAbuse;
import org.safeguardingworkflows.platform.validation.ChildReference;
import org.safeguardingworkflows.platform.validation.DatesInOrder;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.validation.IsoDate;
import org.safeguardingworkflows.platform.validation.NotInFuture;
import org.safeguardingworkflows.platform.validation.OneOf;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.StaffInRole;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What starts a step-down journey: a review conference has ended the child's CP plan. Dates arrive as text
 * so that a malformed date is reported against its field like any other invalid value.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@DatesInOrder(start = "planStartDate", end = "planEndDate", sameDayAllowed = true, rule = "not-before-start",
    message = "cannot be before planStartDate.")
public record PlanEnded(
    @ChildReference String childRef,
    @NotBlank(message = FieldRules.REQUIRED) @IsoDate @NotInFuture String planStartDate,
    @NotBlank(message = FieldRules.REQUIRED) @IsoDate
    @NotInFuture(advice = "start the journey when the review conference has ended the plan") String planEndDate,
    @OneOf(value = CategoryOfAbuse.class, message = CategoryOfAbuse.MUST_BE_A_CODE) String categoryOfAbuse,
    @OneOf(Destination.class) String destination,
    @NotBlank(message = FieldRules.REQUIRED) @StaffInRole(Role.SOCIAL_WORKERS) String allocatedWorker,
    @NotBlank(message = FieldRules.REQUIRED) @StaffInRole(Role.TEAM_MANAGERS) String teamManager,
    @NotBlank(message = FieldRules.REQUIRED) @StaffInRole(Role.IROS) String iro) {

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
