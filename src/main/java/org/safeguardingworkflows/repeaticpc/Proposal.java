package org.safeguardingworkflows.repeaticpc;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What starts the discussion: a strategy discussion has decided on a section 47 enquiry and proposes an ICPC for a
 * child who has had a CP plan before. A plan held by another local authority (the child has moved here) is not in
 * this authority's plan history: the proposal declares it ({@code earlierPlanAuthority}, {@code earlierPlanStart},
 * {@code earlierPlanEnd}), and it then counts as the child's earlier plan. The dates arrive as text so that a malformed date is reported against its
 * field like any other invalid value.
 */
public record Proposal(
    String childRef,
    String strategyDiscussionDate,
    String categoryOfAbuse,
    String concernsSummary,
    String proposedBy,
    String earlierPlanAuthority,
    String earlierPlanStart,
    String earlierPlanEnd) {

  @JsonCreator
  public Proposal {
  }

  /** A proposal without an earlier plan held by another authority. */
  public Proposal(String childRef, String strategyDiscussionDate, String categoryOfAbuse, String concernsSummary, String proposedBy) {
    this(childRef, strategyDiscussionDate, categoryOfAbuse, concernsSummary, proposedBy, null, null, null);
  }

  /** Whether the proposal declares an earlier plan held by another local authority (any of its three fields). */
  public boolean declaresEarlierPlan() {
    return RepeatIcpcVariables.filled(earlierPlanAuthority) || RepeatIcpcVariables.filled(earlierPlanStart)
        || RepeatIcpcVariables.filled(earlierPlanEnd);
  }

  static Proposal from(Map<String, Object> variables) {
    return new Proposal(RepeatIcpcVariables.CHILD_REF.textFrom(variables),
        RepeatIcpcVariables.STRATEGY_DISCUSSION_DATE.textFrom(variables),
        RepeatIcpcVariables.CATEGORY_OF_ABUSE.textFrom(variables),
        RepeatIcpcVariables.CONCERNS_SUMMARY.textFrom(variables),
        RepeatIcpcVariables.PROPOSED_BY.textFrom(variables),
        RepeatIcpcVariables.EARLIER_PLAN_AUTHORITY.textFrom(variables),
        RepeatIcpcVariables.EARLIER_PLAN_START.textFrom(variables),
        RepeatIcpcVariables.EARLIER_PLAN_END.textFrom(variables));
  }

  Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    RepeatIcpcVariables.CHILD_REF.putIn(variables, childRef);
    RepeatIcpcVariables.STRATEGY_DISCUSSION_DATE.putIn(variables, LocalDate.parse(strategyDiscussionDate));
    RepeatIcpcVariables.CATEGORY_OF_ABUSE.putIn(variables, categoryOfAbuse);
    RepeatIcpcVariables.CONCERNS_SUMMARY.putIn(variables, concernsSummary);
    RepeatIcpcVariables.PROPOSED_BY.putIn(variables, proposedBy);
    if (declaresEarlierPlan()) {
      RepeatIcpcVariables.EARLIER_PLAN_AUTHORITY.putIn(variables, earlierPlanAuthority);
      RepeatIcpcVariables.EARLIER_PLAN_START.putIn(variables, LocalDate.parse(earlierPlanStart));
      RepeatIcpcVariables.EARLIER_PLAN_END.putIn(variables, LocalDate.parse(earlierPlanEnd));
    }
    return variables;
  }
}
