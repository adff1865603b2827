package org.safeguardingworkflows.children;

import static org.safeguardingworkflows.children.ConcernReviewVariables.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * First step of a concern review: writes the concern in the child's record and reads there what the review needs. A
 * concern within the re-referral window after a step-down journey ended (the newest JOURNEY_ENDED of a step-down
 * journey) is a re-referral: the review shows the months since and the contingency plan of the newest step-down
 * meeting. The decision is due in working days from today, sooner for a new referral or a recurrence.
 */
@WritesVariables({"concernRaisedOn", "decisionDueDate", "afterStepDown", "stepDownEndedOn", "monthsSinceStepDown"})
@Component("recordConcernRaised")
public class RecordConcernRaised implements JavaDelegate {

  private final ChildRecord childRecord;
  private final ConcernSettings settings;
  private final WorkingDays workingDays;

  public RecordConcernRaised(ChildRecord childRecord, ConcernSettings settings, WorkingDays workingDays) {
    this.childRecord = childRecord;
    this.settings = settings;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String childRef = execution.getProcessBusinessKey();
    String kind = CONCERN_KIND.from(execution);
    LocalDate today = workingDays.today();
    CONCERN_RAISED_ON.setOn(execution, today);
    DECISION_DUE_DATE.setOn(execution,
        workingDays.addWorkingDays(today, settings.decisionDueWorkingDays(kind)));

    Map<String, Object> details = new LinkedHashMap<>();
    CONCERN_KIND.putIn(details, kind);
    CONCERN_SUMMARY.putIn(details, CONCERN_SUMMARY.from(execution));
    Optional<LocalDate> stepDownEnded = childRecord.entriesOf(childRef, ChildEvent.Kind.JOURNEY_ENDED).stream()
        .filter(entry -> StepDownVariables.PROCESS_KEY.equals(entry.processKey()))
        .map(ChildEvent::date)
        .findFirst()
        .filter(ended -> !ended.plus(settings.reReferralPeriod()).isBefore(today));
    AFTER_STEP_DOWN.setOn(execution, stepDownEnded.isPresent());
    STEP_DOWN_ENDED_ON.setOn(execution, stepDownEnded.orElse(null));
    Integer months = stepDownEnded.map(ended -> (int) Period.between(ended, today).toTotalMonths()).orElse(null);
    MONTHS_SINCE_STEP_DOWN.setOn(execution, months);
    if (stepDownEnded.isPresent()) {
      details.put("monthsSinceStepDown", months);
      details.put("stepDownEndedOn", stepDownEnded.get().toString());
      Object plan = childRecord.entriesOf(childRef, ChildEvent.Kind.STEP_DOWN_MEETING).stream()
          .findFirst().map(meeting -> meeting.details().get(StepDownVariables.CONTINGENCY_PLAN.name())).orElse(null);
      CONTINGENCY_PLAN.setOn(execution, plan instanceof List<?> ? CONTINGENCY_PLAN.read(plan) : null);
    } else {
      CONTINGENCY_PLAN.setOn(execution, null);
    }
    childRecord.record(ChildEvent.of(childRef, today, ChildEvent.Kind.CONCERN_RAISED,
        RAISED_BY.from(execution), PROCESS_KEY, execution.getProcessInstanceId(), details));
  }
}
