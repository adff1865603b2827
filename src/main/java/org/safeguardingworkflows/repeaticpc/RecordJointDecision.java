package org.safeguardingworkflows.repeaticpc;

import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The joint decision is the senior manager's to record. A decision that includes a conference must show that
 * something else was considered (at least one alternative and why it was not chosen) and say what will be different
 * this time, so that the same actions are not simply applied again (briefing point 7).
 */
@WritesVariables({"decisionBy", "decisionDate", "legalPlanningMeetingBy"})
@Component("recordJointDecision")
public class RecordJointDecision implements TaskListener {

  private final ActingUser actingUser;
  private final WorkingDays workingDays;

  public RecordJointDecision(ActingUser actingUser, WorkingDays workingDays) {
    this.actingUser = actingUser;
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = actingUser.requireRole(task, Role.SENIOR_MANAGERS, "senior manager");
    String code = DECISION.from(task);
    if (!Decision.isCode(code)) {
      throw new FormFieldValidationException(DECISION.name(), "Choose the decision from the answers listed: an initial child protection conference, the legal route, both, or no conference.");
    }
    Decision decision = Decision.valueOf(code.toString());
    List<String> missing = new ArrayList<>();
    String field = WHAT_WILL_BE_DIFFERENT.name();
    if (decision.includesConference()) {
      List<Map<String, Object>> alternatives = ALTERNATIVES_CONSIDERED.from(task);
      boolean considered = alternatives.stream().anyMatch(row -> filled(row.get("framework"))
          && !"ICPC".equals(row.get("framework")) && filled(row.get("whyNotChosen")));
      if (!considered) {
        field = ALTERNATIVES_CONSIDERED.name();
        missing.add("at least one alternative to a conference that was considered, and why it was not chosen");
      }
      if (!filled(WHAT_WILL_BE_DIFFERENT.from(task))) {
        missing.add("what will be different this time");
      }
    }
    if (!missing.isEmpty()) {
      throw new FormFieldValidationException(field, "A decision to hold another conference must record " + String.join(" and ", missing) + ".");
    }
    if (LEGAL_PLANNING_MEETING_BY.from(task) == null) {
      // The legal route passes on the date the legal view asked for; a view that asked none (or a decision made
      // without it) passes on none, and legal planning keeps its configured timescale.
      LEGAL_PLANNING_MEETING_BY.setOn(task.getExecution(), null);
    }
    DECISION_BY.setOn(task.getExecution(), user);
    DECISION_DATE.setOn(task.getExecution(), workingDays.today());
  }
}
