package org.safeguardingworkflows.repeaticpc;

import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * A child whose only earlier plan was held by another local authority: the proposal declares that plan (authority,
 * start, end) and the discussion starts from it, since this authority's own history has nothing to assemble. The
 * declared plan stays in the process's variables ({@code earlierPlanAuthority}, {@code earlierPlanStart},
 * {@code earlierPlanEnd}) and in the child's chronology ({@code OTHER_AUTHORITY_PLAN}); the deadlines are those of
 * every proposal.
 */
@Component
public class EarlierPlanElsewhere {

  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final PlanHistory planHistory;
  private final WorkingDays workingDays;
  private final RepeatIcpcSettings settings;
  private final ChildRecord childRecord;

  public EarlierPlanElsewhere(PlanHistory planHistory, WorkingDays workingDays, RepeatIcpcSettings settings, ChildRecord childRecord) {
    this.childRecord = childRecord;
    this.planHistory = planHistory;
    this.workingDays = workingDays;
    this.settings = settings;
  }

  /** The proposal declares a plan held elsewhere and this authority has no ended plan of the child on record. */
  boolean isTheOnlyEarlierPlan(Proposal proposal) {
    return proposal.declaresEarlierPlan() && planHistory.plansOf(proposal.childRef()).stream().allMatch(plan -> plan.isOpen());
  }

  /** The declared plan joins the child's chronology (dated from its start), whoever else the child's plans were with. */
  void record(DelegateExecution execution, Proposal proposal) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(EARLIER_PLAN_AUTHORITY, proposal.earlierPlanAuthority());
    details.put(EARLIER_PLAN_START, proposal.earlierPlanStart());
    details.put(EARLIER_PLAN_END, proposal.earlierPlanEnd());
    childRecord.record(ChildEvent.of(proposal.childRef(), LocalDate.parse(proposal.earlierPlanStart()),
        ChildEvent.Kind.OTHER_AUTHORITY_PLAN, proposal.proposedBy(), PROCESS_KEY, execution.getProcessInstanceId(), details));
  }

  void assemble(DelegateExecution execution, Proposal proposal) {
    LocalDate strategyDiscussion = LocalDate.parse(proposal.strategyDiscussionDate());
    LocalDate start = LocalDate.parse(proposal.earlierPlanStart());
    LocalDate end = LocalDate.parse(proposal.earlierPlanEnd());
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("planStart", start.toString());
    plan.put("planEnd", end.toString());
    execution.setVariable(PREVIOUS_PLANS, json(List.of(plan)));
    execution.setVariable(NUMBER_OF_PREVIOUS_PLANS, 1);
    execution.setVariable(LAST_PLAN_END_DATE, end.toString());
    execution.setVariable(MONTHS_SINCE_LAST_PLAN, (int) Math.max(0, ChronoUnit.MONTHS.between(end, strategyDiscussion)));
    execution.setVariable(WITHIN_TWO_YEARS, !strategyDiscussion.isAfter(end.plus(settings.repeatWindowPeriod())));
    // The other authority's IRO cannot chair here: no continuity IRO, no chair pre-selected.
    execution.setVariable(PREVIOUS_IRO, null);
    execution.setVariable(CONTINUITY_IRO, null);
    execution.setVariable(CHAIR, null);
    execution.setVariable(PREVIOUS_PLAN_REASONS, json(List.of(Map.<String, Object>of("plan", UK_DATE.format(start) + " to "
        + UK_DATE.format(end) + ": held by " + proposal.earlierPlanAuthority()))));
    execution.setVariable(ICPC_DEADLINE, workingDays.addWorkingDays(strategyDiscussion, settings.getIcpcDueWorkingDays()).toString());
    execution.setVariable(DISCUSSION_DEADLINE,
        workingDays.addWorkingDays(strategyDiscussion, settings.getDiscussionDueWorkingDays()).toString());
    for (FourPartyView view : FourPartyView.values()) {
      execution.setVariable(view.viewByVariable(), null);
    }
    execution.setVariable(FOUR_PARTY_DISCUSSION_COMPLETE, false);
    execution.setVariable(OVERRIDE_USED, false);
  }
}
