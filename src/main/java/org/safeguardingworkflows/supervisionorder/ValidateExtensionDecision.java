package org.safeguardingworkflows.supervisionorder;

import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * The decision whether to apply to extend a supervision order. An extension can never take the order beyond three
 * years from the date it was made (Children Act 1989 Sch 3 para 6(4)): an application that would is refused here,
 * with the latest permitted end date, before anyone drafts it.
 */
@Component("validateExtensionDecision")
public class ValidateExtensionDecision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String decision = EXTENSION_DECISION.from(task);
    if (!isOneOf(ExtensionDecision.class, decision)) {
      throw new FormFieldValidationException(EXTENSION_DECISION.name(), "Choose whether to apply to extend the order or let it end.");
    }
    if (!ExtensionDecision.APPLY_TO_EXTEND.name().equals(decision)) {
      return;
    }
    LocalDate orderDate = ORDER_DATE.from(task);
    LocalDate end = ORDER_END_DATE.from(task);
    LocalDate latest = LATEST_PERMITTED_END_DATE.from(task);
    if (!end.isBefore(latest)) {
      throw new FormFieldValidationException(EXTENSION_DECISION.name(), "The order already ends on " + OrderDates.inWords(end)
          + ", the latest permitted end date (3 years from the date it was made, " + OrderDates.inWords(orderDate)
          + "): it cannot be extended. Record that it will end.");
    }
    Integer months = EXTENSION_MONTHS.from(task);
    if (months == null || months < 1) {
      throw new FormFieldValidationException(EXTENSION_MONTHS.name(),
          "Give the length of the extension you will apply for, in whole months.");
    }
    LocalDate extendedEnd = end.plusMonths(months);
    if (extendedEnd.isAfter(latest)) {
      throw new FormFieldValidationException(EXTENSION_MONTHS.name(), "An extension of " + months + " months would end the order on "
          + OrderDates.inWords(extendedEnd) + ", more than 3 years from the date it was made (" + OrderDates.inWords(orderDate)
          + "). The latest permitted end date is " + OrderDates.inWords(latest) + ".");
    }
  }
}
