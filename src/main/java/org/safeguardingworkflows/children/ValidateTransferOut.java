package org.safeguardingworkflows.children;

import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.platform.ShownDate;
import static org.safeguardingworkflows.children.ChildLifeEventVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * A transfer-out is recorded once it has happened: the history sent and the case accepted on days between the move and
 * today. For a child on a plan the receiving authority's transfer-in conference date is required; one later than the
 * 15 working days needs a note saying why (the receiving authority sets it, so it is recorded, not refused).
 */
@Component("validateTransferOut")
public class ValidateTransferOut implements TaskListener {

  private final WorkingDays workingDays;

  public ValidateTransferOut(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate moved = LIFE_EVENT_DATE.from(task);
    LocalDate today = workingDays.today();
    LocalDate sent = date(task, HISTORY_SENT_ON, "The day the history was sent");
    LocalDate accepted = date(task, TRANSFER_ACCEPTED_ON, "The day the receiving authority accepted the case");
    for (var field : new Object[][] {{HISTORY_SENT_ON, sent, "the history was sent"}, {TRANSFER_ACCEPTED_ON, accepted, "the case was accepted"}}) {
      LocalDate value = (LocalDate) field[1];
      if (value != null && (value.isAfter(today) || value.isBefore(moved))) {
        throw new FormFieldValidationException(((ProcessVariable<?>) field[0]).name(), "The day " + field[2]
            + " must be between the move (" + ShownDate.of(moved) + ") and today: record the transfer once it has happened.");
      }
    }
    if (Boolean.TRUE.equals(ON_PLAN.from(task))) {
      LocalDate conference = date(task, TRANSFER_IN_CONFERENCE_DATE, "The transfer-in conference date");
      if (conference == null) {
        throw new FormFieldValidationException(TRANSFER_IN_CONFERENCE_DATE.name(),
            "The child is on a child protection plan: record the date the receiving authority has set for the transfer-in conference.");
      }
      LocalDate due = TRANSFER_IN_CONFERENCE_DUE_DATE.from(task);
      String notes = TRANSFER_NOTES.from(task);
      if (conference.isAfter(due) && (notes == null || notes.toString().isBlank())) {
        throw new FormFieldValidationException(TRANSFER_NOTES.name(), "The transfer-in conference is after " + ShownDate.of(due)
            + ", more than 15 working days after the move: say in the notes why, and whom you told.");
      }
    }
  }

  private static LocalDate date(DelegateTask task, ProcessVariable<LocalDate> field, String what) {
    try {
      return field.from(task);
    } catch (DateTimeParseException e) {
      throw new FormFieldValidationException(field.name(), what + " must be a real date written as dd/mm/yyyy.");
    }
  }
}
