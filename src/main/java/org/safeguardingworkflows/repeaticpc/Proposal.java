package org.safeguardingworkflows.repeaticpc;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
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
