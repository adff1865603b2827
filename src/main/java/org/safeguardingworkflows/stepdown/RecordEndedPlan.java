package org.safeguardingworkflows.stepdown;

import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.platform.ShownDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.children.ChildPlans;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.tasks.DeployedForm;
import org.springframework.stereotype.Component;

/**
 * First step of every journey: checks the start data against {@link PlanEndedRules} (a Tasklist start form or
 * engine REST call gets the same checks as the domain API) and records the ended plan in the child's plan
 * history, in the engine's transaction. An open plan starting on the same day (recorded at the ICPC) is
 * closed rather than duplicated.
 */
@WritesVariables({"workerChanges"})
@Component("recordEndedPlan")
public class RecordEndedPlan implements JavaDelegate {

  private final PlanEndedRules rules;
  private final PlanHistory planHistory;

  private final ChildPlans childPlans;

  public RecordEndedPlan(PlanEndedRules rules, PlanHistory planHistory, ChildPlans childPlans) {
    this.rules = rules;
    this.childPlans = childPlans;
    this.planHistory = planHistory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlanEnded plan = PlanEnded.from(execution.getVariables());
    // Refused here, the start comes back to the form that sent it: each field is named as the form showed it.
    List<String> problems = new ArrayList<>(
        DeployedForm.inTheStartFormsWords(rules.fieldProblems(plan), execution));
    if (problems.isEmpty()) {
      planHistory.lockChild(plan.childRef());
      rules.activeJourney(plan.childRef(), execution.getProcessInstanceId()).ifPresent(other ->
          problems.add("This child already has a step-down journey in progress."));
      rules.overlappingPlan(plan).ifPresent(other ->
          problems.add("The plan overlaps another recorded plan of this child (started " + ShownDate.of(other.planStart()) + ")."));
    }
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(StepDownVariables.CHILD_REF.name(), String.join(" ", problems));
    }

    LocalDate start = LocalDate.parse(plan.planStartDate());
    LocalDate end = LocalDate.parse(plan.planEndDate());
    Optional<CpPlan> recorded = planHistory.planStartingOn(plan.childRef(), start);
    if (recorded.isPresent()) {
      planHistory.recordEnd(recorded.get().id(), end, plan.categoryOfAbuse(), plan.destination(), execution.getProcessInstanceId());
    } else {
      planHistory.insert(new CpPlan(null, plan.childRef(), start, end, plan.categoryOfAbuse(), plan.categoryOfAbuse(),
          plan.iro(), plan.destination(), null, execution.getProcessInstanceId(), CpPlan.Source.PROCESS));
    }
    childPlans.recordedByStepDown(planHistory.planStartingOn(plan.childRef(), start).orElseThrow(), recorded.isPresent(),
        plan.destination(), plan.allocatedWorker());
    StepDownVariables.WORKER_CHANGES.setOn(execution, 0);
  }
}
