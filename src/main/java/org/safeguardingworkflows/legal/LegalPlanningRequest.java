package org.safeguardingworkflows.legal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;

import org.safeguardingworkflows.legal.LegalPlanningVariables.Origin;
import org.safeguardingworkflows.platform.validation.ChildReference;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.validation.OneOf;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.StaffInRole;
import org.safeguardingworkflows.security.StaffMember;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A recommendation that a legal planning meeting be held for a child: who recommended it, why, and where it came
 * from (a step-down contingency review, a repeat-ICPC decision, or directly). The allocated social worker is
 * optional: when named, the pre-proceedings tasks go to them and a change of worker raises a handover.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LegalPlanningRequest(
    @ChildReference String childRef,
    @NotBlank(message = "is required: say why a legal planning meeting is recommended.")
    @Size(max = REASON_MAX_LENGTH, message = FieldRules.AT_MOST) String reason,
    // Which roles may recommend depends on the origin: LegalPlanningRules checks it.
    @NotBlank(message = "is required: the member of staff who recommended the meeting.") @StaffMember String recommendedBy,
    // None: made directly.
    @OneOf(value = Origin.class, optional = true) String origin,
    @StaffInRole(Role.SOCIAL_WORKERS) String allocatedWorker) {

  static final int REASON_MAX_LENGTH = 4000;

  static LegalPlanningRequest from(Map<String, Object> variables) {
    return new LegalPlanningRequest(text(variables, LegalPlanningVariables.CHILD_REF),
        text(variables, LegalPlanningVariables.REASON), text(variables, LegalPlanningVariables.RECOMMENDED_BY),
        text(variables, LegalPlanningVariables.ORIGIN), text(variables, LegalPlanningVariables.ALLOCATED_WORKER));
  }

  /** The origin as recorded: a recommendation that names none was made directly. */
  String originOrDirect() {
    return origin == null || origin.isBlank() ? LegalPlanningVariables.Origin.DIRECT.name() : origin;
  }

  Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(LegalPlanningVariables.CHILD_REF, childRef);
    variables.put(LegalPlanningVariables.REASON, reason);
    variables.put(LegalPlanningVariables.RECOMMENDED_BY, recommendedBy);
    variables.put(LegalPlanningVariables.ORIGIN, originOrDirect());
    variables.put(LegalPlanningVariables.ALLOCATED_WORKER, blankToNull(allocatedWorker));
    return variables;
  }

  private static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value == null ? null : value.toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
