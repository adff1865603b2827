package org.safeguardingworkflows.supervisionorder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.safeguardingworkflows.timescales.CalendarDates;

/**
 * The dates a supervision order runs to, worked out in one place: when it ends, the latest date any extension may
 * take it to (three years from the date it was made), and when the extension decision falls due.
 */
final class OrderDates {

  private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private OrderDates() {
  }

  static LocalDate end(LocalDate orderDate, int lengthMonths) {
    return orderDate.plusMonths(lengthMonths);
  }

  static LocalDate latestPermittedEnd(LocalDate orderDate, SupervisionOrderSettings settings) {
    return CalendarDates.plus(orderDate, settings.getAbsoluteLimit());
  }

  /** Three months (by default) before the order expires, but never before the order was made. */
  static LocalDate extensionDecisionDue(LocalDate orderDate, LocalDate orderEnd, SupervisionOrderSettings settings) {
    LocalDate due = CalendarDates.minus(orderEnd, settings.getExtensionDecisionBeforeExpiry());
    return due.isBefore(orderDate) ? orderDate : due;
  }

  /** One month (by default) before the order expires, when an undecided extension goes to a senior manager. */
  static LocalDate extensionEscalationDue(LocalDate orderDate, LocalDate orderEnd, SupervisionOrderSettings settings) {
    LocalDate due = CalendarDates.minus(orderEnd, settings.getExtensionEscalationBeforeExpiry());
    return due.isBefore(orderDate) ? orderDate : due;
  }

  static String inWords(LocalDate date) {
    return date.format(IN_WORDS);
  }
}
