package org.safeguardingworkflows.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.safeguardingworkflows.legal.LegalPlanningVariables.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.children.HandOverToTheNewHolder;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.CoverageOf;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.FullProcessCoverage;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * One scenario per path through legal planning: both ways in, every outcome of the meeting and of
 * pre-proceedings, every timer and escalation, and a change of worker. Runs on PostgreSQL with the real delegates;
 * the engine clock starts on Monday 2 March 2026.
 */
@ApplicationTest
@TestExecutionListeners(listeners = FullProcessCoverage.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@CoverageOf(LegalPlanningVariables.PROCESS_KEY)
class LegalPlanningScenariosTest {

  static final LocalDate MONDAY_2_MARCH_2026 = LocalDate.of(2026, 3, 2);

  @Autowired ProcessEngine engine;
  @Autowired ChildRecord childRecord;
  LegalPlanningDriver recommendation;

  @BeforeEach
  void startOnAMondayMorning() {
    BpmnAwareTests.init(engine);
    EngineClock.setTo(MONDAY_2_MARCH_2026, LocalTime.of(9, 0));
    recommendation = new LegalPlanningDriver(engine);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void aTeamManagerRecommendsAMeetingDirectly_andTheMeetingDecidesToContinueTheCurrentPlan() {
    recommendation.recommendedDirectlyBy(TestStaff.TEAM_MANAGER, null);
    assertThat(recommendation.legalPlanning).isWaitingAtExactly("Task_HoldLegalPlanningMeeting");
    assertThat(recommendation.variable(RECOMMENDED_BY.name())).as("the user who started it").isEqualTo(TestStaff.TEAM_MANAGER);
    assertThat(recommendation.variable(ORIGIN.name())).isEqualTo("DIRECT");
    assertThat(recommendation.variable(ALLOCATED_WORKER.name())).isNull();
    assertThat(recommendation.variable(REQUESTED_DATE.name())).isEqualTo("2026-03-02");
    // Ten working days after Monday 2 March 2026 is Monday 16 March.
    assertThat(recommendation.variable(MEETING_DUE_DATE.name())).isEqualTo("2026-03-16");
    var meeting = recommendation.task("Task_HoldLegalPlanningMeeting");
    assertThat(meeting.getName()).isEqualTo("Hold the legal planning meeting - " + recommendation.childRef);
    assertThat(meeting.getDescription()).isNotBlank();
    assertThat(EngineClock.inLondon(meeting.getDueDate())).isEqualTo(endOfDay(2026, 3, 16));
    assertThat(engine.getTaskService().getIdentityLinksForTask(meeting.getId()))
        .extracting(IdentityLink::getGroupId).contains(TestStaff.TEAM).doesNotContain("team-managers");

    recommendation.holdMeeting("CONTINUE_CURRENT_PLAN");
    assertThat(recommendation.legalPlanning).isWaitingAtExactly("Event_PlanReviewDue");
    assertThat(recommendation.variable(PLAN_REVIEW_DATE.name())).isEqualTo("2026-04-13");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(recommendation.legalPlanning.getId()).count())
        .as("the escalation timers end with the meeting; the review timer is the only one").isEqualTo(1);
    assertThat(EngineClock.inLondon(recommendation.timer("Event_PlanReviewDue").getDuedate())).isEqualTo(endOfDay(2026, 4, 13));

    recommendation.whenTimerFires("Event_PlanReviewDue");
    var review = recommendation.task("Task_ReviewCurrentPlan");
    assertThat(review.getName()).isEqualTo("Review the current plan - " + recommendation.childRef);
    // Five working days after Monday 13 April 2026.
    assertThat(EngineClock.inLondon(review.getDueDate())).isEqualTo(endOfDay(2026, 4, 20));
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .extracting(IdentityLink::getGroupId).contains(TestStaff.TEAM).doesNotContain("team-managers");

    recommendation.reviewCurrentPlan("CONTINUE_CURRENT_PLAN");
    assertThat(recommendation.legalPlanning).isEnded().hasPassed("Gateway_CurrentPlanReview", "End_CurrentPlanContinues")
        .hasNotPassed("Task_SendLetterBeforeProceedings");
    assertThat(recommendation.historicVariable(LEGAL_PLANNING_OUTCOME.name())).isEqualTo("CONTINUE_CURRENT_PLAN");
    assertThat(recommendation.historicVariable(PLAN_REVIEW_DECISION.name())).isEqualTo("CONTINUE_CURRENT_PLAN");
  }

  @Test
  void aContinuedPlanWhoseReviewFindsTooLittleChangeEscalatesToPreProceedings() {
    recommendation.recommendedDirectlyBy(TestStaff.TEAM_MANAGER, TestStaff.WORKER).holdMeeting("CONTINUE_CURRENT_PLAN")
        .whenTimerFires("Event_PlanReviewDue");
    recommendation.reviewCurrentPlan("ESCALATE_TO_PRE_PROCEEDINGS");
    assertThat(recommendation.legalPlanning).hasPassed("Gateway_EnterPreProceedings").hasNotPassed("End_CurrentPlanContinues")
        .isWaitingAtExactly("Task_SendLetterBeforeProceedings");
    assertThat(recommendation.task("Task_SendLetterBeforeProceedings").getAssignee()).isEqualTo(TestStaff.WORKER);
    recommendation.sendLetter().holdPreProceedingsMeeting();
    assertThat(recommendation.legalPlanning).isWaitingAt("Event_PloReviewDue", "Event_PloDecisionDue");
  }

  @Test
  void continuingTheCurrentPlanNeedsAReviewDateInTheFuture_andTheReviewNeedsItsDecision() {
    recommendation.recommendedDirectlyBy(TestStaff.TEAM_MANAGER, null);
    Map<String, Object> noDate = LegalPlanningDriver.meeting("CONTINUE_CURRENT_PLAN");
    noDate.remove(PLAN_REVIEW_DATE.name());
    assertThatThrownBy(() -> recommendation.complete("Task_HoldLegalPlanningMeeting", noDate))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Continuing the current plan needs a review date");
    Map<String, Object> today = LegalPlanningDriver.meeting("CONTINUE_CURRENT_PLAN");
    today.put(PLAN_REVIEW_DATE.name(), MONDAY_2_MARCH_2026.toString());
    assertThatThrownBy(() -> recommendation.complete("Task_HoldLegalPlanningMeeting", today))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("must be in the future, not 02/03/2026");
    assertThat(recommendation.legalPlanning).isWaitingAtExactly("Task_HoldLegalPlanningMeeting");

    recommendation.holdMeeting("CONTINUE_CURRENT_PLAN").whenTimerFires("Event_PlanReviewDue");
    assertThatThrownBy(() -> recommendation.complete("Task_ReviewCurrentPlan", Map.of(PLAN_REVIEW_DECISION.name(), "WAIT_AND_SEE")))
        .isInstanceOf(FormFieldValidationException.class);
    assertThatThrownBy(() -> recommendation.complete("Task_ReviewCurrentPlan", Map.of(WHAT_HAS_CHANGED.name(), "Little",
        PLAN_REVIEW_DECISION.name(), "WAIT_AND_SEE", PLAN_REVIEW_REASONS.name(), "Unsure")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Choose the decision from the answers listed");
    assertThat(recommendation.legalPlanning).isWaitingAtExactly("Task_ReviewCurrentPlan");
  }

  @Test
  void aRepeatIcpcDecisionStartsLegalPlanningByMessage_andTheMeetingIssuesProceedings() {
    recommendation.requestedByAnotherProcess("REPEAT_ICPC");
    assertThat(recommendation.legalPlanning).hasPassed("StartEvent_RequestedByAnotherProcess")
        .isWaitingAtExactly("Task_HoldLegalPlanningMeeting");
    assertThat(engine.getRuntimeService().getVariables(recommendation.legalPlanning.getId()))
        .containsEntry(ORIGIN.name(), "REPEAT_ICPC")
        .containsEntry(RECOMMENDED_BY.name(), TestStaff.SENIOR_MANAGER)
        .containsEntry(ORIGIN_PROCESS_INSTANCE_ID.name(), "repeat-icpc-instance-1")
        .containsEntry(ORIGIN_PROCESS_KEY.name(), "repeatIcpc")
        .containsEntry(ALLOCATED_WORKER.name(), TestStaff.WORKER);
    assertThat(recommendation.legalPlanning.getBusinessKey()).isEqualTo(recommendation.childRef);

    recommendation.holdMeeting("ISSUE_PROCEEDINGS");
    assertThat(recommendation.legalPlanning).isWaitingAtExactly("Task_RecordApplicationToCourt");
    assertThat(engine.getTaskService().getIdentityLinksForTask(recommendation.task("Task_RecordApplicationToCourt").getId()))
        .extracting(IdentityLink::getGroupId).contains("legal", TestStaff.TEAM).doesNotContain("team-managers");
    recommendation.recordApplication();
    assertThat(recommendation.legalPlanning).isEnded().hasPassed("Gateway_IssueProceedings", "End_ProceedingsIssued")
        .hasNotPassed("Task_SendLetterBeforeProceedings");
    assertThat(recommendation.historicVariable(APPLICATION_DATE.name())).isEqualTo("2026-03-02");
    assertThat(recommendation.historicVariable(LEGAL_PLANNING_OUTCOME.name())).isEqualTo("ISSUE_PROCEEDINGS");
  }

  @Test
  void aMeetingNeededSoonerThanTheTimescaleIsDueOnThatDate_andItsEscalationsFollow() {
    recommendation.requestedByAnotherProcessNeededBy("REPEAT_ICPC", LocalDate.of(2026, 3, 9));
    assertThat(EngineClock.inLondon(recommendation.task("Task_HoldLegalPlanningMeeting").getDueDate())).isEqualTo(endOfDay(2026, 3, 9));
    assertThat(EngineClock.inLondon(recommendation.timer("Event_MeetingOverdue").getDuedate())).isEqualTo(endOfDay(2026, 3, 9));
    // Five working days after that due date (Monday 9 March) is Monday 16 March.
    assertThat(EngineClock.inLondon(recommendation.timer("Event_MeetingStillNotHeld").getDuedate())).isEqualTo(endOfDay(2026, 3, 16));
    recommendation.whenTimerFires("Event_MeetingOverdue");
    assertThat(recommendation.legalPlanning).isWaitingAt("Task_HoldLegalPlanningMeeting", "Task_ChaseLegalPlanningMeeting");
  }

  @Test
  void aMeetingNeededLaterThanTheTimescaleIsDueAtTheEndOfTheTimescale() {
    recommendation.requestedByAnotherProcessNeededBy("REPEAT_ICPC", LocalDate.of(2026, 4, 30));
    assertThat(EngineClock.inLondon(recommendation.task("Task_HoldLegalPlanningMeeting").getDueDate())).isEqualTo(endOfDay(2026, 3, 16));
    assertThat(EngineClock.inLondon(recommendation.timer("Event_MeetingOverdue").getDuedate())).isEqualTo(endOfDay(2026, 3, 16));
    assertThat(EngineClock.inLondon(recommendation.timer("Event_MeetingStillNotHeld").getDuedate())).isEqualTo(endOfDay(2026, 3, 23));
  }

  @Test
  void anOverdueMeetingEscalatesToSeniorManagers_andAgainAtTheHighestPriority_whileTheMeetingStaysOpen() {
    recommendation.recommendedDirectlyBy(TestStaff.TEAM_MANAGER, TestStaff.WORKER);
    assertThat(EngineClock.inLondon(recommendation.timer("Event_MeetingOverdue").getDuedate())).isEqualTo(endOfDay(2026, 3, 16));
    // Five working days after the due date (Monday 16 March) is Monday 23 March.
    assertThat(EngineClock.inLondon(recommendation.timer("Event_MeetingStillNotHeld").getDuedate())).isEqualTo(endOfDay(2026, 3, 23));

    recommendation.whenTimerFires("Event_MeetingOverdue");
    assertThat(recommendation.legalPlanning).isWaitingAt("Task_HoldLegalPlanningMeeting", "Task_ChaseLegalPlanningMeeting");
    var chase = recommendation.task("Task_ChaseLegalPlanningMeeting");
    assertThat(engine.getTaskService().getIdentityLinksForTask(chase.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("senior-managers");
    assertThat(chase.getPriority()).isEqualTo(50);
    recommendation.chase("Task_ChaseLegalPlanningMeeting");
    assertThat(recommendation.legalPlanning).hasPassed("End_MeetingChased").isWaitingAt("Task_HoldLegalPlanningMeeting");

    recommendation.whenTimerFires("Event_MeetingStillNotHeld");
    var escalation = recommendation.task("Task_EscalateLegalPlanningMeeting");
    assertThat(escalation.getPriority()).as("highest task priority").isEqualTo(100);
    assertThat(engine.getTaskService().getIdentityLinksForTask(escalation.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("senior-managers");
    recommendation.chase("Task_EscalateLegalPlanningMeeting");
    assertThat(recommendation.legalPlanning).hasPassed("End_MeetingEscalated").isWaitingAtExactly("Task_HoldLegalPlanningMeeting");

    recommendation.holdMeeting("CONTINUE_CURRENT_PLAN");
    assertThat(recommendation.legalPlanning).as("the escalations end with the meeting").isWaitingAtExactly("Event_PlanReviewDue");
  }

  @Test
  void preProceedingsRunToTheirClock_withFourWeeklyReviews_andStepDownAtTheDecisionPoint() {
    recommendation.recommendedDirectlyBy(TestStaff.TEAM_MANAGER, TestStaff.WORKER).holdMeeting("PRE_PROCEEDINGS");
    var letter = recommendation.task("Task_SendLetterBeforeProceedings");
    assertThat(letter.getAssignee()).isEqualTo(TestStaff.WORKER);
    // Five working days after Monday 2 March is Monday 9 March.
    assertThat(EngineClock.inLondon(letter.getDueDate())).isEqualTo(endOfDay(2026, 3, 9));
    recommendation.sendLetter();
    // The pre-proceedings meeting: seven working days after the letter (Monday 2 March) is Wednesday 11 March.
    assertThat(EngineClock.inLondon(recommendation.task("Task_HoldPreProceedingsMeeting").getDueDate())).isEqualTo(endOfDay(2026, 3, 11));
    recommendation.holdPreProceedingsMeeting();

    assertThat(recommendation.legalPlanning).hasPassed("Task_StartPreProceedingsClock")
        .isWaitingAt("Event_PloReviewDue", "Event_PloDecisionDue");
    assertThat(recommendation.variable(PLO_START_DATE.name())).isEqualTo("2026-03-02");
    assertThat(recommendation.variable(PLO_DECISION_DUE_DATE.name())).as("week 12").isEqualTo("2026-05-25");
    assertThat(recommendation.variable(PLO_END_DATE.name())).as("week 16").isEqualTo("2026-06-22");
    assertThat(recommendation.timer("Event_PloReviewDue").getDuedate()).isEqualTo(daysFromNow(28));
    assertThat(EngineClock.inLondon(recommendation.timer("Event_PloDecisionDue").getDuedate())).isEqualTo(endOfDay(2026, 5, 25));

    recommendation.whenTimerFires("Event_PloReviewDue");
    assertThat(recommendation.task("Task_ReviewPreProceedings").getAssignee()).isEqualTo(TestStaff.WORKER);
    recommendation.review("SOME");
    recommendation.whenTimerFires("Event_PloReviewDue");
    assertThat(engine.getTaskService().getVariables(recommendation.task("Task_ReviewPreProceedings").getId()))
        .as("a review opens blank").doesNotContainKeys(PLO_PROGRESS.name(), PLO_REVIEW_NOTES.name());
    recommendation.review("GOOD");
    assertThat(recommendation.legalPlanning).isWaitingAt("Event_PloReviewDue", "Event_PloDecisionDue");

    recommendation.whenTimerFires("Event_PloDecisionDue");
    assertThat(engine.getTaskService().getIdentityLinksForTask(recommendation.task("Task_DecidePreProceedings").getId()))
        .extracting(IdentityLink::getGroupId).contains(TestStaff.TEAM).doesNotContain("team-managers");
    recommendation.decide("STEP_DOWN_FROM_PLO");
    assertThat(recommendation.legalPlanning).isEnded().hasPassed("End_PloSteppedDown", "End_SteppedDownFromPlo");
    assertThat(recommendation.historicVariable(PLO_DECISION.name())).isEqualTo("STEP_DOWN_FROM_PLO");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(recommendation.legalPlanning.getId()).count())
        .as("the review and time-limit timers end with pre-proceedings").isZero();
  }

  @Test
  void aDecisionToIssueProceedingsInPreProceedingsEndsWithTheApplicationToCourt() {
    recommendation.inPreProceedings().whenTimerFires("Event_PloDecisionDue").decide("ISSUE_PROCEEDINGS");
    assertThat(recommendation.legalPlanning).hasPassed("End_PloIssueProceedings", "Gateway_PreProceedingsOutcome")
        .isWaitingAtExactly("Task_RecordApplicationToCourt");
    recommendation.recordApplication();
    assertThat(recommendation.legalPlanning).isEnded().hasPassed("End_ProceedingsIssued");
    assertThat(recommendation.historicVariable(PLO_DECISION.name())).isEqualTo("ISSUE_PROCEEDINGS");
  }

  @Test
  void continuingPastTheTimeLimitNeedsASeniorManagersApproval_forAStatedNumberOfWeeks() {
    recommendation.inPreProceedings().whenTimerFires("Event_PloDecisionDue").decide("CONTINUE_PRE_PROCEEDINGS");
    assertThat(recommendation.legalPlanning).isWaitingAt("Event_PloTimeLimitReached", "Event_PloReviewDue");
    assertThat(EngineClock.inLondon(recommendation.timer("Event_PloTimeLimitReached").getDuedate())).isEqualTo(endOfDay(2026, 6, 22));

    recommendation.whenTimerFires("Event_PloTimeLimitReached");
    var atTimeLimit = recommendation.task("Task_DecideAtTimeLimit");
    assertThat(engine.getTaskService().getIdentityLinksForTask(atTimeLimit.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("senior-managers");

    recommendation.seniorManagerDecides("APPROVE_EXTENSION", 4);
    assertThat(recommendation.variable(PLO_END_DATE.name())).as("four weeks on").isEqualTo("2026-07-20");
    assertThat(recommendation.variable(PLO_EXTENSIONS.name())).isEqualTo(1);
    assertThat(recommendation.variable(PLO_DECISION.name())).isEqualTo("CONTINUE_PRE_PROCEEDINGS");
    assertThat(recommendation.legalPlanning).hasPassed("Gateway_ExtensionApproved", "Gateway_AwaitTimeLimit").isWaitingAt("Event_PloTimeLimitReached", "Event_PloReviewDue");
    assertThat(EngineClock.inLondon(recommendation.timer("Event_PloTimeLimitReached").getDuedate())).isEqualTo(endOfDay(2026, 7, 20));

    recommendation.whenTimerFires("Event_PloTimeLimitReached");
    assertThat(engine.getTaskService().getVariables(recommendation.task("Task_DecideAtTimeLimit").getId()))
        .as("the second decision opens blank").doesNotContainKeys(PLO_EXTENSION_DECISION.name(), PLO_EXTENSION_WEEKS.name());
    recommendation.seniorManagerDecides("ISSUE_PROCEEDINGS", null);
    assertThat(recommendation.legalPlanning).hasPassed("End_PloIssueAtTimeLimit").isWaitingAtExactly("Task_RecordApplicationToCourt");
    assertThat(recommendation.variable(PLO_DECISION.name())).isEqualTo("ISSUE_PROCEEDINGS");
    recommendation.recordApplication();
    assertThat(recommendation.legalPlanning).isEnded().hasPassed("End_ProceedingsIssued");
  }

  @Test
  void preProceedingsStillUndecidedAtTheTimeLimitEscalateToASeniorManager_whoMayStepDown() {
    recommendation.inPreProceedings().whenTimerFires("Event_PloDecisionDue");
    assertThat(recommendation.legalPlanning).isWaitingAt("Task_DecidePreProceedings");
    recommendation.whenTimerFires("Event_UndecidedAtTimeLimit");
    assertThat(recommendation.legalPlanning).hasPassed("Event_UndecidedAtTimeLimit")
        .isWaitingAt("Task_DecideAtTimeLimit", "Event_PloReviewDue").isNotWaitingAt("Task_DecidePreProceedings");

    recommendation.seniorManagerDecides("STEP_DOWN_FROM_PLO", null);
    assertThat(recommendation.legalPlanning).isEnded().hasPassed("End_PloSteppedDownAtTimeLimit", "End_SteppedDownFromPlo");
    assertThat(recommendation.historicVariable(PLO_DECISION.name())).isEqualTo("STEP_DOWN_FROM_PLO");
  }

  @Test
  void anExtensionMustStateItsLengthInWeeks_withinTheConfiguredMaximum() {
    recommendation.inPreProceedings().whenTimerFires("Event_PloDecisionDue").decide("CONTINUE_PRE_PROCEEDINGS")
        .whenTimerFires("Event_PloTimeLimitReached");
    assertThatThrownBy(() -> recommendation.seniorManagerDecides("APPROVE_EXTENSION", null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("whole weeks, from 1 to 8");
    assertThatThrownBy(() -> recommendation.seniorManagerDecides("APPROVE_EXTENSION", 9))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("from 1 to 8");
    assertThat(recommendation.legalPlanning).isWaitingAt("Task_DecideAtTimeLimit");
    assertThat(recommendation.variable(PLO_END_DATE.name())).isEqualTo("2026-06-22");
  }

  @Test
  void theOutcomeCannotBeRecordedWithoutTheLegalTeam_orForAMeetingNotYetHeld() {
    recommendation.recommendedDirectlyBy(TestStaff.TEAM_MANAGER, TestStaff.WORKER);
    Map<String, Object> withoutLawyer = LegalPlanningDriver.meeting("PRE_PROCEEDINGS");
    withoutLawyer.put(LEGAL_REPRESENTATIVE.name(), TestStaff.WORKER);
    assertThatThrownBy(() -> recommendation.complete("Task_HoldLegalPlanningMeeting", withoutLawyer))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("is not a member of the legal team");

    Map<String, Object> future = LegalPlanningDriver.meeting("PRE_PROCEEDINGS");
    future.put(MEETING_DATE.name(), "2026-03-04");
    assertThatThrownBy(() -> recommendation.complete("Task_HoldLegalPlanningMeeting", future))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("cannot be in the future");

    Map<String, Object> noReasons = LegalPlanningDriver.meeting("PRE_PROCEEDINGS");
    noReasons.remove(LEGAL_PLANNING_REASONS.name());
    assertThatThrownBy(() -> recommendation.complete("Task_HoldLegalPlanningMeeting", noReasons))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("is required");
    assertThat(recommendation.legalPlanning).isWaitingAtExactly("Task_HoldLegalPlanningMeeting");
  }

  @Test
  void theDatesAlongTheLegalRouteKeepTheirOrder() {
    EngineClock.setTo(MONDAY_2_MARCH_2026.plusDays(7), LocalTime.of(9, 0));
    recommendation.recommendedDirectlyBy(TestStaff.TEAM_MANAGER, TestStaff.WORKER).holdMeeting("PRE_PROCEEDINGS");
    assertThatThrownBy(() -> recommendation.complete("Task_SendLetterBeforeProceedings",
        Map.of(LETTER_SENT_DATE.name(), "2026-03-02", LETTER_SENT_TO.name(), "Both parents")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("the letter before proceedings (02/03/2026) cannot be before the legal planning meeting (09/03/2026)");
    recommendation.sendLetter();
    assertThatThrownBy(() -> recommendation.complete("Task_HoldPreProceedingsMeeting", Map.of(PRE_PROCEEDINGS_MEETING_DATE.name(), "2026-03-20",
        PARENTS_ATTENDED.name(), "NO", PARENTS_LEGALLY_REPRESENTED.name(), "NO", PRE_PROCEEDINGS_PLAN.name(), "Plan")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("pre-proceedings meeting cannot be in the future");
    assertThat(recommendation.legalPlanning).isWaitingAtExactly("Task_HoldPreProceedingsMeeting");
  }

  @Test
  void anIroOrTheLegalTeamRecommendsAMeetingDirectly_forTheTeamOfTheWorkerTheyName() {
    recommendation.recommendedDirectlyBy(TestStaff.IRO, TestStaff.WORKER);
    assertThat(recommendation.legalPlanning).isWaitingAtExactly("Task_HoldLegalPlanningMeeting");
    assertThat(recommendation.variable(RECOMMENDED_BY.name())).isEqualTo(TestStaff.IRO);
    assertThat(recommendation.variable(Teams.TEAM.name())).as("the worker's team").isEqualTo(TestStaff.TEAM);

    LegalPlanningDriver byLegal = new LegalPlanningDriver(engine).recommendedDirectlyBy(TestStaff.LEGAL, TestStaff.SECOND_WORKER);
    assertThat(byLegal.variable(RECOMMENDED_BY.name())).isEqualTo(TestStaff.LEGAL);
    assertThat(byLegal.variable(Teams.TEAM.name())).isEqualTo(TestStaff.SECOND_TEAM);

    LegalPlanningDriver noWorker = new LegalPlanningDriver(engine);
    // From Tasklist the journey's team is settled as it starts: without a worker it has none (the API says which field).
    assertThatThrownBy(() -> noWorker.recommendedDirectlyBy(TestStaff.LEGAL, null))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("belongs to no team");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(noWorker.childRef).count()).isZero();
  }

  @Test
  void onlyATeamManagerAnIroOrTheLegalTeamRecommendDirectly() {
    Map<String, Object> byAWorker = new java.util.HashMap<>();
    byAWorker.put(CHILD_REF.name(), recommendation.childRef);
    byAWorker.put(REASON.name(), LegalPlanningDriver.REASONS);
    byAWorker.put(RECOMMENDED_BY.name(), TestStaff.WORKER);
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, recommendation.childRef, byAWorker))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("recommendedBy must be a team manager, an IRO or a member of the legal team");
    LegalPlanningDriver aWorkerStarts = new LegalPlanningDriver(engine);
    assertThatThrownBy(() -> aWorkerStarts.recommendedDirectlyBy(TestStaff.WORKER, TestStaff.WORKER))
        .as("a social worker has no grant to start legal planning").isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(recommendation.childRef).count()).isZero();
  }

  @Test
  void aChildHasOneOpenRecommendation_andARecommendationNeedsAReasonAndAKnownRecommender() {
    recommendation.recommendedDirectlyBy(TestStaff.TEAM_MANAGER, null);
    assertThatThrownBy(() -> recommendation.recommendedDirectlyBy(TestStaff.TEAM_MANAGER, null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("already has a legal planning recommendation open");

    LegalPlanningDriver other = new LegalPlanningDriver(engine);
    Map<String, Object> bad = other.requestedMessage("SOMEWHERE");
    bad.put(RECOMMENDED_BY.name(), "nobody.here");
    bad.put(REASON.name(), " ");
    assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation(MESSAGE_LEGAL_PLANNING_REQUESTED)
        .processInstanceBusinessKey(other.childRef).setVariables(bad).correlateStartMessage())
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'Reasons for the recommendation' is required").hasMessageContaining("recommendedBy must name a member of staff").hasMessageContaining("origin must be");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(other.childRef).count()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(recommendation.childRef).count()).isEqualTo(1);
  }

  @Test
  void aNewWorkerTakesOverTheOpenTasks_andReadsTheLegalPlanningHistory() {
    recommendation.recommendedDirectlyBy(TestStaff.TEAM_MANAGER, TestStaff.WORKER).holdMeeting("PRE_PROCEEDINGS");
    recommendation.workerChangesTo(TestStaff.SECOND_WORKER);

    assertThat(recommendation.task("Task_SendLetterBeforeProceedings").getAssignee()).isEqualTo(TestStaff.SECOND_WORKER);
    var handover = recommendation.task("Task_ReadLegalPlanningHistory");
    assertThat(handover.getName()).isEqualTo("Read the legal planning history and record a handover - " + recommendation.childRef);
    assertThat(handover.getAssignee()).isEqualTo(TestStaff.SECOND_WORKER);
    assertThat(recommendation.variable(ALLOCATED_WORKER.name())).isEqualTo(TestStaff.SECOND_WORKER);
    assertThat(recommendation.variable(WORKER_CHANGES.name())).isEqualTo(1);
    assertThat(engine.getTaskService().getVariable(handover.getId(), PREVIOUS_WORKER.name())).isEqualTo(TestStaff.WORKER);

    assertThat(recommendation.legalPlanning).hasPassed("Task_HandOverToTheNewHolder", "Gateway_WhoChanged");
    recommendation.complete("Task_ReadLegalPlanningHistory", Map.of(HANDOVER_HISTORY_READ.name(), true,
        HANDOVER_PLAN.name(), "Letter goes out tomorrow; I will attend the pre-proceedings meeting with the team manager"));
    assertThat(recommendation.legalPlanning).hasPassed("End_HandoverRecorded").isWaitingAtExactly("Task_SendLetterBeforeProceedings");
    recommendation.sendLetter();
    assertThat(recommendation.task("Task_HoldPreProceedingsMeeting").getAssignee()).isEqualTo(TestStaff.SECOND_WORKER);
  }

  @Test
  void aNewTeamManagerOrIroNeedsNoHandoverTask_theWorkStaysWithTheTeam() {
    recommendation.recommendedDirectlyBy(TestStaff.TEAM_MANAGER, TestStaff.WORKER);
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_WORKER_CHANGED)
        .processInstanceId(recommendation.legalPlanning.getId())
        .setVariablesLocal(Map.of(HandOverToTheNewHolder.CHANGED_ROLE.name(), "TEAM_MANAGER",
            HandOverToTheNewHolder.NEW_HOLDER.name(), TestStaff.SECOND_TEAM_MANAGER))
        .correlateWithResult();
    assertThat(recommendation.legalPlanning).hasPassed("Gateway_WhoChanged", "End_HandoverComplete")
        .hasNotPassed("Task_ReadLegalPlanningHistory").isWaitingAtExactly("Task_HoldLegalPlanningMeeting");
    assertThat(recommendation.variable(ALLOCATED_WORKER.name())).isEqualTo(TestStaff.WORKER);
    assertThat(recommendation.variable(WORKER_CHANGES.name())).isEqualTo(0);
  }

  @Test
  void theMeetingAndTheStepsAlongTheLegalRouteJoinTheChildsRecord() {
    recommendation.inPreProceedings();
    assertThat(childRecord.entriesOf(recommendation.childRef, ChildEvent.Kind.LEGAL_PLANNING_MEETING)).singleElement()
        .satisfies(entry -> {
          assertThat(entry.date()).isEqualTo(MONDAY_2_MARCH_2026);
          assertThat(entry.details()).containsEntry(LEGAL_PLANNING_OUTCOME.name(), "PRE_PROCEEDINGS")
              .containsEntry(LEGAL_REPRESENTATIVE.name(), TestStaff.LEGAL);
        });
    assertThat(childRecord.entriesOf(recommendation.childRef, ChildEvent.Kind.LEGAL_OUTCOME)).as("letter and pre-proceedings meeting")
        .hasSize(2);
  }

  private static ZonedDateTime endOfDay(int year, int month, int day) {
    return LocalDate.of(year, month, day).atTime(17, 0).atZone(EngineClock.LONDON);
  }

  private static Date daysFromNow(int days) {
    return Date.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(days)));
  }
}
