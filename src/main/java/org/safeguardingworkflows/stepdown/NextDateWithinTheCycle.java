package org.safeguardingworkflows.stepdown;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.platform.ShownDate;
import org.safeguardingworkflows.timescales.CalendarDates;

/**
 * A supervision or CIN review records the date of the next one, and that date is when the next one falls due: the
 * diagram's timer reads the due date this listener sets ({@code supervisionDueOn}, {@code reviewDueOn}). Left empty,
 * the next falls due one cycle after this one was due (so a late one never pushes the next one back). The cycle from
 * configuration is also the longest gap: a later date, or a date in the past, is refused with a sentence naming the
 * field and the dates allowed, and the completion rolls back with nothing changed.
 */
abstract class NextDateWithinTheCycle implements TaskListener {

  private final ProcessVariable<LocalDate> nextDate;
  private final String fieldLabel;
  private final ProcessVariable<LocalDate> dueOn;
  private final String occasion;
  private final Supplier<String> cycle;
  private final CalendarDates calendarDates;

  NextDateWithinTheCycle(ProcessVariable<LocalDate> nextDate, String fieldLabel, ProcessVariable<LocalDate> dueOn,
      String occasion, Supplier<String> cycle, CalendarDates calendarDates) {
    this.nextDate = nextDate;
    this.fieldLabel = fieldLabel;
    this.dueOn = dueOn;
    this.occasion = occasion;
    this.cycle = cycle;
    this.calendarDates = calendarDates;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate thisOneDue = dueOn.from(task);
    LocalDate oneCycleOn = CalendarDates.plus(thisOneDue, cycle.get());
    LocalDate today = calendarDates.today();
    // Held so late that a whole cycle has passed: the next is due now, so today is the latest date that can be booked.
    LocalDate latest = oneCycleOn.isBefore(today) ? today : oneCycleOn;
    LocalDate booked = nextDate.from(task);
    if (booked != null && booked.isBefore(today)) {
      throw refused("cannot be in the past: give today's date or a later one, up to " + ShownDate.of(latest)
          + ", or leave it empty to keep the usual cycle");
    }
    if (booked != null && booked.isAfter(latest)) {
      throw refused("must be on or before " + ShownDate.of(latest) + ": " + occasion + " is held at least every "
          + inWords(Period.parse(cycle.get())) + ", counted from the date this one was due ("
          + ShownDate.of(thisOneDue) + ")");
    }
    dueOn.setOn(task.getExecution(), booked != null ? booked : oneCycleOn);
  }

  private FormFieldValidationException refused(String rule) {
    return new FormFieldValidationException(nextDate.name(), "'" + fieldLabel + "' " + rule + ".");
  }

  /** P28D as "28 days", P1M as "1 month", P1M14D as "1 month and 14 days". */
  static String inWords(Period period) {
    List<String> parts = new ArrayList<>();
    add(parts, period.getYears(), "year");
    add(parts, period.getMonths(), "month");
    add(parts, period.getDays(), "day");
    return String.join(" and ", parts);
  }

  private static void add(List<String> parts, int count, String unit) {
    if (count != 0) {
      parts.add(count + " " + unit + (count == 1 ? "" : "s"));
    }
  }
}
