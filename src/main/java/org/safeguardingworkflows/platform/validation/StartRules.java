package org.safeguardingworkflows.platform.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.safeguardingworkflows.platform.RunningInstances;
import org.safeguardingworkflows.platform.web.FieldProblem;

/**
 * The rules a request to start a one-per-child process must meet, whichever way it arrives (domain API, Tasklist
 * start form, engine REST, another process's message): its fields' own rules (the request record's constraints), then
 * the rules across records that the capability adds, and at most one such process running per child. The API turns
 * each kind of breach into its own status (400, 409, 422); the process refuses them all the same way.
 */
public abstract class StartRules<T> {

  private final FieldRules fieldRules;
  private final RunningInstances runningInstances;
  private final String processKey;

  protected StartRules(FieldRules fieldRules, RunningInstances runningInstances, String processKey) {
    this.fieldRules = fieldRules;
    this.runningInstances = runningInstances;
    this.processKey = processKey;
  }

  /** Every problem at once, so the caller can fix them in one go: the fields' rules first. */
  public final List<FieldProblem> fieldProblems(T request) {
    List<FieldProblem> problems = new ArrayList<>(fieldRules.problems(request));
    addRulesAcrossRecords(request, problems);
    return problems;
  }

  /** The capability's rules that need other records (staff, teams, settings, today), added to the fields' problems. */
  protected abstract void addRulesAcrossRecords(T request, List<FieldProblem> problems);

  /** The process running for this child, other than {@code exceptInstanceId}, if any. */
  protected Optional<String> running(String childRef, String exceptInstanceId) {
    return runningInstances.of(processKey, childRef, exceptInstanceId);
  }

  /** Whether the fields' rules already refused this field (a rule across records then has nothing sound to read). */
  protected static boolean refused(String field, List<FieldProblem> problems) {
    return problems.stream().anyMatch(problem -> problem.field().equals(field));
  }
}
