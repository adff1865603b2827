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
import org.safeguardingworkflows.platform.VariableValues;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * First step of a concern review: writes the concern in the child's record and reads there what the review needs. A
 * concern within the re-referral window after a step-down journey ended (the newest JOURNEY_ENDED of a step-down
 * journey) is a re-referral: the review shows the months since and the contingency plan of the newest step-down
 * meeting. The decision is due in working days from today, sooner for a new referral or a recurrence.
 */
@WritesVariables({CONCERN_RAISED_ON, DECISION_DUE_DATE, AFTER_STEP_DOWN, STEP_DOWN_ENDED_ON, MONTHS_SINCE_STEP_DOWN})
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
    String kind = (String) execution.getVariable(CONCERN_KIND);
    LocalDate today = workingDays.today();
    execution.setVariable(CONCERN_RAISED_ON, today.toString());
    execution.setVariable(DECISION_DUE_DATE,
        workingDays.addWorkingDays(today, settings.decisionDueWorkingDays(kind)).toString());

    Map<String, Object> details = new LinkedHashMap<>();
    details.put(CONCERN_KIND, kind);
    details.put(CONCERN_SUMMARY, execution.getVariable(CONCERN_SUMMARY));
    Optional<LocalDate> stepDownEnded = childRecord.entriesOf(childRef, ChildEvent.Kind.JOURNEY_ENDED).stream()
        .filter(entry -> StepDownVariables.PROCESS_KEY.equals(entry.processKey()))
        .map(ChildEvent::date)
        .findFirst()
        .filter(ended -> !ended.plus(settings.reReferralPeriod()).isBefore(today));
    execution.setVariable(AFTER_STEP_DOWN, stepDownEnded.isPresent());
    execution.setVariable(STEP_DOWN_ENDED_ON, stepDownEnded.map(LocalDate::toString).orElse(null));
    Integer months = stepDownEnded.map(ended -> (int) Period.between(ended, today).toTotalMonths()).orElse(null);
    execution.setVariable(MONTHS_SINCE_STEP_DOWN, months);
    if (stepDownEnded.isPresent()) {
      details.put("monthsSinceStepDown", months);
      details.put("stepDownEndedOn", stepDownEnded.get().toString());
      Object plan = childRecord.entriesOf(childRef, ChildEvent.Kind.STEP_DOWN_MEETING).stream()
          .findFirst().map(meeting -> meeting.details().get(StepDownVariables.CONTINGENCY_PLAN)).orElse(null);
      execution.setVariable(CONTINGENCY_PLAN, plan instanceof List<?> rows ? VariableValues.json(rows) : null);
    } else {
      execution.setVariable(CONTINGENCY_PLAN, null);
    }
    childRecord.record(ChildEvent.of(childRef, today, ChildEvent.Kind.CONCERN_RAISED,
        (String) execution.getVariable(RAISED_BY), PROCESS_KEY, execution.getProcessInstanceId(), details));
  }
}
