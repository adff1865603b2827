package org.safeguardingworkflows.repeaticpc;

import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.planhistory.CategoryOfAbuse;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.tasks.DeployedForm;
import org.springframework.stereotype.Component;

/**
 * First step of every proposal, however it started: checks the proposal against {@link ProposalRules} (a Tasklist
 * start form, engine REST call or step-down journey gets the same checks as the domain API), then puts the child's
 * whole history in front of the discussion and fixes the deadlines: the ICPC within 15 working days of the strategy
 * discussion and the four-party discussion within 8 (both configurable).
 */
@WritesVariables({"previousPlans", "numberOfPreviousPlans", "lastPlanEndDate", "monthsSinceLastPlan", "withinTwoYears", "previousIro", "continuityIro", "chair", "lastStepDownInstanceId", "lastContingencyPlan", "lastStepDownConcerns", "workerChangesDuringStepDown", "previousPlanReasons", "icpcDeadline", "discussionDeadline", "teamManagerViewBy", "seniorManagerViewBy", "iroViewBy", "legalViewBy", "fourPartyDiscussionComplete", "overrideUsed"})
@Component("assembleRepeatIcpcHistory")
public class AssembleRepeatIcpcHistory implements JavaDelegate {

  private final ProposalRules rules;
  private final PlanHistory planHistory;
  private final ChildHistory childHistory;
  private final WorkingDays workingDays;
  private final RepeatIcpcSettings settings;
  private final EarlierPlanElsewhere earlierPlanElsewhere;

  public AssembleRepeatIcpcHistory(ProposalRules rules, ChildHistory childHistory, WorkingDays workingDays,
      RepeatIcpcSettings settings, PlanHistory planHistory, EarlierPlanElsewhere earlierPlanElsewhere) {
    this.earlierPlanElsewhere = earlierPlanElsewhere;
    this.planHistory = planHistory;
    this.rules = rules;
    this.childHistory = childHistory;
    this.workingDays = workingDays;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Proposal proposal = Proposal.from(execution.getVariables());
    // Refused here, the start comes back to the form that sent it: each field is named as the form showed it.
    List<String> problems = new ArrayList<>(
        DeployedForm.inTheStartFormsWords(rules.fieldProblems(proposal), execution));
    if (problems.isEmpty()) {
      // One at a time per child: the check below then sees a journey another start has just committed.
      planHistory.lockChild(proposal.childRef());
      rules.openProposal(proposal.childRef(), execution.getProcessInstanceId()).ifPresent(other ->
          problems.add("This child already has a proposal for a repeat conference under discussion."));
      rules.notARepeat(proposal).ifPresent(problem -> problems.add(problem.message()));
      rules.earlierPlanOverlap(proposal).ifPresent(problem -> problems.add(problem.message()));
    }
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(CHILD_REF.name(), String.join(" ", problems));
    }
    if (proposal.declaresEarlierPlan()) {
      // In the child record first: the history below reads it there, with the child's other plans.
      earlierPlanElsewhere.record(execution, proposal);
    }

    LocalDate strategyDiscussion = LocalDate.parse(proposal.strategyDiscussionDate());
    ChildHistory.Snapshot history = childHistory.of(proposal.childRef(), strategyDiscussion);
    PREVIOUS_PLANS.setOn(execution, (history.planRows()));
    NUMBER_OF_PREVIOUS_PLANS.setOn(execution, history.numberOfPreviousPlans());
    LAST_PLAN_END_DATE.setOn(execution, history.lastPlanEnd());
    MONTHS_SINCE_LAST_PLAN.setOn(execution, (int) history.monthsSinceLastPlan());
    WITHIN_TWO_YEARS.setOn(execution, history.withinRepeatWindow());
    PREVIOUS_IRO.setOn(execution, history.previousIro());
    CONTINUITY_IRO.setOn(execution, history.continuityIro());
    // The previous IRO is pre-selected as chair when still an IRO (best practice: the same chair again).
    CHAIR.setOn(execution, history.continuityIro());
    LAST_STEP_DOWN_INSTANCE_ID.setOn(execution, history.lastStepDownInstanceId());
    LAST_CONTINGENCY_PLAN.setOn(execution, (history.lastContingencyPlan()));
    LAST_STEP_DOWN_CONCERNS.setOn(execution, (history.lastStepDownConcerns()));
    WORKER_CHANGES_DURING_STEP_DOWN.setOn(execution, history.workerChangesDuringStepDown());
    PREVIOUS_PLAN_REASONS.setOn(execution, (history.planRows().stream()
        .map(plan -> Map.<String, Object>of("plan", describe(plan))).toList()));

    ICPC_DEADLINE.setOn(execution, workingDays.addWorkingDays(strategyDiscussion, settings.getIcpcDueWorkingDays()));
    DISCUSSION_DEADLINE.setOn(execution,
        workingDays.addWorkingDays(strategyDiscussion, settings.getDiscussionDueWorkingDays()));

    // Nothing is recorded about the discussion yet: the process records these, never a form.
    for (FourPartyView view : FourPartyView.values()) {
      view.viewByVariable().setOn(execution, null);
    }
    FOUR_PARTY_DISCUSSION_COMPLETE.setOn(execution, false);
    OVERRIDE_USED.setOn(execution, false);
  }

  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** "2 September 2024 to 14 March 2025: Neglect", for the social worker's list of reasons. */
  private static String describe(Map<String, Object> plan) {
    String category = (String) plan.get("latestCategory");
    String period = UK_DATE.format(LocalDate.parse((String) plan.get("planStart"))) + " to "
        + UK_DATE.format(LocalDate.parse((String) plan.get("planEnd"))) + ": ";
    if (plan.get("heldBy") instanceof String authority) {
      return period + "held by " + authority;
    }
    return period + (CategoryOfAbuse.isCode(category) ? CategoryOfAbuse.valueOf(category).label() : category);
  }
}
