package org.safeguardingworkflows.repeaticpc;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.Staff;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The child's whole history as the four-party discussion needs it in front of it (briefing points 2, 5 and 6):
 * every previous plan and how it ended, how long ago the last one ended, and what happened on the last step-down
 * journey: its contingency plan, the concerns raised and what the team manager decided about each, and how often
 * the worker changed. Read from the plan history and from the engine's history of the step-down journey.
 */
@Component
public class ChildHistory {

  static final String CONTINGENCY_REVIEW_TASK = "Task_HoldContingencyReview";

  /** What the history says at the time of the proposal. */
  public record Snapshot(
      List<CpPlan> previousPlans,
      CpPlan lastPlan,
      long monthsSinceLastPlan,
      boolean withinRepeatWindow,
      String previousIro,
      String continuityIro,
      String lastStepDownInstanceId,
      List<Map<String, Object>> lastContingencyPlan,
      List<Map<String, Object>> lastStepDownConcerns,
      Integer workerChangesDuringStepDown) {

    /** The previous plans as rows for the forms' tables and the API. */
    public List<Map<String, Object>> planRows() {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (CpPlan plan : previousPlans) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("planStart", plan.planStart().toString());
        row.put("planEnd", plan.planEnd().toString());
        row.put("initialCategory", plan.initialCategory());
        row.put("latestCategory", plan.latestCategory());
        row.put("iro", plan.iro());
        row.put("stepDownDestination", plan.stepDownDestination());
        row.put("stepDownOutcome", plan.stepDownOutcome());
        rows.add(row);
      }
      return rows;
    }
  }

  private final PlanHistory planHistory;
  private final HistoryService historyService;
  private final SystemAccess systemAccess;
  private final Staff staff;
  private final WorkingDays workingDays;
  private final RepeatIcpcSettings settings;

  public ChildHistory(PlanHistory planHistory, HistoryService historyService, SystemAccess systemAccess, Staff staff,
      WorkingDays workingDays, RepeatIcpcSettings settings) {
    this.planHistory = planHistory;
    this.historyService = historyService;
    this.systemAccess = systemAccess;
    this.staff = staff;
    this.workingDays = workingDays;
    this.settings = settings;
  }

  /** The history of a child with at least one ended plan (see {@link ProposalRules#notARepeat(String)}). */
  public Snapshot of(String childRef, LocalDate strategyDiscussion) {
    List<CpPlan> previous = planHistory.plansOf(childRef).stream()
        .filter(plan -> !plan.isOpen())
        .sorted(Comparator.comparing(CpPlan::planStart))
        .toList();
    CpPlan last = previous.stream().max(Comparator.comparing(CpPlan::planEnd)).orElseThrow();
    long months = Math.max(0, ChronoUnit.MONTHS.between(last.planEnd(), strategyDiscussion));
    boolean within = !strategyDiscussion.isAfter(last.planEnd().plus(settings.repeatWindowPeriod()));
    String previousIro = last.iro();
    String continuityIro = staff.hasRole(previousIro, Role.IROS) ? previousIro : null;

    Optional<CpPlan> lastStepDown = previous.stream()
        .filter(plan -> plan.stepDownInstanceId() != null)
        .max(Comparator.comparing(CpPlan::planEnd));
    String stepDownId = lastStepDown.map(CpPlan::stepDownInstanceId).orElse(null);
    List<Map<String, Object>> contingency = List.of();
    List<Map<String, Object>> concerns = List.of();
    Integer workerChanges = null;
    if (stepDownId != null) {
      contingency = systemAccess.call(() -> rows(latestValue(stepDownId, StepDownVariables.CONTINGENCY_PLAN)));
      concerns = systemAccess.call(() -> concerns(stepDownId));
      Object changes = systemAccess.call(() -> plainValue(latestValue(stepDownId, StepDownVariables.WORKER_CHANGES)));
      workerChanges = changes instanceof Number number ? number.intValue() : null;
    }
    return new Snapshot(previous, last, months, within, previousIro, continuityIro, stepDownId, contingency, concerns,
        workerChanges);
  }

  /**
   * One row per contingency review of the step-down journey: when the concern was raised, what it was, and what the
   * team manager decided, with reasons and the agreed actions. Each reported concern starts exactly one review. The
   * concern's kind and summary are written on the journey itself each time one is reported (the execution holding the
   * review's message start event receives them), so the n-th value written belongs to the n-th review; the decision
   * is what was written when that review task was completed.
   */
  private List<Map<String, Object>> concerns(String stepDownId) {
    List<Object> kinds = updatesOf(stepDownId, StepDownVariables.CONCERN_KIND);
    List<Object> summaries = updatesOf(stepDownId, StepDownVariables.CONCERN_SUMMARY);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<HistoricActivityInstance> reviews = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(stepDownId)
        .activityId(CONTINGENCY_REVIEW_TASK)
        .orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc()
        .list();
    for (int i = 0; i < reviews.size(); i++) {
      HistoricActivityInstance review = reviews.get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("raisedOn", localDate(review.getStartTime()));
      row.put("kind", i < kinds.size() ? kinds.get(i) : null);
      row.put("summary", i < summaries.size() ? summaries.get(i) : null);
      Map<String, Object> decision = updatesIn(review.getId());
      row.put("reviewDecision", review.getEndTime() == null ? "NOT_YET_DECIDED" : decision.get(StepDownVariables.CONTINGENCY_DECISION));
      row.put("reviewReasons", decision.get(StepDownVariables.CONTINGENCY_REASONS));
      row.put("agreedActions", decision.get(StepDownVariables.AGREED_ACTIONS));
      rows.add(row);
    }
    return rows;
  }

  /** Every value this variable was given on the journey itself (not in a local scope), oldest first. */
  private List<Object> updatesOf(String processInstanceId, String name) {
    List<Object> values = new ArrayList<>();
    List<String> instanceIds = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableName(name)
        .includeDeleted()
        .disableCustomObjectDeserialization()
        .list().stream()
        // The journey's own value only: each contingency review also keeps a local copy of its concern.
        .filter(variable -> processInstanceId.equals(variable.getActivityInstanceId()))
        .map(HistoricVariableInstance::getId).toList();
    for (String instanceId : instanceIds) {
      for (HistoricDetail detail : historyService.createHistoricDetailQuery()
          .variableInstanceId(instanceId)
          .variableUpdates()
          .disableCustomObjectDeserialization()
          .orderPartiallyByOccurrence().asc()
          .list()) {
        if (detail instanceof HistoricVariableUpdate update) {
          values.add(plainValue(update.getTypedValue()));
        }
      }
    }
    return values;
  }

  /**
   * The variable values written while this activity instance (a user task) was completed. A task whose form opens
   * blank also removes last time's answers when it is created; those removals are not answers and are skipped.
   */
  private Map<String, Object> updatesIn(String activityInstanceId) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (HistoricDetail detail : historyService.createHistoricDetailQuery()
        .activityInstanceId(activityInstanceId)
        .variableUpdates()
        .disableCustomObjectDeserialization()
        .orderPartiallyByOccurrence().asc()
        .list()) {
      if (detail instanceof HistoricVariableUpdate update) {
        Object value = plainValue(update.getTypedValue());
        if (value != null) {
          values.put(update.getVariableName(), value);
        }
      }
    }
    return values;
  }

  private TypedValue latestValue(String processInstanceId, String name) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableName(name)
        .disableCustomObjectDeserialization()
        .list().stream()
        .max(Comparator.comparing(HistoricVariableInstance::getCreateTime))
        .map(HistoricVariableInstance::getTypedValue)
        .orElse(null);
  }

  /**
   * A value as plain Java: numbers, booleans, Java lists and maps as they are; JSON (Spin, or an object still in its
   * serialized JSON form) as its text; anything else as text.
   */
  private static Object plainValue(TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value instanceof ObjectValue object && !object.isDeserialized()) {
      return object.getValueSerialized();
    }
    Object plain = value.getValue();
    if (plain == null || plain instanceof Number || plain instanceof Boolean || plain instanceof Collection<?> || plain instanceof Map<?, ?>) {
      return plain;
    }
    return plain.toString();
  }

  private static List<Map<String, Object>> rows(TypedValue value) {
    return RepeatIcpcVariables.rows(plainValue(value));
  }

  private String localDate(Date date) {
    return date == null ? null : workingDays.localDate(date).toString();
  }
}
