package org.safeguardingworkflows.repeaticpc;

import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The senior manager chasing missing views either keeps chasing or, when the statutory deadline would otherwise
 * be missed, overrides the four-party discussion. Only a senior manager can do either; an override is possible only
 * within {@code safeguarding.repeat-icpc.override-within-working-days-of-icpc-deadline} working days of the ICPC
 * deadline (before that the conference can still be held on time with all four views); it needs reasons,
 * and the process records who overrode, when, and which views were missing, for the audit report.
 */
@Component("recordViewsChase")
public class RecordViewsChase implements TaskListener {

  public enum ChaseDecision { KEEP_CHASING, OVERRIDE }

  static final int OVERRIDE_REASONS_MIN_LENGTH = 20;
  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private final ActingUser actingUser;
  private final WorkingDays workingDays;
  private final RepeatIcpcSettings settings;

  public RecordViewsChase(ActingUser actingUser, WorkingDays workingDays, RepeatIcpcSettings settings) {
    this.actingUser = actingUser;
    this.workingDays = workingDays;
    this.settings = settings;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = actingUser.requireRole(task, Role.SENIOR_MANAGERS, "senior manager");
    String decision = CHASE_DECISION.from(task);
    if (!ChaseDecision.KEEP_CHASING.name().equals(decision) && !ChaseDecision.OVERRIDE.name().equals(decision)) {
      throw new FormFieldValidationException(CHASE_DECISION.name(), "Choose whether to keep chasing the missing views or to override the discussion.");
    }
    if (ChaseDecision.OVERRIDE.name().equals(decision)) {
      String reasons = OVERRIDE_REASONS.from(task);
      if (reasons == null || reasons.toString().strip().length() < OVERRIDE_REASONS_MIN_LENGTH) {
        throw new FormFieldValidationException(OVERRIDE_REASONS.name(), "An override needs reasons: say why the conference "
            + "would otherwise miss its statutory deadline and why the missing views cannot be waited for.");
      }
      LocalDate icpcDeadline = ICPC_DEADLINE.from(task);
      int window = settings.getOverrideWithinWorkingDaysOfIcpcDeadline();
      LocalDate today = workingDays.today();
      if (workingDays.addWorkingDays(today, window).isBefore(icpcDeadline)) {
        throw new FormFieldValidationException(CHASE_DECISION.name(), "The discussion can be overridden only when the conference "
            + "could not otherwise be held by its deadline of " + UK_DATE.format(icpcDeadline) + ", that is from "
            + UK_DATE.format(overridePossibleFrom(icpcDeadline, window)) + " (" + window + " working days before it). "
            + "Until then, keep chasing the missing views.");
      }
      List<String> missing = new ArrayList<>();
      for (FourPartyView view : FourPartyView.values()) {
        if (view.viewByVariable().from(task) == null) {
          missing.add(view.name());
        }
      }
      OVERRIDE_BY.setOn(task.getExecution(), user);
      OVERRIDE_DATE.setOn(task.getExecution(), workingDays.today());
      VIEWS_MISSING_AT_OVERRIDE.setOn(task.getExecution(), (missing));
    }
  }

  /** The first day from which {@code window} working days reach the deadline. */
  LocalDate overridePossibleFrom(LocalDate icpcDeadline, int window) {
    LocalDate day = icpcDeadline;
    while (workingDays.addWorkingDays(day.minusDays(1), window).compareTo(icpcDeadline) >= 0) {
      day = day.minusDays(1);
    }
    return day;
  }
}
