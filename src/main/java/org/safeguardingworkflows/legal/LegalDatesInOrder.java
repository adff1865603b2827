package org.safeguardingworkflows.legal;

import org.safeguardingworkflows.platform.ShownDate;
import static org.safeguardingworkflows.legal.LegalPlanningVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The dates recorded along the legal route describe what has already happened, in order: the legal planning
 * meeting, then the letter before proceedings, then the pre-proceedings meeting; an application to court comes
 * after the meeting that decided on it. None can be in the future. Checked on completion of each task that
 * records one of them, whatever the client.
 */
@Component("legalDatesInOrder")
public class LegalDatesInOrder implements TaskListener {

  /** One date of the route, the earlier date it cannot precede (none for the first), and the words for it. */
  private record Step(ProcessVariable<LocalDate> field, ProcessVariable<LocalDate> earlierField, String what) {
  }

  private static final List<Step> CHAIN = List.of(
      new Step(MEETING_DATE, null, "the legal planning meeting"),
      new Step(LETTER_SENT_DATE, MEETING_DATE, "the letter before proceedings"),
      new Step(PRE_PROCEEDINGS_MEETING_DATE, LETTER_SENT_DATE, "the pre-proceedings meeting"),
      new Step(APPLICATION_DATE, MEETING_DATE, "the application to court"));

  private final WorkingDays workingDays;

  public LegalDatesInOrder(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = problems(task, workingDays.today());
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(firstField(task, workingDays.today()), String.join(" ", problems));
    }
  }

  static List<String> problems(DelegateTask task, LocalDate today) {
    List<String> problems = new ArrayList<>();
    for (Step step : CHAIN) {
      String problem = problem(task, step, today);
      if (problem != null) {
        problems.add(problem);
      }
    }
    return problems;
  }

  private static String firstField(DelegateTask task, LocalDate today) {
    return CHAIN.stream().filter(step -> problem(task, step, today) != null)
        .map(step -> step.field().name()).findFirst().orElse(MEETING_DATE.name());
  }

  private static String problem(DelegateTask task, Step step, LocalDate today) {
    String what = step.what();
    LocalDate date;
    try {
      date = step.field().from(task);
    } catch (DateTimeParseException e) {
      return "The date of " + what + " must be a real date written as dd/mm/yyyy.";
    }
    if (date == null) {
      return null;
    }
    if (date.isAfter(today)) {
      return "The date of " + what + " cannot be in the future: record it once it has happened.";
    }
    LocalDate earlier = step.earlierField() == null ? null : step.earlierField().from(task);
    if (earlier != null && date.isBefore(earlier)) {
      return "The date of " + what + " (" + ShownDate.of(date) + ") cannot be before " + whatOf(step.earlierField()) + " (" + ShownDate.of(earlier) + ").";
    }
    return null;
  }

  private static String whatOf(ProcessVariable<LocalDate> field) {
    return CHAIN.stream().filter(step -> step.field() == field).map(Step::what).findFirst().orElseThrow();
  }
}
