package org.safeguardingworkflows.repeaticpc;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildEvent.Kind;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.Staff;
import org.springframework.stereotype.Component;

/**
 * The child's whole history as the four-party discussion needs it in front of it (briefing points 2, 5 and 6):
 * every previous plan and how it ended, how long ago the last one ended, and what happened on the last step-down
 * journey: its contingency plan, the concerns raised and what the team manager decided about each, and how often
 * the worker changed. Read from the child record (the plans and the chronology), never from another process's
 * variables: a process owner may rename those in Modeler, and the story must not change with them.
 */
@Component
public class ChildHistory {

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

  /** The names the step-down meeting and the contingency review record under (their forms' fields). */
  static final String CONTINGENCY_PLAN = "contingencyPlan";
  static final String CONCERN_KIND = "concernKind";
  static final String CONCERN_SUMMARY = "concernSummary";
  static final String CONTINGENCY_DECISION = "contingencyDecision";
  static final String CONTINGENCY_REASONS = "contingencyReasons";
  static final String AGREED_ACTIONS = "agreedActions";

  private final PlanHistory planHistory;
  private final ChildRecord childRecord;
  private final Staff staff;
  private final RepeatIcpcSettings settings;

  public ChildHistory(PlanHistory planHistory, ChildRecord childRecord, Staff staff, RepeatIcpcSettings settings) {
    this.planHistory = planHistory;
    this.childRecord = childRecord;
    this.staff = staff;
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
      contingency = childRecord.entriesOfProcess(childRef, stepDownId, Kind.STEP_DOWN_MEETING).stream()
          .reduce((earlier, later) -> later)
          .map(meeting -> RepeatIcpcVariables.rows(meeting.details().get(CONTINGENCY_PLAN)))
          .orElse(List.of());
      concerns = concerns(childRef, stepDownId);
      workerChanges = workerChanges(childRef, stepDownId);
    }
    return new Snapshot(previous, last, months, within, previousIro, continuityIro, stepDownId, contingency, concerns,
        workerChanges);
  }

  /**
   * One row per concern raised on the journey: when, what it was, and what the team manager decided, with reasons and
   * the agreed actions. Each concern opens one contingency review, in turn, so the n-th decision answers the n-th
   * concern; a concern not decided yet says so.
   */
  private List<Map<String, Object>> concerns(String childRef, String stepDownId) {
    List<ChildEvent> raised = childRecord.entriesOfProcess(childRef, stepDownId, Kind.CONCERN_RAISED);
    List<ChildEvent> decisions = childRecord.entriesOfProcess(childRef, stepDownId, Kind.CONCERN_DECISION);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < raised.size(); i++) {
      ChildEvent concern = raised.get(i);
      Map<String, Object> decision = i < decisions.size() ? decisions.get(i).details() : Map.of();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("raisedOn", concern.date().toString());
      row.put("kind", concern.details().get(CONCERN_KIND));
      row.put("summary", concern.details().get(CONCERN_SUMMARY));
      row.put("reviewDecision", i < decisions.size() ? decision.get(CONTINGENCY_DECISION) : "NOT_YET_DECIDED");
      row.put("reviewReasons", decision.get(CONTINGENCY_REASONS));
      row.put("agreedActions", decision.get(AGREED_ACTIONS));
      rows.add(row);
    }
    return rows;
  }

  /** Changes of the child's social worker while the journey ran (the audit: work "started again" each time). */
  private int workerChanges(String childRef, String stepDownId) {
    List<ChildEvent> journey = childRecord.entriesOfProcess(childRef, stepDownId, Kind.JOURNEY_STARTED, Kind.JOURNEY_ENDED);
    LocalDate from = journey.isEmpty() ? LocalDate.MIN : journey.get(0).date();
    LocalDate to = journey.stream().filter(entry -> entry.kind() == Kind.JOURNEY_ENDED).map(ChildEvent::date)
        .findFirst().orElse(LocalDate.MAX);
    return (int) childRecord.entriesOf(childRef, Kind.WORKER_CHANGED).stream()
        .filter(change -> !change.date().isBefore(from) && !change.date().isAfter(to))
        .filter(change -> !(change.details().get("role") instanceof String role) || "SOCIAL_WORKER".equals(role))
        .count();
  }
}
