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
@WritesVariables({"orderEndDate", "extensionDecisionDueDate", "extensionEscalationDate", "orderExtensions"})
@Component("recordCourtExtensionDecision")
public class RecordCourtExtensionDecision implements TaskListener {

  private final SupervisionOrderSettings settings;

  public RecordCourtExtensionDecision(SupervisionOrderSettings settings) {
    this.settings = settings;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = COURT_EXTENSION_DECISION.from(task);
    if (!isOneOf(CourtDecision.class, decision)) {
      throw new FormFieldValidationException(COURT_EXTENSION_DECISION.name(), "Record whether the court granted or refused the extension.");
    }
    if (!CourtDecision.GRANTED.name().equals(decision)) {
      return;
    }
    LocalDate orderDate = ORDER_DATE.from(task);
    LocalDate end = ORDER_END_DATE.from(task);
    LocalDate latest = LATEST_PERMITTED_END_DATE.from(task);
    LocalDate extended;
    try {
      extended = EXTENDED_ORDER_END_DATE.from(task);
    } catch (DateTimeParseException e) {
      extended = null;
    }
    if (extended == null || !extended.isAfter(end)) {
      throw new FormFieldValidationException(EXTENDED_ORDER_END_DATE.name(),
          "Give the new end date the court set: it must be after the current end date, " + OrderDates.inWords(end) + ".");
    }
    if (extended.isAfter(latest)) {
      throw new FormFieldValidationException(EXTENDED_ORDER_END_DATE.name(), "A supervision order can never run beyond 3 years from the date it was made ("
          + OrderDates.inWords(orderDate) + "). The latest permitted end date is " + OrderDates.inWords(latest)
          + "; check the date on the court's order.");
    }
    ORDER_END_DATE.setOn(task.getExecution(), extended);
    EXTENSION_DECISION_DUE_DATE.setOn(task.getExecution(), OrderDates.extensionDecisionDue(orderDate, extended, settings));
    EXTENSION_ESCALATION_DATE.setOn(task.getExecution(), OrderDates.extensionEscalationDue(orderDate, extended, settings));
    ORDER_EXTENSIONS.setOn(task.getExecution(), ORDER_EXTENSIONS.optionalFrom(task).orElse(0) + 1);
  }
}
