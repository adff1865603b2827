package org.safeguardingworkflows.repeaticpc;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * A view counts only when it comes from a holder of the role: the team manager's view from a team manager, the
 * IRO's from an IRO, and so on, however the task is completed (Tasklist, {@code /engine-rest}, Java API). The
 * process then records who gave it ({@code teamManagerViewBy}...). Checked on the server; a refusal leaves the
 * task open.
 */
@Component("recordFourPartyView")
public class RecordFourPartyView implements TaskListener {

  private final ActingUser actingUser;

  public RecordFourPartyView(ActingUser actingUser) {
    this.actingUser = actingUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FourPartyView view = FourPartyView.ofTask(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("recordFourPartyView sits on a view task, not on " + task.getTaskDefinitionKey()));
    String user = actingUser.requireRole(task, view.role(), view.label());
    Object threshold = task.getVariable(view.thresholdVariable());
    if (threshold != null && !"MET".equals(threshold) && !"NOT_MET".equals(threshold)) {
      throw new FormFieldValidationException(view.thresholdVariable(), "Say whether the threshold is met (MET) or not (NOT_MET).");
    }
    Object framework = task.getVariable(view.frameworkVariable());
    if (framework != null && !Decision.isCode(framework)) {
      throw new FormFieldValidationException(view.frameworkVariable(),
          "The recommended framework must be ICPC, LEGAL_ROUTE, ICPC_AND_LEGAL_ROUTE or NO_CONFERENCE.");
    }
    task.getExecution().setVariable(view.viewByVariable(), user);
  }
}
