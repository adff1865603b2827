package org.safeguardingworkflows.repeaticpc;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguardingworkflows.stepdown.StepDownVariables;
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

  /** A plan the child had with another authority, as declared when it mattered (the child record's entry). */
  public record PlanElsewhere(String authority, LocalDate planStart, LocalDate planEnd) {}

  /**
   * What the history says at the time of the proposal: this authority's ended plans, and plans held elsewhere as
   * declared; the last plan to end of either kind ({@code lastPlanEnd}, and its IRO when it was this authority's).
   */
  public record Snapshot(
      List<CpPlan> previousPlans,
      List<PlanElsewhere> plansElsewhere,
      LocalDate lastPlanEnd,
      long monthsSinceLastPlan,
      boolean withinRepeatWindow,
      String previousIro,
      String continuityIro,
      String lastStepDownInstanceId,
      List<Map<String, Object>> lastContingencyPlan,
      List<Map<String, Object>> lastStepDownConcerns,
      Integer workerChangesDuringStepDown) {

    public int numberOfPreviousPlans() {
      return previousPlans.size() + plansElsewhere.size();
    }

    /** The previous plans, in order of their start, as rows for the forms' tables and the API. */
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
      for (PlanElsewhere plan : plansElsewhere) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("planStart", plan.planStart().toString());
        row.put("planEnd", plan.planEnd().toString());
        row.put("heldBy", plan.authority());
        rows.add(row);
      }
      rows.sort(Comparator.comparing(row -> (String) row.get("planStart")));
      return rows;
    }
  }

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

  /**
   * The history of a child with at least one ended plan, here or declared as held elsewhere (see
   * {@link ProposalRules}).
   */
  public Snapshot of(String childRef, LocalDate strategyDiscussion) {
    List<CpPlan> previous = planHistory.plansOf(childRef).stream()
        .filter(plan -> !plan.isOpen())
        .sorted(Comparator.comparing(CpPlan::planStart))
        .toList();
    List<PlanElsewhere> elsewhere = childRecord.entriesOf(childRef, Kind.OTHER_AUTHORITY_PLAN).stream()
        .map(ChildHistory::planElsewhere)
        .distinct()
        .sorted(Comparator.comparing(PlanElsewhere::planStart))
        .toList();
    Optional<CpPlan> lastHere = previous.stream().max(Comparator.comparing(CpPlan::planEnd));
    Optional<PlanElsewhere> lastElsewhere = elsewhere.stream().max(Comparator.comparing(PlanElsewhere::planEnd));
    boolean lastWasHere = lastHere.isPresent()
        && (lastElsewhere.isEmpty() || !lastHere.get().planEnd().isBefore(lastElsewhere.get().planEnd()));
    LocalDate lastEnd = lastWasHere ? lastHere.get().planEnd() : lastElsewhere.orElseThrow().planEnd();
    long months = Math.max(0, ChronoUnit.MONTHS.between(lastEnd, strategyDiscussion));
    boolean within = !strategyDiscussion.isAfter(lastEnd.plus(settings.repeatWindowPeriod()));
    // Another authority's IRO cannot chair here: continuity of chair only when the last plan was this authority's.
    String previousIro = lastWasHere ? lastHere.get().iro() : null;
    String continuityIro = previousIro != null && staff.hasRole(previousIro, Role.IROS) ? previousIro : null;

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
          .map(meeting -> StepDownVariables.CONTINGENCY_PLAN.from(meeting.details()))
          .orElse(List.of());
      concerns = concerns(childRef, stepDownId);
      workerChanges = workerChanges(childRef, stepDownId);
    }
    return new Snapshot(previous, elsewhere, lastEnd, months, within, previousIro, continuityIro, stepDownId, contingency,
        concerns, workerChanges);
  }

  private static PlanElsewhere planElsewhere(ChildEvent declared) {
    return new PlanElsewhere(RepeatIcpcVariables.EARLIER_PLAN_AUTHORITY.from(declared.details()),
        RepeatIcpcVariables.EARLIER_PLAN_START.from(declared.details()),
        RepeatIcpcVariables.EARLIER_PLAN_END.from(declared.details()));
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
      row.put("kind", StepDownVariables.CONCERN_KIND.from(concern.details()));
      row.put("summary", StepDownVariables.CONCERN_SUMMARY.from(concern.details()));
      row.put("reviewDecision", i < decisions.size() ? StepDownVariables.CONTINGENCY_DECISION.from(decision) : "NOT_YET_DECIDED");
      row.put("reviewReasons", StepDownVariables.CONTINGENCY_REASONS.from(decision));
      row.put("agreedActions", StepDownVariables.AGREED_ACTIONS.from(decision));
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
