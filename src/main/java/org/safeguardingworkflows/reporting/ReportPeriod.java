package org.safeguardingworkflows.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;

/** A reported period as a client writes it ({@code from} and {@code to}, yyyy-MM-dd, inclusive), checked the same everywhere. */
public record ReportPeriod(LocalDate from, LocalDate to) {

  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final Pattern MONTH = Pattern.compile("^\\d{4}-\\d{2}$");

  /** Both dates required; 400 problem+json naming each bad field otherwise. */
  public static ReportPeriod parse(String from, String to) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate start = date("from", from, problems);
    LocalDate end = date("to", to, problems);
    if (start != null && end != null && end.isBefore(start)) {
      problems.add(new FieldProblem("to", "not-before-from", "to cannot be before from."));
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    return new ReportPeriod(start, end);
  }

  /** The last month of a monthly series (yyyy-MM). */
  public static YearMonth month(String field, String value) {
    try {
      if (value != null && MONTH.matcher(value).matches()) {
        return YearMonth.parse(value);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw ApiProblem.invalid(List.of(new FieldProblem(field, "month", field + " must be a month written as yyyy-MM.")));
  }

  private static LocalDate date(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "required", field + " is required (yyyy-MM-dd)."));
      return null;
    }
    try {
      if (DATE.matcher(value).matches()) {
        return LocalDate.parse(value);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add(new FieldProblem(field, "date", field + " must be a date written as yyyy-MM-dd."));
    return null;
  }
}
