package org.safeguardingworkflows.planhistory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * The bad lines of an import file (CSV or CIN census XML), listed up to {@link #MAX_LISTED_PROBLEMS} and counted
 * beyond, so that a huge bad file cannot exhaust memory; refused as one problem+json naming each line and its rule.
 */
final class ImportProblems {

  /** Bad lines listed in one refusal; beyond this they are counted. */
  static final int MAX_LISTED_PROBLEMS = 100_000;

  private final List<FieldProblem> listed = new ArrayList<>();
  private final List<Long> lineNumbers = new ArrayList<>();
  private int count;

  void add(long lineNo, String rule, String message) {
    count++;
    if (listed.size() < MAX_LISTED_PROBLEMS) {
      listed.add(new FieldProblem("line " + lineNo, rule, "Line " + lineNo + ": " + message));
      lineNumbers.add(lineNo);
    }
  }

  int count() {
    return count;
  }

  /** The refusal, its problems in the order of their lines. */
  ApiProblem refusal(HttpStatus status, String title) {
    List<Integer> order = new ArrayList<>(listed.size());
    for (int i = 0; i < listed.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(lineNumbers::get));
    List<FieldProblem> sorted = order.stream().map(listed::get).toList();
    long badLines = lineNumbers.stream().distinct().count();
    String detail = "The file has " + (count > listed.size() ? "more than " + badLines : badLines) + " bad line(s) ("
        + count + " problem(s)" + (count > listed.size() ? ", the first " + listed.size() + " listed" : "")
        + "); nothing was imported.";
    return new ApiProblem(status, title, detail, sorted);
  }
}
