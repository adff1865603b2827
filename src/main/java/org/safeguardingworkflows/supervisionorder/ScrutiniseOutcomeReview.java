package org.safeguardingworkflows.supervisionorder;

import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.repeaticpc.ActingUser;
import org.safeguardingworkflows.security.Role;
import org.springframework.stereotype.Component;

/**
 * A team manager scrutinises every outcome review (issue 14: "supervision orders need outcome scrutiny"): someone
 * in the team managers' group who did not write the review and is not the supervising worker agrees it or sends it
 * back with reasons. A review that found no progress, or an outcome worse for the child, cannot simply be agreed:
 * the team manager escalates it, to a strategy discussion or to legal planning. Checked on the server, whichever
 * client completes the task; a refusal leaves the task open.
 */
@WritesVariables({"scrutinisedBy"})
@Component("scrutiniseOutcomeReview")
public class ScrutiniseOutcomeReview implements TaskListener {

  private final ActingUser actingUser;

  public ScrutiniseOutcomeReview(ActingUser actingUser) {
    this.actingUser = actingUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = actingUser.requireRole(task, Role.TEAM_MANAGERS, "team manager");
    if (user.equals(OUTCOME_REVIEW_BY.from(task)) || user.equals(ALLOCATED_WORKER.from(task))) {
      throw new FormFieldValidationException(SCRUTINY_DECISION.name(),
          "An outcome review is scrutinised by a team manager other than the worker who wrote it: ask another team manager.");
    }
    String decision = SCRUTINY_DECISION.from(task);
    if (!isOneOf(ScrutinyDecision.class, decision)) {
      throw new FormFieldValidationException(SCRUTINY_DECISION.name(), "Agree the review or send it back to the worker.");
    }
    if (!filled(SCRUTINY_REASONS.from(task))) {
      throw new FormFieldValidationException(SCRUTINY_REASONS.name(), "Give your reasons: what the worker must change, or why you agree.");
    }
    SCRUTINISED_BY.setOn(task.getExecution(), user);
    if (ScrutinyDecision.SEND_BACK.name().equals(decision)) {
      REVIEW_ESCALATION.setOn(task.getExecution(), ReviewEscalation.NONE.name());
      OUTCOME_REVIEW_SENT_BACK.setOn(task.getExecution(), true);
      return;
    }
    String escalation = REVIEW_ESCALATION.from(task);
    if (!isOneOf(ReviewEscalation.class, escalation)) {
      throw new FormFieldValidationException(REVIEW_ESCALATION.name(),
          "Say whether the review is escalated: not at all, to a strategy discussion, or to legal planning.");
    }
    List<String> notProgressing = ValidateOutcomeReview.notProgressing(OUTCOME_REVIEWS.from(task));
    if (ReviewEscalation.NONE.name().equals(escalation) && !notProgressing.isEmpty()) {
      throw new FormFieldValidationException(REVIEW_ESCALATION.name(), "The review found no progress, or a worse position for the child, on "
          + String.join(", ", notProgressing) + ": escalate it to a strategy discussion or to legal planning.");
    }
  }
}
