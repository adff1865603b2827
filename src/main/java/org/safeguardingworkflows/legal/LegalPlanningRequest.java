package org.safeguardingworkflows.legal;

import java.util.Map;

import org.safeguardingworkflows.platform.ProcessVariable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A recommendation that a legal planning meeting be held for a child: who recommended it, why, and where it came
 * from (a step-down contingency review, a repeat-ICPC decision, or directly). The allocated social worker is
 * optional: when named, the pre-proceedings tasks go to them and a change of worker raises a handover.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LegalPlanningRequest(
    String childRef,
    String reason,
    String recommendedBy,
    String origin,
    String allocatedWorker) {

  static LegalPlanningRequest from(Map<String, Object> variables) {
    return new LegalPlanningRequest(LegalPlanningVariables.CHILD_REF.from(variables),
        LegalPlanningVariables.REASON.from(variables), LegalPlanningVariables.RECOMMENDED_BY.from(variables),
        LegalPlanningVariables.ORIGIN.from(variables), LegalPlanningVariables.ALLOCATED_WORKER.from(variables));
  }

  /** The origin as recorded: a recommendation that names none was made directly. */
  String originOrDirect() {
    return origin == null || origin.isBlank() ? LegalPlanningVariables.Origin.DIRECT.name() : origin;
  }

  Map<String, Object> toVariables() {
    return ProcessVariable.values(LegalPlanningVariables.CHILD_REF.with(childRef),
        LegalPlanningVariables.REASON.with(reason), LegalPlanningVariables.RECOMMENDED_BY.with(recommendedBy),
        LegalPlanningVariables.ORIGIN.with(originOrDirect()),
        LegalPlanningVariables.ALLOCATED_WORKER.with(blankToNull(allocatedWorker)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
