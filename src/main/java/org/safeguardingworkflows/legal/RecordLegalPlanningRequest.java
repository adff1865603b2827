package org.safeguardingworkflows.legal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.tasks.DeployedForm;
import org.springframework.stereotype.Component;

/**
 * First step of every legal planning, whichever start event it came through: checks the recommendation against
 * {@link LegalPlanningRules} and records when it was made and when the meeting is due. A recommendation made
 * in Tasklist is recorded as made directly by the user who started it.
 * <p>
 * The meeting is due by the date the legal view said it is needed by ({@code meetingNeededBy}, carried by the
 * repeat-ICPC decision), but never later than the configured timescale, and not before today: a date that has
 * passed while the decision was made makes the meeting due at once. The diagram's due date and both escalation
 * timers count from {@code meetingDueDate}.
 */
@WritesVariables({"childRef", "reason", "recommendedBy", "origin", "allocatedWorker", "requestedDate", "meetingDueDate", "workerChanges"})
@Component("recordLegalPlanningRequest")
public class RecordLegalPlanningRequest implements JavaDelegate {

  private final LegalPlanningRules rules;
  private final PlanHistory planHistory;
  private final LegalPlanningSettings settings;
  private final WorkingDays workingDays;

  public RecordLegalPlanningRequest(LegalPlanningRules rules, LegalPlanningSettings settings, WorkingDays workingDays, PlanHistory planHistory) {
    this.planHistory = planHistory;
    this.rules = rules;
    this.settings = settings;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LegalPlanningRequest request = LegalPlanningRequest.from(execution.getVariables());
    // Refused here, the start comes back to the form that sent it: each field is named as the form showed it.
    List<String> problems = new ArrayList<>(
        DeployedForm.inTheStartFormsWords(rules.fieldProblems(request), execution));
    if (problems.isEmpty()) {
      // One at a time per child: the check below then sees a journey another start has just committed.
      planHistory.lockChild(request.childRef());
      rules.openRequest(request.childRef(), execution.getProcessInstanceId()).ifPresent(other ->
          problems.add("This child already has a legal planning recommendation open: it must be decided before another is made."));
    }
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(LegalPlanningVariables.CHILD_REF.name(), String.join(" ", problems));
    }
    LocalDate today = workingDays.today();
    execution.setVariables(request.toVariables());
    LegalPlanningVariables.REQUESTED_DATE.setOn(execution, today);
    LocalDate latest = workingDays.addWorkingDays(today, settings.getMeetingDueWorkingDays());
    LocalDate neededBy = LegalPlanningVariables.MEETING_NEEDED_BY.from(execution);
    LocalDate due = neededBy == null || neededBy.isAfter(latest) ? latest : neededBy.isBefore(today) ? today : neededBy;
    LegalPlanningVariables.MEETING_DUE_DATE.setOn(execution, due);
    LegalPlanningVariables.WORKER_CHANGES.setOn(execution, 0);
  }
}
