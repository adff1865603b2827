package org.safeguardingworkflows.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.safeguardingworkflows.children.ConcernReviewVariables.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.CoverageOf;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.FullProcessCoverage;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * One scenario per path through the review of a concern raised when no step-down journey is running: a re-referral
 * within a year of a step-down, a review for the team otherwise, each decision, the strategy discussion, a late
 * decision chased by a senior manager, and a change of team manager while the review is open. The engine clock
 * starts on Monday 2 March 2026 at 9:00.
 */
@ApplicationTest
@TestExecutionListeners(listeners = FullProcessCoverage.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@CoverageOf(ConcernReviewVariables.PROCESS_KEY)
class ConcernReviewScenariosTest {

  static final LocalDate MONDAY_2_MARCH_2026 = LocalDate.of(2026, 3, 2);

  @Autowired ProcessEngine engine;
  @Autowired ChildRecord childRecord;
  ConcernReviewDriver concern;

  @BeforeEach
  void startOnAMondayMorning() {
    BpmnAwareTests.init(engine);
    EngineClock.setTo(MONDAY_2_MARCH_2026, LocalTime.of(9, 0));
    concern = new ConcernReviewDriver(engine, childRecord);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void aRecurrenceFourMonthsAfterStepDownIsAReReferral_reviewedAgainstTheContingencyPlanWithinOneWorkingDay() {
    concern.steppedDown(LocalDate.of(2025, 4, 14), LocalDate.of(2025, 11, 1)).raised("RECURRENCE");

    assertThat(concern.review).isWaitingAtExactly("Task_HoldReReferralReview");
    var review = concern.task("Task_HoldReReferralReview");
    assertThat(review.getAssignee()).isEqualTo(TestStaff.TEAM_MANAGER);
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .contains(TestStaff.TEAM).doesNotContain("team-managers");
    // A recurrence: a decision within one working day (Working Together 2023), by the end of Tuesday.
    assertThat(EngineClock.inLondon(review.getDueDate())).isEqualTo(endOfDay(2026, 3, 3));
    assertThat(EngineClock.inLondon(concern.timer("Event_ReReferralReviewLate").getDuedate())).isEqualTo(endOfDay(2026, 3, 3));
    assertThat(engine.getTaskService().getVariable(review.getId(), MONTHS_SINCE_STEP_DOWN.name())).isEqualTo(4);
    assertThat(engine.getTaskService().getVariable(review.getId(), STEP_DOWN_ENDED_ON.name())).isEqualTo("2025-11-01");
    assertThat(engine.getTaskService().getVariable(review.getId(), CONTINGENCY_PLAN.name()).toString())
        .contains("Strategy discussion considered the same day");
    var raised = childRecord.entriesOf(concern.childRef, ChildEvent.Kind.CONCERN_RAISED);
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).details()).containsEntry("concernKind", "RECURRENCE").containsEntry("monthsSinceStepDown", 4)
        .containsEntry("concernSummary", "School reports the children have missed eight days this month");
    assertThat(raised.get(0).processKey()).isEqualTo(PROCESS_KEY);

    concern.decide("Task_HoldReReferralReview", "NO_FURTHER_ACTION");
    assertThat(concern.review).isEnded().hasPassed("End_NoFurtherAction");
    var decision = childRecord.entriesOf(concern.childRef, ChildEvent.Kind.CONCERN_DECISION);
    assertThat(decision).hasSize(1);
    assertThat(decision.get(0).details()).containsEntry("concernDecision", "NO_FURTHER_ACTION");
    assertThat(childRecord.entriesOf(concern.childRef, ChildEvent.Kind.JOURNEY_ENDED).get(0).details())
        .containsEntry("reason", "No further action");
  }

  @Test
  void aConcernMoreThanAYearAfterStepDownIsReviewedByTheTeam_disengagementWithinFiveWorkingDays() {
    concern.steppedDown(LocalDate.of(2024, 9, 2), LocalDate.of(2025, 3, 1)).raised("DISENGAGEMENT");

    assertThat(concern.review).isWaitingAtExactly("Task_ReviewConcern");
    assertThat(concern.variable(AFTER_STEP_DOWN.name())).isEqualTo(false);
    var review = concern.task("Task_ReviewConcern");
    assertThat(review.getAssignee()).as("offered to the team's managers").isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .contains(TestStaff.TEAM);
    assertThat(EngineClock.inLondon(review.getDueDate())).isEqualTo(endOfDay(2026, 3, 9));
    assertThat(childRecord.entriesOf(concern.childRef, ChildEvent.Kind.CONCERN_RAISED).get(0).details())
        .doesNotContainKey("monthsSinceStepDown");

    concern.decide("Task_ReviewConcern", "EARLY_HELP");
    assertThat(concern.review).isEnded().hasPassed("End_ReferredToEarlyHelp");
  }

  @Test
  void aNewReferralOfAChildNeverSteppedDownIsDecidedInOneWorkingDay_andMayLeadToAnAssessment() {
    concern.raised("NEW_REFERRAL");
    assertThat(concern.review).isWaitingAtExactly("Task_ReviewConcern");
    assertThat(EngineClock.inLondon(concern.task("Task_ReviewConcern").getDueDate())).isEqualTo(endOfDay(2026, 3, 3));
    concern.decide("Task_ReviewConcern", "ASSESSMENT");
    assertThat(concern.review).isEnded().hasPassed("End_AssessmentStarted");
  }

  @Test
  void withdrawnConsentCanLeadToAStrategyDiscussion_whoseOutcomeIsRecordedOnceHeld() {
    concern.raised("CONSENT_WITHDRAWN").decide("Task_ReviewConcern", "STRATEGY_DISCUSSION");
    assertThat(concern.review).isWaitingAtExactly("Task_RecordStrategyDiscussionOutcome");
    assertThat(concern.task("Task_RecordStrategyDiscussionOutcome").getAssignee()).isEqualTo(TestStaff.TEAM_MANAGER);

    assertThatThrownBy(() -> concern.recordStrategyDiscussion(ConcernReviewDriver.today().plusDays(1)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("cannot be in the future");
    concern.recordStrategyDiscussion(ConcernReviewDriver.today());
    assertThat(concern.review).isEnded().hasPassed("End_StrategyDiscussionHeld");
    var discussion = childRecord.entriesOf(concern.childRef, ChildEvent.Kind.STRATEGY_DISCUSSION);
    assertThat(discussion).hasSize(1);
    assertThat(discussion.get(0).details()).containsEntry("section47Decided", "YES");
  }

  @Test
  void aLateReReferralDecisionGoesToASeniorManager_whileTheReviewStaysOpen() {
    concern.steppedDown(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 12, 1)).raised("NEW_REFERRAL")
        .whenTimerFires("Event_ReReferralReviewLate");
    assertThat(concern.review).isWaitingAt("Task_HoldReReferralReview", "Task_ChaseLateReReferralReview");
    var chase = concern.task("Task_ChaseLateReReferralReview");
    assertThat(engine.getTaskService().getIdentityLinksForTask(chase.getId())).extracting(IdentityLink::getGroupId)
        .contains("senior-managers");
    concern.chase("Task_ChaseLateReReferralReview");
    assertThat(concern.review).hasPassed("End_ReReferralReviewChased").isWaitingAtExactly("Task_HoldReReferralReview");
    concern.decide("Task_HoldReReferralReview", "STRATEGY_DISCUSSION");
    assertThat(concern.review).isWaitingAtExactly("Task_RecordStrategyDiscussionOutcome");
  }

  @Test
  void aLateTeamDecisionGoesToASeniorManager_whileTheReviewStaysOpen() {
    concern.raised("DISENGAGEMENT").whenTimerFires("Event_ConcernReviewLate");
    assertThat(EngineClock.today()).as("five working days on").isEqualTo(LocalDate.of(2026, 3, 9));
    concern.chase("Task_ChaseLateConcernReview");
    assertThat(concern.review).hasPassed("End_ConcernReviewChased").isWaitingAtExactly("Task_ReviewConcern");
    concern.decide("Task_ReviewConcern", "NO_FURTHER_ACTION");
    assertThat(concern.review).isEnded();
  }

  @Test
  void aNewTeamManagerTakesTheOpenReReferralReview() {
    concern.steppedDown(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 12, 1)).raised("RECURRENCE")
        .changed("TEAM_MANAGER", "tm.three");
    assertThat(concern.review).hasPassed("End_HandoverComplete").isWaitingAtExactly("Task_HoldReReferralReview");
    assertThat(concern.task("Task_HoldReReferralReview").getAssignee()).isEqualTo("tm.three");
    assertThat(concern.variable(TEAM_MANAGER.name())).isEqualTo("tm.three");
  }

  private static ZonedDateTime endOfDay(int year, int month, int day) {
    return LocalDate.of(year, month, day).atTime(17, 0).atZone(EngineClock.LONDON);
  }
}
