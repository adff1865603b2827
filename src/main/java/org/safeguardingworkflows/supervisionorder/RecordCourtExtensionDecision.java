package org.safeguardingworkflows.supervisionorder;

import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.springframework.stereotype.Component;

/**
 * The court's decision on an application to extend. An extension granted moves the order's end date (never beyond
 * three years from the date it was made) and with it the next extension decision; the order is then supervised
 * for its new period.
 */
@WritesVariables({ORDER_END_DATE, EXTENSION_DECISION_DUE_DATE, EXTENSION_ESCALATION_DATE, ORDER_EXTENSIONS})
@Component("recordCourtExtensionDecision")
public class RecordCourtExtensionDecision implements TaskListener {

  private final SupervisionOrderSettings settings;

  public RecordCourtExtensionDecision(SupervisionOrderSettings settings) {
    this.settings = settings;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(COURT_EXTENSION_DECISION);
    if (!isOneOf(CourtDecision.class, decision)) {
      throw new FormFieldValidationException(COURT_EXTENSION_DECISION, "Record whether the court granted or refused the extension.");
    }
    if (!CourtDecision.GRANTED.name().equals(decision)) {
      return;
    }
    LocalDate orderDate = date(task, ORDER_DATE);
    LocalDate end = date(task, ORDER_END_DATE);
    LocalDate latest = date(task, LATEST_PERMITTED_END_DATE);
    LocalDate extended;
    try {
      extended = date(task, EXTENDED_ORDER_END_DATE);
    } catch (DateTimeParseException e) {
      extended = null;
    }
    if (extended == null || !extended.isAfter(end)) {
      throw new FormFieldValidationException(EXTENDED_ORDER_END_DATE,
          "Give the new end date the court set: it must be after the current end date, " + OrderDates.inWords(end) + ".");
    }
    if (extended.isAfter(latest)) {
      throw new FormFieldValidationException(EXTENDED_ORDER_END_DATE, "A supervision order can never run beyond 3 years from the date it was made ("
          + OrderDates.inWords(orderDate) + "). The latest permitted end date is " + OrderDates.inWords(latest)
          + "; check the date on the court's order.");
    }
    Object extensions = task.getVariable(ORDER_EXTENSIONS);
    task.getExecution().setVariable(ORDER_END_DATE, extended.toString());
    task.getExecution().setVariable(EXTENSION_DECISION_DUE_DATE, OrderDates.extensionDecisionDue(orderDate, extended, settings).toString());
    task.getExecution().setVariable(EXTENSION_ESCALATION_DATE, OrderDates.extensionEscalationDue(orderDate, extended, settings).toString());
    task.getExecution().setVariable(ORDER_EXTENSIONS, (extensions instanceof Number number ? number.intValue() : 0) + 1);
  }
}
