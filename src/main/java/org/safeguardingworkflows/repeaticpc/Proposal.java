package org.safeguardingworkflows.repeaticpc;

import java.util.HashMap;
import java.util.Map;

/**
 * What starts the discussion: a strategy discussion has decided on a section 47 enquiry and proposes an ICPC for a
 * child who has had a CP plan before. The date arrives as text so that a malformed date is reported against its
 * field like any other invalid value.
 */
public record Proposal(
    String childRef,
    String strategyDiscussionDate,
    String categoryOfAbuse,
    String concernsSummary,
    String proposedBy) {

  static Proposal from(Map<String, Object> variables) {
    return new Proposal(RepeatIcpcVariables.text(variables, RepeatIcpcVariables.CHILD_REF),
        RepeatIcpcVariables.text(variables, RepeatIcpcVariables.STRATEGY_DISCUSSION_DATE),
        RepeatIcpcVariables.text(variables, RepeatIcpcVariables.CATEGORY_OF_ABUSE),
        RepeatIcpcVariables.text(variables, RepeatIcpcVariables.CONCERNS_SUMMARY),
        RepeatIcpcVariables.text(variables, RepeatIcpcVariables.PROPOSED_BY));
  }

  Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RepeatIcpcVariables.CHILD_REF, childRef);
    variables.put(RepeatIcpcVariables.STRATEGY_DISCUSSION_DATE, strategyDiscussionDate);
    variables.put(RepeatIcpcVariables.CATEGORY_OF_ABUSE, categoryOfAbuse);
    variables.put(RepeatIcpcVariables.CONCERNS_SUMMARY, concernsSummary);
    variables.put(RepeatIcpcVariables.PROPOSED_BY, proposedBy);
    return variables;
  }
}
