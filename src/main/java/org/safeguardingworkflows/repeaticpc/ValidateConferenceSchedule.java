package org.safeguardingworkflows.repeaticpc;

import org.safeguardingworkflows.platform.ShownDate;
import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.Staff;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The conference is held by the statutory deadline, or the reason it is not is recorded; it is chaired by an IRO,
 * and by the child's previous IRO where that person is still an IRO, or the reason for a different chair is
 * recorded (best practice: the same chair for later conferences). The child's IRO named by a change of IRO while the
 * proposal is open chairs without a reason.
 */
@Component("validateConferenceSchedule")
public class ValidateConferenceSchedule implements TaskListener {

  private final Staff staff;
  private final WorkingDays workingDays;

  public ValidateConferenceSchedule(Staff staff, WorkingDays workingDays) {
    this.staff = staff;
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    String field = CONFERENCE_DATE.name();
    LocalDate conference = null;
    try {
      conference = CONFERENCE_DATE.from(task);
    } catch (DateTimeParseException e) {
      problems.add("the conference date must be a real date written as dd/mm/yyyy");
    }
    LocalDate deadline = ICPC_DEADLINE.from(task);
    if (conference == null && problems.isEmpty()) {
      problems.add("the conference date is required");
    } else if (conference != null && conference.isBefore(workingDays.today())) {
      problems.add("the conference date cannot be in the past");
    } else if (conference != null && deadline != null && conference.isAfter(deadline) && !filled(LATE_CONFERENCE_REASON.from(task))) {
      problems.add("the conference is after the statutory deadline of " + ShownDate.of(deadline) + ", so say why it cannot be held by then");
      field = LATE_CONFERENCE_REASON.name();
    }
    String chair = CHAIR.from(task);
    String continuityIro = CONTINUITY_IRO.from(task);
    if (chair == null || chair.isBlank()) {
      problems.add("the chair is required");
      field = CHAIR.name();
    } else if (!staff.hasRole(chair, Role.IROS)) {
      problems.add("the chair '" + chair + "' is not an IRO of this service");
      field = CHAIR.name();
    } else if (continuityIro != null && !continuityIro.equals(chair) && !chair.equals(CHILD_IRO.from(task))
        && !filled(DIFFERENT_CHAIR_REASON.from(task))) {
      problems.add("the child's previous IRO (" + continuityIro + ") is still an IRO, so say why someone else chairs");
      field = DIFFERENT_CHAIR_REASON.name();
    }
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(field, "Please correct the schedule: " + String.join("; ", problems) + ".");
    }
  }
}
