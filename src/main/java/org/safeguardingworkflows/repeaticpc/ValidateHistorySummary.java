package org.safeguardingworkflows.repeaticpc;

import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * The audit looked at the reasons for each earlier plan and what work was done after it (briefing point 2). The
 * summary cannot be completed until every previous plan has its reasons and the work done after it.
 */
@Component("validateHistorySummary")
public class ValidateHistorySummary implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, Object>> rows = PREVIOUS_PLAN_REASONS.from(task);
    int plans = NUMBER_OF_PREVIOUS_PLANS.optionalFrom(task).orElse(0);
    long complete = rows.stream().filter(row -> filled(row.get("reasons")) && filled(row.get("workAfterPlan"))).count();
    if (rows.size() != plans || complete != plans) {
      throw new FormFieldValidationException(PREVIOUS_PLAN_REASONS.name(), "Give the reasons for each of the child's " + plans
          + " previous plan(s) and the work done after each one ended (" + complete + " of " + plans + " complete).");
    }
  }
}
