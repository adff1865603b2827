package org.safeguardingworkflows.repeaticpc;

import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * A view counts only when it comes from a holder of the role: the team manager's view from a team manager, the
 * IRO's from an IRO, and so on, however the task is completed (Tasklist, {@code /engine-rest}, Java API). The
 * process then records who gave it ({@code teamManagerViewBy}...). Checked on the server; a refusal leaves the
 * task open.
 *
 * <p>One person gives at most one of the four views, whatever groups they are in: a team manager who is also an IRO
 * gives the team manager's view or the IRO's, not both.
 *
 * <p>A form can submit any variable, so each view also restates what the process knows while the discussion is
 * open: the discussion is not complete, no override has been made, and a view whose task is still open has not
 * been given by anyone. The gate recomputes its own facts when the discussion ends.
 */
@WritesVariables({"fourPartyDiscussionComplete", "overrideUsed"})
@Component("recordFourPartyView")
public class RecordFourPartyView implements TaskListener {

  private final ActingUser actingUser;
  private final SystemAccess systemAccess;
  private final WorkingDays workingDays;

  public RecordFourPartyView(ActingUser actingUser, SystemAccess systemAccess, WorkingDays workingDays) {
    this.actingUser = actingUser;
    this.systemAccess = systemAccess;
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    FourPartyView view = FourPartyView.ofTask(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("recordFourPartyView sits on a view task, not on " + task.getTaskDefinitionKey()));
    String user = actingUser.requireRole(task, view.role(), view.label());
    String threshold = view.thresholdVariable().from(task);
    if (threshold != null && !"MET".equals(threshold) && !"NOT_MET".equals(threshold)) {
      throw new FormFieldValidationException(view.thresholdVariable().name(), "Say whether the threshold is met or not.");
    }
    String framework = view.frameworkVariable().from(task);
    if (framework != null && !Decision.isCode(framework)) {
      throw new FormFieldValidationException(view.frameworkVariable().name(),
          "Choose the recommended framework from the answers listed: an initial child protection conference, the legal route, both, or no conference.");
    }
    if (view == FourPartyView.LEGAL) {
      checkLegalAdvice(task);
    }
    Set<String> stillOpen = systemAccess.call(SystemAccess.Reason.PROCESS_READS_ITSELF, () -> task.getProcessEngineServices().getTaskService().createTaskQuery()
            .processInstanceId(task.getProcessInstanceId())
            .list())
        .stream()
        .filter(other -> !other.getId().equals(task.getId()))
        .map(Task::getTaskDefinitionKey)
        .collect(Collectors.toSet());
    for (FourPartyView other : FourPartyView.values()) {
      if (other != view && stillOpen.contains(other.taskKey())) {
        other.viewByVariable().setOn(task.getExecution(), null);
      }
    }
    // One person, one view: whatever groups they are in, the four views come from four people.
    for (FourPartyView other : FourPartyView.values()) {
      if (other != view && !stillOpen.contains(other.taskKey()) && user.equals(other.viewByVariable().from(task))) {
        throw new FormFieldValidationException(task.getTaskDefinitionKey(), "You have already given the " + other.label()
            + "'s view in this discussion, and one person gives only one of the four views: the " + view.label()
            + "'s view must come from someone else.");
      }
    }
    FOUR_PARTY_DISCUSSION_COMPLETE.setOn(task.getExecution(), false);
    OVERRIDE_USED.setOn(task.getExecution(), false);
    view.viewByVariable().setOn(task.getExecution(), user);
  }

  /**
   * Legal's view answers the legal questions (issue 15): is the threshold for care proceedings met, are pre-proceedings
   * recommended, and by when the team needs a legal planning meeting, which is required whenever the threshold is met
   * or pre-proceedings are recommended and cannot be in the past. The four-party decision itself still turns on the
   * recommended framework.
   */
  private void checkLegalAdvice(DelegateTask task) {
    String proceedings = LEGAL_PROCEEDINGS_THRESHOLD.from(task);
    String plo = LEGAL_PLO_RECOMMENDED.from(task);
    if (proceedings == null || !List.of("YES", "NO", "UNCLEAR").contains(proceedings.toString())) {
      throw new FormFieldValidationException(LEGAL_PROCEEDINGS_THRESHOLD.name(),
          "Say whether the threshold for care proceedings is met, not met, or not yet clear.");
    }
    if (plo == null || !List.of("YES", "NO").contains(plo.toString())) {
      throw new FormFieldValidationException(LEGAL_PLO_RECOMMENDED.name(), "Say whether you recommend pre-proceedings.");
    }
    if ("YES".equals(proceedings) || "YES".equals(plo)) {
      LocalDate meetingBy = LEGAL_PLANNING_MEETING_BY.from(task);
      if (meetingBy == null) {
        throw new FormFieldValidationException(LEGAL_PLANNING_MEETING_BY.name(), "Give the date by which a legal planning meeting "
            + "is needed: you found the threshold for proceedings met or recommend pre-proceedings.");
      }
      if (meetingBy.isBefore(workingDays.today())) {
        throw new FormFieldValidationException(LEGAL_PLANNING_MEETING_BY.name(),
            "The date by which a legal planning meeting is needed cannot be in the past.");
      }
    }
  }
}
