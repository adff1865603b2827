package org.safeguardingworkflows.legal;

import org.safeguardingworkflows.platform.ShownDate;
import static org.safeguardingworkflows.legal.LegalPlanningVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
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

  /** Each date, with the earlier date it cannot precede, and the words for both. */
  private static final Map<String, String[]> CHAIN = new LinkedHashMap<>();

  static {
    CHAIN.put(MEETING_DATE, new String[] {null, "the legal planning meeting"});
    CHAIN.put(LETTER_SENT_DATE, new String[] {MEETING_DATE, "the letter before proceedings"});
    CHAIN.put(PRE_PROCEEDINGS_MEETING_DATE, new String[] {LETTER_SENT_DATE, "the pre-proceedings meeting"});
    CHAIN.put(APPLICATION_DATE, new String[] {MEETING_DATE, "the application to court"});
  }

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
    for (Map.Entry<String, String[]> entry : CHAIN.entrySet()) {
      String problem = problem(task, entry.getKey(), entry.getValue()[0], entry.getValue()[1], today);
      if (problem != null) {
        problems.add(problem);
      }
    }
    return problems;
  }

  private static String firstField(DelegateTask task, LocalDate today) {
    return CHAIN.entrySet().stream()
        .filter(entry -> problem(task, entry.getKey(), entry.getValue()[0], entry.getValue()[1], today) != null)
        .map(Map.Entry::getKey).findFirst().orElse(MEETING_DATE);
  }

  private static String problem(DelegateTask task, String field, String earlierField, String what, LocalDate today) {
    LocalDate date;
    try {
      date = date(task, field);
    } catch (DateTimeParseException e) {
      return "The date of " + what + " must be a real date written as dd/mm/yyyy.";
    }
    if (date == null) {
      return null;
    }
    if (date.isAfter(today)) {
      return "The date of " + what + " cannot be in the future: record it once it has happened.";
    }
    LocalDate earlier = earlierField == null ? null : date(task, earlierField);
    if (earlier != null && date.isBefore(earlier)) {
      return "The date of " + what + " (" + ShownDate.of(date) + ") cannot be before " + CHAIN.get(earlierField)[1] + " (" + ShownDate.of(earlier) + ").";
    }
    return null;
  }
}
