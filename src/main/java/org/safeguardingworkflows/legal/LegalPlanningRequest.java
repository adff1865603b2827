package org.safeguardingworkflows.legal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

import org.safeguardingworkflows.legal.LegalPlanningVariables.Origin;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.platform.validation.ChildReference;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.validation.IsoDate;
import org.safeguardingworkflows.platform.validation.OneOf;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.StaffInRole;
import org.safeguardingworkflows.security.StaffMember;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A recommendation that a legal planning meeting be held for a child: who recommended it, why, and where it came
 * from (a step-down contingency review, a repeat-ICPC decision, or directly). The allocated social worker is
 * optional: when named, the pre-proceedings tasks go to them and a change of worker raises a handover. So is the date
 * the meeting is needed by (a repeat-ICPC decision passes on the one legal's view asked for).
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
    @StaffInRole(Role.SOCIAL_WORKERS) String allocatedWorker,
    // Optional: the meeting falls due on it, or at the end of the usual timescale if that comes sooner. Not in the
    // past when recommended directly: LegalPlanningRules checks it.
    @IsoDate String meetingNeededBy) {

  static final int REASON_MAX_LENGTH = 4000;

  static LegalPlanningRequest from(Map<String, Object> variables) {
    return new LegalPlanningRequest(LegalPlanningVariables.CHILD_REF.from(variables),
        LegalPlanningVariables.REASON.from(variables), LegalPlanningVariables.RECOMMENDED_BY.from(variables),
        LegalPlanningVariables.ORIGIN.from(variables), LegalPlanningVariables.ALLOCATED_WORKER.from(variables),
        LegalPlanningVariables.MEETING_NEEDED_BY.textFrom(variables));
  }

  /** The origin as recorded: a recommendation that names none was made directly. */
  String originOrDirect() {
    return origin == null || origin.isBlank() ? LegalPlanningVariables.Origin.DIRECT.name() : origin;
  }

  Map<String, Object> toVariables() {
    return ProcessVariable.values(LegalPlanningVariables.CHILD_REF.with(childRef),
        LegalPlanningVariables.REASON.with(reason), LegalPlanningVariables.RECOMMENDED_BY.with(recommendedBy),
        LegalPlanningVariables.ORIGIN.with(originOrDirect()),
        LegalPlanningVariables.ALLOCATED_WORKER.with(blankToNull(allocatedWorker)),
        LegalPlanningVariables.MEETING_NEEDED_BY.with(neededBy()));
  }

  /** The date the meeting is needed by, if one was given (checked as a real date before this is called). */
  LocalDate neededBy() {
    return blankToNull(meetingNeededBy) == null ? null : LocalDate.parse(meetingNeededBy);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
