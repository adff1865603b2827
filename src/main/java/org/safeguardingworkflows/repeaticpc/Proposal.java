package org.safeguardingworkflows.repeaticpc;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;

import org.safeguardingworkflows.planhistory.CategoryOfAbuse;
import org.safeguardingworkflows.platform.validation.ChildReference;
import org.safeguardingworkflows.platform.validation.DatesInOrder;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.validation.InThePast;
import org.safeguardingworkflows.platform.validation.IsoDate;
import org.safeguardingworkflows.platform.validation.NotInFuture;
import org.safeguardingworkflows.platform.validation.OneOf;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.StaffInRole;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What starts the discussion: a strategy discussion has decided on a section 47 enquiry and proposes an ICPC for a
 * child who has had a CP plan before. A plan held by another local authority (the child has moved here) is not in
 * this authority's plan history: the proposal declares it ({@code earlierPlanAuthority}, {@code earlierPlanStart},
 * {@code earlierPlanEnd}), and it then counts as the child's earlier plan. The dates arrive as text so that a malformed date is reported against its
 * field like any other invalid value.
 */
@EarlierPlanDeclaredInFull
@DatesInOrder(start = "earlierPlanStart", end = "earlierPlanEnd", sameDayAllowed = false, rule = "after-start",
    message = "must be after earlierPlanStart: a plan ends after it starts, and not on the same day.")
public record Proposal(
    @ChildReference String childRef,
    @NotBlank(message = FieldRules.REQUIRED) @IsoDate
    @NotInFuture(advice = "propose the conference once the strategy discussion has decided on it") String strategyDiscussionDate,
    @OneOf(value = CategoryOfAbuse.class, message = CategoryOfAbuse.MUST_BE_A_CODE) String categoryOfAbuse,
    @NotBlank(message = "is required: say briefly what the strategy discussion was about.")
    @Size(max = SUMMARY_MAX_LENGTH, message = FieldRules.AT_MOST) String concernsSummary,
    // The child's social worker proposes the conference, from their team (the proposal belongs to it).
    @NotBlank(message = FieldRules.REQUIRED) @StaffInRole(Role.SOCIAL_WORKERS) String proposedBy,
    @Size(max = AUTHORITY_MAX_LENGTH, message = FieldRules.AT_MOST) String earlierPlanAuthority,
    @IsoDate @InThePast(message = EARLIER_PLAN_ENDED) String earlierPlanStart,
    @IsoDate @InThePast(message = EARLIER_PLAN_ENDED) String earlierPlanEnd) {

  static final int SUMMARY_MAX_LENGTH = 4000;
  static final int AUTHORITY_MAX_LENGTH = 200;
  private static final String EARLIER_PLAN_ENDED = "must be in the past: the earlier plan has ended.";

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
    return new Proposal(RepeatIcpcVariables.text(variables, RepeatIcpcVariables.CHILD_REF),
        RepeatIcpcVariables.text(variables, RepeatIcpcVariables.STRATEGY_DISCUSSION_DATE),
        RepeatIcpcVariables.text(variables, RepeatIcpcVariables.CATEGORY_OF_ABUSE),
        RepeatIcpcVariables.text(variables, RepeatIcpcVariables.CONCERNS_SUMMARY),
        RepeatIcpcVariables.text(variables, RepeatIcpcVariables.PROPOSED_BY),
        RepeatIcpcVariables.text(variables, RepeatIcpcVariables.EARLIER_PLAN_AUTHORITY),
        RepeatIcpcVariables.text(variables, RepeatIcpcVariables.EARLIER_PLAN_START),
        RepeatIcpcVariables.text(variables, RepeatIcpcVariables.EARLIER_PLAN_END));
  }

  Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RepeatIcpcVariables.CHILD_REF, childRef);
    variables.put(RepeatIcpcVariables.STRATEGY_DISCUSSION_DATE, strategyDiscussionDate);
    variables.put(RepeatIcpcVariables.CATEGORY_OF_ABUSE, categoryOfAbuse);
    variables.put(RepeatIcpcVariables.CONCERNS_SUMMARY, concernsSummary);
    variables.put(RepeatIcpcVariables.PROPOSED_BY, proposedBy);
    if (declaresEarlierPlan()) {
      variables.put(RepeatIcpcVariables.EARLIER_PLAN_AUTHORITY, earlierPlanAuthority);
      variables.put(RepeatIcpcVariables.EARLIER_PLAN_START, earlierPlanStart);
      variables.put(RepeatIcpcVariables.EARLIER_PLAN_END, earlierPlanEnd);
    }
    return variables;
  }
}
