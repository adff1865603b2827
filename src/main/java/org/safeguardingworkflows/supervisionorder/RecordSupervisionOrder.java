package org.safeguardingworkflows.supervisionorder;

import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.tasks.DeployedForm;
import org.springframework.stereotype.Component;

/**
 * First step of every supervision order: checks the order against {@link SupervisionOrderRules} (a Tasklist start
 * form or engine REST call gets the same checks as the domain API) and works out the dates it runs to: its end,
 * the latest date any extension may reach, and when the extension decision falls due.
 */
@WritesVariables({"lengthMonths", "orderEndDate", "latestPermittedEndDate", "extensionDecisionDueDate", "extensionEscalationDate", "orderExtensions"})
@Component("recordSupervisionOrder")
public class RecordSupervisionOrder implements JavaDelegate {

  private final SupervisionOrderRules rules;
  private final PlanHistory planHistory;
  private final SupervisionOrderSettings settings;

  public RecordSupervisionOrder(SupervisionOrderRules rules, SupervisionOrderSettings settings, PlanHistory planHistory) {
    this.planHistory = planHistory;
    this.rules = rules;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupervisionOrderMade order = SupervisionOrderMade.from(execution.getVariables());
    // Refused here, the start comes back to the form that sent it: each field is named as the form showed it.
    List<String> problems = new ArrayList<>(
        DeployedForm.inTheStartFormsWords(rules.fieldProblems(order), execution));
    if (problems.isEmpty()) {
      // One at a time per child: the check below then sees a journey another start has just committed.
      planHistory.lockChild(order.childRef());
      rules.openOrder(order.childRef(), execution.getProcessInstanceId()).ifPresent(other ->
          problems.add("This child already has a supervision order being supervised."));
    }
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(CHILD_REF.name(), String.join(" ", problems));
    }
    LocalDate orderDate = LocalDate.parse(order.orderDate());
    int months = order.lengthOrDefault(settings.getDefaultLengthMonths());
    LocalDate end = OrderDates.end(orderDate, months);
    LENGTH_MONTHS.setOn(execution, months);
    ORDER_END_DATE.setOn(execution, end);
    LATEST_PERMITTED_END_DATE.setOn(execution, OrderDates.latestPermittedEnd(orderDate, settings));
    EXTENSION_DECISION_DUE_DATE.setOn(execution, OrderDates.extensionDecisionDue(orderDate, end, settings));
    EXTENSION_ESCALATION_DATE.setOn(execution, OrderDates.extensionEscalationDue(orderDate, end, settings));
    ORDER_EXTENSIONS.setOn(execution, 0);
  }
}
