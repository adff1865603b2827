package org.safeguardingworkflows.repeaticpc;

import org.safeguardingworkflows.platform.ShownDate;
import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.children.ChildPlans;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.springframework.stereotype.Component;

/**
 * The repeat conference made a new child protection plan: it joins the child's plan history (open, chaired by the
 * conference chair, category as proposed), where the audit report and the next step-down journey find it, as every
 * plan a conference makes does ({@link ChildPlans#planMade}). A child's plans never overlap (CIN census rule).
 */
@Component("addRepeatPlanToHistory")
public class AddRepeatPlanToHistory implements JavaDelegate {

  private final PlanHistory planHistory;
  private final ChildPlans childPlans;

  public AddRepeatPlanToHistory(PlanHistory planHistory, ChildPlans childPlans) {
    this.planHistory = planHistory;
    this.childPlans = childPlans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String childRef = execution.getProcessBusinessKey();
    planHistory.lockChild(childRef);
    LocalDate start = PLAN_START_DATE.from(execution);
    if (start == null) {
      throw new FormFieldValidationException(PLAN_START_DATE.name(), "The date the new plan started is required when a plan was made.");
    }
    planHistory.planStartingOn(childRef, start).or(() -> planHistory.overlappingPlan(childRef, start, null)).ifPresent(other -> {
      throw new FormFieldValidationException(PLAN_START_DATE.name(), "A plan from " + ShownDate.of(start) + " would overlap the child's plan from "
          + ShownDate.of(other.planStart()) + "; a child's plans never overlap.");
    });
    childPlans.planMade(childRef, start, CATEGORY_OF_ABUSE.from(execution), CHAIR.from(execution), null,
        PROCESS_KEY, execution.getProcessInstanceId());
  }
}
