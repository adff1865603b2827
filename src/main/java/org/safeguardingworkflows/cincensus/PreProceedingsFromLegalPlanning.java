package org.safeguardingworkflows.cincensus;

import org.safeguardingworkflows.platform.ProcessVariable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.legal.LegalPlanningVariables;
import org.springframework.stereotype.Component;

/**
 * The pre-proceedings (Public Law Outline) a child went through, for the census's {@code PreProceedingsandFGDM} block
 * (from the 2026-27 census), read from the child record's legal planning entries, never from the engine: each legal
 * planning recommendation that went into pre-proceedings gives one block. Only dates, a count and an outcome code are
 * read from the entries; their text (advice, reasons, notes) is not.
 */
@Component
public class PreProceedingsFromLegalPlanning {

  /** One recommendation's pre-proceedings; fields are null where the record has nothing (never guessed). */
  public record PreProceedings(LocalDate start, LocalDate letterBeforeProceedings, LocalDate initialMeeting, int reviews,
      LocalDate decision, String outcome, LocalDate courtApplication) {}

  /** Outcomes that end pre-proceedings (continuing or extending them is not an outcome). */
  static final List<String> OUTCOMES = List.of(LegalPlanningVariables.PloDecision.STEP_DOWN_FROM_PLO.name(),
      LegalPlanningVariables.PloDecision.ISSUE_PROCEEDINGS.name());

  private final ChildRecord childRecord;

  public PreProceedingsFromLegalPlanning(ChildRecord childRecord) {
    this.childRecord = childRecord;
  }

  /**
   * The child's pre-proceedings that ran at some time in the census year (started by its reference date, not decided
   * before its first day), from what was recorded by the reference date.
   */
  public List<PreProceedings> of(String childRef, LocalDate yearStart, LocalDate referenceDate) {
    Map<String, List<ChildEvent>> byRecommendation = new LinkedHashMap<>();
    List<ChildEvent> entries = new ArrayList<>(childRecord.entriesOf(childRef, ChildEvent.Kind.LEGAL_PLANNING_MEETING,
        ChildEvent.Kind.LEGAL_OUTCOME));
    // Oldest first.
    entries.sort((a, b) -> a.date().equals(b.date()) ? Long.compare(a.id(), b.id()) : a.date().compareTo(b.date()));
    for (ChildEvent entry : entries) {
      if (LegalPlanningVariables.PROCESS_KEY.equals(entry.processKey()) && entry.processInstanceId() != null
          && !entry.date().isAfter(referenceDate)) {
        byRecommendation.computeIfAbsent(entry.processInstanceId(), id -> new ArrayList<>()).add(entry);
      }
    }
    List<PreProceedings> result = new ArrayList<>();
    for (List<ChildEvent> recommendation : byRecommendation.values()) {
      PreProceedings pre = preProceedings(recommendation);
      boolean endedBefore = pre != null && pre.decision() != null && pre.decision().isBefore(yearStart)
          && (pre.courtApplication() == null || pre.courtApplication().isBefore(yearStart));
      if (pre != null && !endedBefore) {
        result.add(pre);
      }
    }
    return result;
  }

  private static PreProceedings preProceedings(List<ChildEvent> entries) {
    LocalDate start = null;
    LocalDate letter = null;
    LocalDate meeting = null;
    int reviews = 0;
    LocalDate decision = null;
    String outcome = null;
    LocalDate application = null;
    for (ChildEvent entry : entries) {
      Map<String, Object> details = entry.details();
      if (start == null && (is(details, LegalPlanningVariables.LEGAL_PLANNING_OUTCOME,
              LegalPlanningVariables.Outcome.PRE_PROCEEDINGS.name())
          || is(details, LegalPlanningVariables.PLAN_REVIEW_DECISION,
              LegalPlanningVariables.PlanReviewDecision.ESCALATE_TO_PRE_PROCEEDINGS.name()))) {
        start = entry.date();
      }
      if (details.get(LegalPlanningVariables.LETTER_SENT_DATE.name()) != null) {
        letter = entry.date();
      }
      if (details.get(LegalPlanningVariables.PRE_PROCEEDINGS_MEETING_DATE.name()) != null) {
        meeting = entry.date();
      }
      if (details.get(LegalPlanningVariables.PLO_PROGRESS.name()) != null) {
        reviews++;
      }
      for (ProcessVariable<String> decisionField : List.of(LegalPlanningVariables.PLO_DECISION, LegalPlanningVariables.PLO_EXTENSION_DECISION)) {
        String value = decisionField.from(details);
        if (decision == null && value != null && OUTCOMES.contains(value)) {
          decision = entry.date();
          outcome = value;
        }
      }
      if (details.get(LegalPlanningVariables.APPLICATION_DATE.name()) != null && start != null) {
        application = entry.date();
      }
    }
    return start == null ? null : new PreProceedings(start, letter, meeting, reviews, decision, outcome, application);
  }

  private static boolean is(Map<String, Object> details, ProcessVariable<String> field, String code) {
    return code.equals(field.from(details));
  }
}
