package org.safeguardingworkflows.legal;

import org.safeguardingworkflows.platform.ShownDate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.Staff;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * A legal planning meeting is the team manager's decision taken with the local authority's lawyer: its outcome
 * cannot be recorded unless the legal representative who attended is named and is one of the legal team, and
 * the meeting has actually taken place. Continuing the current plan needs a review date in the future, when the
 * process raises the team manager's review.
 */
@Component("validateLegalPlanningMeeting")
public class ValidateLegalPlanningMeeting implements TaskListener {

  private final Staff staff;
  private final WorkingDays workingDays;

  public ValidateLegalPlanningMeeting(Staff staff, WorkingDays workingDays) {
    this.staff = staff;
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    String lawyer = LegalPlanningVariables.LEGAL_REPRESENTATIVE.from(task);
    if (lawyer == null || lawyer.isBlank()) {
      problems.add("Name the legal representative who attended the meeting.");
    } else if (!staff.hasRole(lawyer, Role.LEGAL)) {
      problems.add("The legal representative '" + lawyer + "' is not a member of the legal team: the outcome needs the local authority's legal advice.");
    }
    if (!LegalPlanningVariables.isOneOf(LegalPlanningVariables.Outcome.class,
        LegalPlanningVariables.LEGAL_PLANNING_OUTCOME.from(task))) {
      problems.add("Choose the outcome from the answers listed.");
    }
    problems.addAll(LegalDatesInOrder.problems(task, workingDays.today()));
    if (LegalPlanningVariables.Outcome.CONTINUE_CURRENT_PLAN.name().equals(LegalPlanningVariables.LEGAL_PLANNING_OUTCOME.from(task))) {
      reviewDateProblem(task).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(LegalPlanningVariables.LEGAL_REPRESENTATIVE.name(), String.join(" ", problems));
    }
  }

  /** Continuing the current plan is followed up: it needs a review date, after today. */
  private Optional<String> reviewDateProblem(DelegateTask task) {
    Object value = LegalPlanningVariables.PLAN_REVIEW_DATE.from(task);
    if (value == null || value.toString().isBlank()) {
      return Optional.of("Continuing the current plan needs a review date: when the team manager will look at it again.");
    }
    try {
      LocalDate reviewDate = LocalDate.parse(value.toString());
      if (!reviewDate.isAfter(workingDays.today())) {
        return Optional.of("The review date of the current plan must be in the future, not " + ShownDate.of(reviewDate) + ".");
      }
    } catch (DateTimeParseException e) {
      return Optional.of("The review date of the current plan must be a real date written as dd/mm/yyyy.");
    }
    return Optional.empty();
  }
}
