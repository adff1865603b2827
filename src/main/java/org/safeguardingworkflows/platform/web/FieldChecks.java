package org.safeguardingworkflows.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.safeguardingworkflows.planhistory.CpPlan;

/** The field rules every API shares, worded the same way wherever they are broken. */
public final class FieldChecks {

  static final int EARLIEST_YEAR = 1900;
  static final int LATEST_YEAR = 2999;

  private FieldChecks() {
  }

  /** A child reference is an opaque case-management id, never a name. */
  public static void childRef(String value, List<FieldProblem> problems) {
    if (value == null || !CpPlan.CHILD_REF.matcher(value).matches()) {
      problems.add(new FieldProblem("childRef", "pattern",
          "childRef must be the case-management reference: 1-40 letters, digits or hyphens (never a name)."));
    }
  }

  /** A required date written as yyyy-MM-dd; null (with the problem recorded) when missing or malformed. */
  public static LocalDate date(String value, String field, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "required", field + " is required."));
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "date", field + " must be a date written as yyyy-MM-dd."));
      return null;
    }
    // LocalDate reads "-0001-01-01" and "+99999-01-01"; no record of a child is dated so, and the database and the
    // working-day calendar cannot hold such years.
    if (date.getYear() < EARLIEST_YEAR || date.getYear() > LATEST_YEAR) {
      problems.add(new FieldProblem(field, "date", field + " must be a date between " + EARLIEST_YEAR + " and " + LATEST_YEAR + "."));
      return null;
    }
    return date;
  }

  /**
   * Refuses a date after today ("field cannot be in the future", then the advice, if any, on what to do instead);
   * says whether it did. A missing date passes: {@link #date} has already said so.
   */
  public static boolean refuseFuture(LocalDate date, String field, LocalDate today, String advice, List<FieldProblem> problems) {
    if (date == null || !date.isAfter(today)) {
      return false;
    }
    problems.add(new FieldProblem(field, "not-in-future", field + " cannot be in the future" + (advice == null ? "." : ": " + advice + ".")));
    return true;
  }
}
