package org.safeguardingworkflows.repeaticpc;

import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.plugin.variable.SpinValues;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The senior manager chasing missing views either keeps chasing or, when the statutory deadline would otherwise
 * be missed, overrides the four-party discussion. Only a senior manager can do either; an override needs reasons,
 * and the process records who overrode, when, and which views were missing, for the audit report.
 */
@Component("recordViewsChase")
public class RecordViewsChase implements TaskListener {

  public enum ChaseDecision { KEEP_CHASING, OVERRIDE }

  static final int OVERRIDE_REASONS_MIN_LENGTH = 20;

  private final ActingUser actingUser;
  private final WorkingDays workingDays;

  public RecordViewsChase(ActingUser actingUser, WorkingDays workingDays) {
    this.actingUser = actingUser;
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = actingUser.requireRole(task, Role.SENIOR_MANAGERS, "senior manager");
    Object decision = task.getVariable(CHASE_DECISION);
    if (!ChaseDecision.KEEP_CHASING.name().equals(decision) && !ChaseDecision.OVERRIDE.name().equals(decision)) {
      throw new FormFieldValidationException(CHASE_DECISION, "Choose whether to keep chasing the missing views or to override the discussion.");
    }
    if (ChaseDecision.OVERRIDE.name().equals(decision)) {
      Object reasons = task.getVariable(OVERRIDE_REASONS);
      if (reasons == null || reasons.toString().strip().length() < OVERRIDE_REASONS_MIN_LENGTH) {
        throw new FormFieldValidationException(OVERRIDE_REASONS, "An override needs reasons: say why the conference "
            + "would otherwise miss its statutory deadline and why the missing views cannot be waited for.");
      }
      List<String> missing = new ArrayList<>();
      for (FourPartyView view : FourPartyView.values()) {
        if (task.getVariable(view.viewByVariable()) == null) {
          missing.add(view.name());
        }
      }
      task.getExecution().setVariable(OVERRIDE_BY, user);
      task.getExecution().setVariable(OVERRIDE_DATE, workingDays.today().toString());
      task.getExecution().setVariable(VIEWS_MISSING_AT_OVERRIDE, SpinValues.jsonValue(toJson(missing)).create());
    }
  }

  private static String toJson(List<String> codes) {
    return codes.stream().map(code -> "\"" + code + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }
}
