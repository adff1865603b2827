package org.safeguardingworkflows.stepdown;

import jakarta.validation.constraints.NotBlank;
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
