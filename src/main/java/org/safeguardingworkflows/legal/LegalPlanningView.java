package org.safeguardingworkflows.legal;

import java.time.LocalDate;
import java.time.LocalDate;
import java.util.List;

import org.safeguardingworkflows.tasks.OpenTask;

/**
 * Where a child's legal planning recommendation stands: open or ended, its current stage, its deadlines and what
 * has been decided. A recommendation that has ended still answers, with its outcome, so that nothing recommended
 * disappears from view.
 */
public record LegalPlanningView(
    String childRef,
    String processInstanceId,
    String status,
    List<String> stage,
    String origin,
    String reason,
    String recommendedBy,
    String originProcessInstanceId,
    String originProcessKey,
    String allocatedWorker,
    Deadlines deadlines,
    Outcome outcome,
    List<OpenTask> openTasks) {

  public static final String OPEN = "OPEN";
  public static final String ENDED = "ENDED";

  /**
   * The dates the process runs to (pre-proceedings dates only once pre-proceedings have started; the plan's review
   * date only when the meeting continued the current plan).
   */
  public record Deadlines(LocalDate requestedDate, LocalDate meetingDueDate, LocalDate ploStartDate,
      LocalDate ploDecisionDueDate, LocalDate ploEndDate, LocalDate planReviewDate) {}

  /** What has been decided so far (the review's decision once a continued plan has been reviewed). */
  public record Outcome(String legalPlanningOutcome, String ploDecision, LocalDate applicationDate, String planReviewDecision) {}

}
