package org.safeguardingworkflows.children;

import org.safeguardingworkflows.platform.ShownDate;
import static org.safeguardingworkflows.children.ChildLifeEventVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/** A notification made needs the day it was made: not before the death, not in the future. */
@Component("validateSeriousIncidentNotification")
public class ValidateSeriousIncidentNotification implements TaskListener {

  private final WorkingDays workingDays;

  public ValidateSeriousIncidentNotification(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!"YES".equals(SERIOUS_INCIDENT_NOTIFIED.from(task))) {
      return;
    }
    LocalDate notified;
    try {
      notified = SERIOUS_INCIDENT_NOTIFIED_ON.from(task);
    } catch (DateTimeParseException e) {
      throw new FormFieldValidationException(SERIOUS_INCIDENT_NOTIFIED_ON.name(), "The day of the notification must be a real date written as dd/mm/yyyy.");
    }
    if (notified == null) {
      throw new FormFieldValidationException(SERIOUS_INCIDENT_NOTIFIED_ON.name(), "Record the day the national panel and Ofsted were notified.");
    }
    LocalDate died = LIFE_EVENT_DATE.from(task);
    if (notified.isBefore(died) || notified.isAfter(workingDays.today())) {
      throw new FormFieldValidationException(SERIOUS_INCIDENT_NOTIFIED_ON.name(),
          "The day of the notification must be between the child's death (" + ShownDate.of(died) + ") and today.");
    }
  }
}
