package org.safeguardingworkflows.stepdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.legal.LegalPlanningVariables;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.StartLinkedProcess;
import org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables;
import org.safeguardingworkflows.security.TaskFilters;
import org.safeguardingworkflows.tasks.StaffNames;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.CoverageOf;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.FullProcessCoverage;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestExecutionListeners;

/**
 * One scenario per path through the step-down journey, including every timer, escalation and event
 * sub-process. Runs on PostgreSQL with the real delegates; the engine clock starts on Monday 2 March 2026.
 */
@ApplicationTest
@TestExecutionListeners(listeners = FullProcessCoverage.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@CoverageOf(StepDownVariables.PROCESS_KEY)
class StepDownScenariosTest {

  static final LocalDate MONDAY_2_MARCH_2026 = LocalDate.of(2026, 3, 2);

  @Autowired ProcessEngine engine;
  @Autowired PlanHistory planHistory;
  @Autowired ChildRecord childRecord;
  @Autowired TaskFilters taskFilters;
  @LocalServerPort int port;
  StepDownDriver journey;

  @BeforeEach
  void startOnAMondayMorning() {
    BpmnAwareTests.init(engine);
    EngineClock.setTo(MONDAY_2_MARCH_2026, LocalTime.of(9, 0));
    journey = new StepDownDriver(engine);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void aChildInNeedIsWatchedClosely_thenTheCaseClosesAtAFormalClosureMeeting() {
    journey.planEnded("CHILD_IN_NEED");
    assertThat(journey.journey).isWaitingAt("Task_HoldStepDownMeeting");
    CpPlan plan = planHistory.plansOf(journey.childRef).get(0);
    assertThat(plan.planEnd()).isEqualTo(MONDAY_2_MARCH_2026.minusDays(3));
    assertThat(plan.stepDownInstanceId()).isEqualTo(journey.journey.getId());

    journey.holdStepDownMeeting().managerDecidesStepDown("APPROVE");
    assertThat(journey.journey).isWaitingAt("Event_SupervisionDue", "Event_ReviewDue", "Event_WatchPeriodEnds");
    // The first supervision and review fall due one cycle after the watch period starts, at the end of that day;
    // held on time with no date booked, each next one a cycle later: six supervisions and four reviews in six months.
    assertThat(journey.timers("Event_SupervisionDue")).extracting(Job::getDuedate).containsExactly(endOfDayAfter(28));
    assertThat(journey.timers("Event_ReviewDue")).extracting(Job::getDuedate).containsExactly(endOfDayAfter(42));

    journey.watchPeriodPassesWell();
    assertThat(journey.journey).isWaitingAtExactly("Task_HoldImpactReview")
        .hasPassed("End_NoSupervisionLeft", "End_SupervisionsHeld", "End_NoReviewLeft", "End_CinReviewsHeld", "End_WatchPeriodOver");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(journey.journey.getId())
        .taskDefinitionKey("Task_HoldManagementSupervision").count()).isEqualTo(6);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(journey.journey.getId())
        .taskDefinitionKey("Task_ReviewCinServices").count()).isEqualTo(4);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(journey.journey.getId()).count())
        .as("the watch period's timers end with it").isZero();

    journey.impactReview("CLOSURE").holdClosureMeeting();
    assertThat(journey.journey).hasPassed("Task_RecordCaseClosed").isWaitingAt("Event_ReEmergenceCheckDue");
    assertThat(planHistory.plansOf(journey.childRef).get(0).stepDownOutcome()).isEqualTo("CLOSED");
    // The partner agencies are asked 3 and 6 months after the closure meeting (2 September 2026), at the end of the day.
    assertThat(journey.timers("Event_ReEmergenceCheckDue")).extracting(job -> EngineClock.inLondon(job.getDuedate()).toLocalDateTime())
        .containsExactly(LocalDate.of(2026, 12, 2).atTime(17, 0), LocalDate.of(2027, 3, 2).atTime(17, 0));

    journey.whenNextFires("Event_ReEmergenceCheckDue");
    assertThat(journey.task("Task_CheckForReEmergence").getAssignee()).isEqualTo(TestStaff.WORKER);
    journey.checkForReEmergence("NO");
    assertThat(journey.journey).hasPassed("End_NoDifficultiesFound").isWaitingAt("Event_ReEmergenceCheckDue");
    assertThat(journey.timers("Event_ReEmergenceCheckDue")).hasSize(1);
    journey.whenNextFires("Event_ReEmergenceCheckDue").checkForReEmergence("NO");
    assertThat(journey.journey).isEnded().hasPassed("Gateway_JourneyEndsAs", "End_CaseClosed");
  }

  @Test
  void aLateSupervisionDoesNotPushTheNextOneBack() {
    inWatchPeriod();
    journey.whenNextFires("Event_SupervisionDue");
    // Due Monday 30 March, held ten days late with no date booked: the next is due four weeks after 30 March.
    EngineClock.setTo(LocalDate.of(2026, 4, 9), LocalTime.of(10, 0));
    journey.supervise("GOOD", "NO");
    assertThat(journey.timers("Event_SupervisionDue")).extracting(Job::getDuedate).containsExactly(endOfDayAfter(56));
  }

  @Test
  void aNextSupervisionBookedEarlierThanTheCycleFallsDueOnThatDate_andTheCycleCountsOnFromIt() {
    inWatchPeriod();
    journey.whenNextFires("Event_SupervisionDue").superviseBookingNext("PARTIAL", "NO", LocalDate.of(2026, 4, 13));
    assertThat(journey.timers("Event_SupervisionDue")).extracting(Job::getDuedate).containsExactly(endOfDay(LocalDate.of(2026, 4, 13)));

    journey.whenNextFires("Event_SupervisionDue").supervise("GOOD", "NO");
    assertThat(journey.timers("Event_SupervisionDue")).extracting(Job::getDuedate).containsExactly(endOfDay(LocalDate.of(2026, 5, 11)));
  }

  @Test
  void aCinReviewWithNoDateBookedKeepsTheCycle_andOneBookedEarlierFallsDueOnThatDate() {
    inWatchPeriod();
    journey.whenNextFires("Event_ReviewDue").reviewCinServices("GOOD", "NO");
    assertThat(journey.timers("Event_ReviewDue")).extracting(Job::getDuedate).containsExactly(endOfDayAfter(84));

    journey.whenNextFires("Event_ReviewDue").reviewCinServicesBookingNext("GOOD", "NO", LocalDate.of(2026, 6, 1));
    assertThat(journey.timers("Event_ReviewDue")).extracting(Job::getDuedate).containsExactly(endOfDay(LocalDate.of(2026, 6, 1)));
  }

  @Test
  void aNextDateLaterThanTheCycleAllowsOrInThePastIsRefused_andNothingChanges() {
    inWatchPeriod();
    journey.whenNextFires("Event_SupervisionDue");
    String supervision = journey.task("Task_HoldManagementSupervision").getId();

    assertThatThrownBy(() -> journey.superviseBookingNext("GOOD", "NO", LocalDate.of(2026, 4, 28)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessage("'Date of the next supervision' must be on or before 27/04/2026: management supervision is held at "
            + "least every 28 days, counted from the date this one was due (30/03/2026).");
    assertThatThrownBy(() -> journey.superviseBookingNext("GOOD", "NO", LocalDate.of(2026, 3, 29)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageStartingWith("'Date of the next supervision' cannot be in the past");
    assertThatThrownBy(() -> journey.whenNextFires("Event_ReviewDue")
        .reviewCinServicesBookingNext("GOOD", "NO", LocalDate.of(2026, 5, 26)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageStartingWith("'Date of the next review' must be on or before 25/05/2026");

    assertThat(journey.task("Task_HoldManagementSupervision").getId()).as("still open").isEqualTo(supervision);
    assertThat(engine.getTaskService().getVariable(supervision, StepDownVariables.SUPERVISION_DUE_ON.name())).isEqualTo("2026-03-30");
    assertThat(engine.getRuntimeService().getVariable(journey.journey.getId(), StepDownVariables.SUPERVISION_ENGAGEMENT.name())).isNull();
    assertThat(childRecord.entriesOf(journey.childRef, ChildEvent.Kind.SUPERVISION)).isEmpty();
    assertThat(journey.timers("Event_SupervisionDue")).isEmpty();

    journey.superviseBookingNext("GOOD", "NO", LocalDate.of(2026, 4, 27));
    assertThat(journey.timers("Event_SupervisionDue")).extracting(Job::getDuedate).containsExactly(endOfDayAfter(56));
  }

  @Test
  void aSupervisionStillOpenWhenTheWatchEndsMustBeHeldBeforeTheImpactReview() {
    inWatchPeriod();
    for (int held = 0; held < 5; held++) {
      journey.whenNextFires("Event_SupervisionDue").supervise("GOOD", "NO");
    }
    while (!journey.timers("Event_ReviewDue").isEmpty()) {
      journey.whenNextFires("Event_ReviewDue").reviewCinServices("GOOD", "NO");
    }
    journey.whenNextFires("Event_SupervisionDue");
    journey.whenTimerFires("Event_WatchPeriodEnds");
    assertThat(journey.journey).hasPassed("End_WatchPeriodOver").isWaitingAt("Task_HoldManagementSupervision")
        .hasNotPassed("Task_HoldImpactReview");

    journey.supervise("GOOD", "NO");
    assertThat(journey.journey).isWaitingAtExactly("Task_HoldImpactReview");
  }

  @Test
  void eachSupervisionAndReviewOpensBlank_showingLastTimesFindings_andTheReviewCarriesTheServicesForward() {
    inWatchPeriod();
    journey.whenNextFires("Event_SupervisionDue");
    String firstSupervision = journey.task("Task_HoldManagementSupervision").getId();
    assertThat(engine.getTaskService().getVariable(firstSupervision, "previousSupervisionEngagement")).isNull();
    journey.superviseBookingNext("PARTIAL", "NO", journey.today().plusWeeks(4));

    journey.whenNextFires("Event_ReviewDue");
    String firstReview = journey.task("Task_ReviewCinServices").getId();
    assertThat(engine.getTaskService().getVariable(firstReview, StepDownVariables.SERVICE_REVIEWS.name()).toString())
        .as("the first review lists the services agreed at the step-down meeting").contains("Family support service")
        .doesNotContain("purpose");
    journey.reviewCinServices("GOOD", "NO");

    journey.whenNextFires("Event_SupervisionDue");
    String secondSupervision = journey.task("Task_HoldManagementSupervision").getId();
    assertThat(engine.getTaskService().getVariable(secondSupervision, StepDownVariables.SUPERVISION_ENGAGEMENT.name())).as("opens blank").isNull();
    assertThat(engine.getTaskService().getVariable(secondSupervision, "previousSupervisionEngagement")).isEqualTo("PARTIAL");
    assertThat((String) engine.getTaskService().getVariable(secondSupervision, "previousSupervisionHeldOn"))
        .isLessThan(journey.today().toString());
    assertThat(engine.getTaskService().getVariable(secondSupervision, "previousNextSupervisionOn")).isNotNull();
    assertThat(engine.getTaskService().getVariable(secondSupervision, "previousSupervisionActions")).isEqualTo("Continue the plan");

    while (journey.tasks("Task_ReviewCinServices").isEmpty()) {
      journey.whenNextFires("Event_ReviewDue");
    }
    String secondReview = journey.task("Task_ReviewCinServices").getId();
    assertThat(engine.getTaskService().getVariable(secondReview, StepDownVariables.REVIEW_OVERALL_PROGRESS.name())).as("opens blank").isNull();
    assertThat(engine.getTaskService().getVariable(secondReview, "previousReviewOverallProgress")).isEqualTo("GOOD");
    assertThat(engine.getTaskService().getVariable(secondReview, StepDownVariables.SERVICE_REVIEWS.name()).toString())
        .as("the services reviewed last time, to review again").contains("Family support service")
        .doesNotContain("Routines in place").doesNotContain("attended");
    // Read as stored: the Java API keeps this driver's immutable lists as Java objects, which only Tasklist's JSON avoids.
    org.camunda.bpm.engine.variable.value.TypedValue previousRows =
        engine.getTaskService().getVariableTyped(secondReview, "previousServiceReviews", false);
    assertThat(previousRows instanceof org.camunda.bpm.engine.variable.value.SerializableValue stored
        ? stored.getValueSerialized() : String.valueOf(previousRows.getValue())).contains("Routines in place");
  }

  @Test
  void aPlanSentBackReturnsToTheWorkerWithTheManagersReasons() {
    journey.planEnded("CHILD_IN_NEED").holdStepDownMeeting().managerDecidesStepDown("SEND_BACK");
    assertThat(journey.journey).isWaitingAtExactly("Task_HoldStepDownMeeting");
    assertThat(journey.task("Task_HoldStepDownMeeting").getAssignee()).isEqualTo(TestStaff.WORKER);
    assertThat(engine.getRuntimeService().getVariable(journey.journey.getId(), StepDownVariables.STEP_DOWN_DECISION_REASONS.name()))
        .isEqualTo("Considered in supervision");
    journey.holdStepDownMeeting().managerDecidesStepDown("APPROVE");
    assertThat(journey.journey).isWaitingAt("Event_SupervisionDue");
  }

  @Test
  void theStepDownMeetingCannotBeCompletedWithoutADisengagementAndRecurrenceContingency() {
    journey.planEnded("CHILD_IN_NEED");
    Map<String, Object> withoutContingency = StepDownDriver.stepDownMeeting();
    withoutContingency.put(StepDownVariables.CONTINGENCY_PLAN.name(),
        List.of(Map.of("trigger", "NEW_REFERRAL", "response", "Strategy discussion", "whoActs", "Team manager")));
    withoutContingency.put(StepDownVariables.FAMILY_TOLD_OF_CONTINGENCY.name(), false);

    assertThatThrownBy(() -> journey.complete("Task_HoldStepDownMeeting", withoutContingency))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("disengagement from services")
        .hasMessageContaining("the original concerns re-emerging")
        .hasMessageContaining("the family has been told");
    assertThat(journey.journey).isWaitingAtExactly("Task_HoldStepDownMeeting");
  }

  @Test
  void everyPartOfTheContingencyPlanNamesThePartnerAgenciesThatHoldIt() {
    journey.planEnded("CHILD_IN_NEED");
    Map<String, Object> withoutAgencies = StepDownDriver.stepDownMeeting();
    withoutAgencies.put(StepDownVariables.CONTINGENCY_PLAN.name(), List.of(
        Map.of("trigger", "DISENGAGEMENT", "response", "Team manager reviews", "whoActs", "Social worker", "heldBy", List.of("SCHOOL")),
        Map.of("trigger", "RECURRENCE", "response", "Strategy discussion", "whoActs", "Team manager", "heldBy", List.of("NEIGHBOUR"))));

    assertThatThrownBy(() -> journey.complete("Task_HoldStepDownMeeting", withoutAgencies))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("the partner agencies that hold part 2 of the plan")
        .hasMessageNotContaining("part 1");
    assertThat(journey.journey).isWaitingAtExactly("Task_HoldStepDownMeeting");
  }

  @Test
  void theChildsOwnViewsAreRequiredAtTheStepDownMeetingAndAtTheClosureMeeting() {
    journey.planEnded("EARLY_HELP");
    Map<String, Object> withoutChildViews = StepDownDriver.stepDownMeeting();
    withoutChildViews.remove(StepDownVariables.CHILD_VIEWS.name());
    assertThatThrownBy(() -> journey.complete("Task_HoldStepDownMeeting", withoutChildViews))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'What the child said' is required");

    journey.holdStepDownMeeting().managerDecidesStepDown("APPROVE").seniorManagerDecidesEarlyStepDown("APPROVE");
    Map<String, Object> closureWithoutChildViews = StepDownDriver.closureMeeting();
    closureWithoutChildViews.put(StepDownVariables.CLOSURE_CHILD_VIEWS.name(), " ");
    assertThatThrownBy(() -> journey.complete("Task_HoldClosureMeeting", closureWithoutChildViews))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'What the child said' is required");
    assertThat(journey.journey).isWaitingAtExactly("Task_HoldClosureMeeting");
  }

  @Test
  void formRulesAreCheckedOnTheServerWhateverTheClient() {
    journey.planEnded("CHILD_IN_NEED");
    Map<String, Object> missingViews = StepDownDriver.stepDownMeeting();
    missingViews.remove(StepDownVariables.FAMILY_VIEWS.name());
    assertThatThrownBy(() -> journey.complete("Task_HoldStepDownMeeting", missingViews))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("is required");
    assertThat(journey.journey).isWaitingAtExactly("Task_HoldStepDownMeeting");
  }

  @Test
  void steppingStraightToEarlyHelpNeedsASeniorManager_andEngagementIsCheckedSixWeeksLater() {
    journey.planEnded("EARLY_HELP").holdStepDownMeeting().managerDecidesStepDown("APPROVE");
    assertThat(journey.journey).isWaitingAtExactly("Task_ApproveEarlyClosure");
    assertThat(engine.getTaskService().getIdentityLinksForTask(journey.task("Task_ApproveEarlyClosure").getId()))
        .extracting(IdentityLink::getGroupId).contains("senior-managers");
    String seniorManagersTasks = taskFilters.filterDefinedBy("senior-managers:all").getId();
    assertThat(Api.as(port, TestStaff.SENIOR_MANAGER).post("/engine-rest/filter/" + seniorManagersTasks + "/count",
        "{\"processInstanceBusinessKey\":\"" + journey.childRef + "\"}").json().path("count").asLong())
        .as("in a senior manager's Tasklist filter").isEqualTo(1);

    journey.seniorManagerDecidesEarlyStepDown("APPROVE").holdClosureMeeting();
    assertThat(journey.journey).isWaitingAtExactly("Event_EarlyHelpCheckDue");
    assertThat(journey.timer("Event_EarlyHelpCheckDue").getDuedate()).isEqualTo(days(42));

    journey.whenTimerFires("Event_EarlyHelpCheckDue").checkEarlyHelp("ENGAGING");
    assertThat(planHistory.plansOf(journey.childRef).get(0).stepDownOutcome()).isEqualTo("EARLY_HELP");
    // Re-emergence checks follow at 3 and 6 months after the closure meeting; the journey ends after the last.
    assertThat(journey.timers("Event_ReEmergenceCheckDue")).extracting(job -> EngineClock.inLondon(job.getDuedate()).toLocalDate())
        .containsExactly(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 9, 2));
    journey.whenNextFires("Event_ReEmergenceCheckDue").checkForReEmergence("NO");
    journey.whenNextFires("Event_ReEmergenceCheckDue").checkForReEmergence("NO");
    assertThat(journey.journey).isEnded().hasPassed("End_SteppedDownToEarlyHelp");
  }

  @Test
  void difficultiesFoundAtARe_emergenceCheckRaiseAConcern_andTheContingencyReviewFollows() {
    journey.planEnded("CLOSURE").holdStepDownMeeting().managerDecidesStepDown("APPROVE")
        .seniorManagerDecidesEarlyStepDown("APPROVE").holdClosureMeeting();
    journey.whenNextFires("Event_ReEmergenceCheckDue").checkForReEmergence("YES");
    assertThat(journey.journey).hasPassed("Event_RaiseReEmergenceConcern", "End_ReEmergenceConcernRaised")
        .isWaitingAt("Task_HoldContingencyReview", "Event_ReEmergenceCheckDue");
    assertThat(engine.getTaskService().getVariable(journey.task("Task_HoldContingencyReview").getId(), StepDownVariables.CONCERN_KIND.name()))
        .isEqualTo("RECURRENCE");

    // The last check still happens; the journey ends only when the contingency review has been held too.
    journey.whenNextFires("Event_ReEmergenceCheckDue").checkForReEmergence("NO");
    assertThat(journey.journey).isNotEnded().isWaitingAt("Task_HoldContingencyReview").hasPassed("End_NoDifficultiesFound");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(journey.journey.getId()).timers().count()).isZero();
    journey.contingencyReview("CONTINUE_WITH_ACTIONS");
    assertThat(journey.journey).isEnded().hasPassed("End_CaseClosed");
  }

  @Test
  void aNewPlanForTheChildEndsTheJourneyAsReEmerged_withTheMonthsSinceThePlanEnded() {
    inWatchPeriod();
    journey.watchPeriodPassesWell().impactReview("CLOSURE").holdClosureMeeting().whenNextFires("Event_ReEmergenceCheckDue");
    assertThat(journey.journey).isWaitingAt("Task_CheckForReEmergence", "Event_ReEmergenceCheckDue");

    // The plan ended on 27 February 2026; the new plan starts on 2 December 2026.
    journey.newPlanMade(LocalDate.of(2026, 12, 2));
    assertThat(journey.journey).isEnded().hasPassed("Task_RecordReEmergence", "End_ReEmergedNewPlan").hasNotPassed("End_CaseClosed");
    assertThat(planHistory.plansOf(journey.childRef).get(0).stepDownOutcome()).isEqualTo("re-emerged: new plan after 9 months");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(journey.childRef).count()).isZero();
  }

  @Test
  void aRefusedEarlyStepDownIsWatchedAsAChildInNeed() {
    journey.planEnded("CLOSURE").holdStepDownMeeting().managerDecidesStepDown("APPROVE")
        .seniorManagerDecidesEarlyStepDown("REFUSE");
    assertThat(journey.journey).isWaitingAt("Event_SupervisionDue", "Event_ReviewDue", "Event_WatchPeriodEnds");
  }

  @Test
  void poorEngagementAtSupervisionOpensAContingencyReview_whichCallsAStrategyDiscussion() {
    inWatchPeriod();
    journey.whenNextFires("Event_SupervisionDue").supervise("POOR", "NO");
    assertThat(journey.journey).hasPassed("Event_RaiseSupervisionConcern").isWaitingAt("Task_HoldContingencyReview", "Event_SupervisionDue");
    assertThat(engine.getTaskService().getVariable(journey.task("Task_HoldContingencyReview").getId(), StepDownVariables.CONCERN_KIND.name()))
        .isEqualTo("DISENGAGEMENT");

    journey.contingencyReview("STRATEGY_DISCUSSION");
    assertThat(journey.journey).isWaitingAt("Task_RecordStrategyDiscussion", "Event_SupervisionDue");
    assertThat(journey.task("Task_RecordStrategyDiscussion").getAssignee()).isEqualTo(TestStaff.TEAM_MANAGER);

    journey.recordStrategyDiscussion("NO");
    assertThat(journey.journey).hasPassed("End_StrategyDiscussionRequested").hasNotPassed("Event_ProposeRepeatIcpc")
        .isWaitingAt("Event_SupervisionDue");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RepeatIcpcVariables.PROCESS_KEY).processInstanceBusinessKey(journey.childRef).count()).isZero();
    assertThat(engine.getRuntimeService().getVariable(journey.journey.getId(), StepDownVariables.REPEAT_ICPC_PROPOSED_INSTANCE_ID.name())).isNull();
  }

  @Test
  void aStrategyDiscussionCanProposeARepeatIcpc_linkedBothWaysToTheJourney() {
    inWatchPeriod();
    journey.reportConcern("RECURRENCE").contingencyReview("STRATEGY_DISCUSSION").recordStrategyDiscussion("YES");
    assertThat(journey.journey).hasPassed("Event_ProposeRepeatIcpc", "End_RepeatIcpcProposed")
        .hasNotPassed("End_StrategyDiscussionRequested").isWaitingAt("Event_SupervisionDue");

    // The discussion before a repeat conference runs for the same child, linked both ways.
    List<ProcessInstance> proposals = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RepeatIcpcVariables.PROCESS_KEY).processInstanceBusinessKey(journey.childRef).active().list();
    assertThat(proposals).hasSize(1);
    ProcessInstance proposal = proposals.get(0);
    assertThat(proposal).isWaitingAt("Task_PrepareHistorySummary");
    assertThat(engine.getRuntimeService().getVariable(journey.journey.getId(), StepDownVariables.REPEAT_ICPC_PROPOSED_INSTANCE_ID.name()))
        .isEqualTo(proposal.getId());
    assertThat(engine.getRuntimeService().getVariables(proposal.getId()))
        .containsEntry(RepeatIcpcVariables.ORIGIN_PROCESS_INSTANCE_ID.name(), journey.journey.getId())
        .containsEntry(RepeatIcpcVariables.ORIGIN_PROCESS_KEY.name(), StepDownVariables.PROCESS_KEY)
        .containsEntry(RepeatIcpcVariables.CHILD_REF.name(), journey.childRef)
        .containsEntry(RepeatIcpcVariables.STRATEGY_DISCUSSION_DATE.name(), journey.today().toString())
        .containsEntry(RepeatIcpcVariables.CATEGORY_OF_ABUSE.name(), "NEG")
        .containsEntry(RepeatIcpcVariables.CONCERNS_SUMMARY.name(), "Neglect has returned: school attendance down to 70%, home conditions poor again")
        .containsEntry(RepeatIcpcVariables.PROPOSED_BY.name(), TestStaff.WORKER)
        .containsEntry(RepeatIcpcVariables.LAST_STEP_DOWN_INSTANCE_ID.name(), journey.journey.getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId()).singleResult().getAssignee())
        .isEqualTo(TestStaff.WORKER);
  }

  @Test
  void aStrategyDiscussionDatedInTheFutureIsRefused_andNothingIsProposed() {
    inWatchPeriod();
    journey.reportConcern("RECURRENCE").contingencyReview("STRATEGY_DISCUSSION");
    Map<String, Object> tomorrow = StepDownDriver.strategyDiscussion(journey.today().plusDays(1), "YES");

    assertThatThrownBy(() -> journey.complete("Task_RecordStrategyDiscussion", tomorrow))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("cannot be in the future");
    assertThat(journey.journey).isWaitingAt("Task_RecordStrategyDiscussion");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RepeatIcpcVariables.PROCESS_KEY).processInstanceBusinessKey(journey.childRef).count()).isZero();
  }

  @Test
  void theStrategyDiscussionFormsRulesAreCheckedOnTheServer() {
    inWatchPeriod();
    journey.reportConcern("RECURRENCE").contingencyReview("STRATEGY_DISCUSSION");
    Map<String, Object> withoutSummary = StepDownDriver.strategyDiscussion(journey.today(), "YES");
    withoutSummary.remove(StepDownVariables.STRATEGY_DISCUSSION_SUMMARY.name());

    assertThatThrownBy(() -> journey.complete("Task_RecordStrategyDiscussion", withoutSummary))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("is required");
    assertThat(journey.journey).isWaitingAt("Task_RecordStrategyDiscussion");
  }

  @Test
  void twoConcernsOpenAtOnceEachKeepTheirOwnKindAndSummaryInTheirReview() {
    journey.planEnded("CHILD_IN_NEED");
    journey.reportConcern("DISENGAGEMENT", "Missed three family support sessions");
    journey.reportConcern("NEW_REFERRAL", "Police report of an incident at home");

    List<org.camunda.bpm.engine.task.Task> reviews = journey.tasks("Task_HoldContingencyReview");
    assertThat(reviews).hasSize(2);
    Map<String, Object> first = engine.getTaskService().getVariables(reviews.get(0).getId());
    Map<String, Object> second = engine.getTaskService().getVariables(reviews.get(1).getId());
    assertThat(List.of(first.get(StepDownVariables.CONCERN_KIND.name()), second.get(StepDownVariables.CONCERN_KIND.name())))
        .containsExactlyInAnyOrder("DISENGAGEMENT", "NEW_REFERRAL");
    assertThat(first.get(StepDownVariables.CONCERN_SUMMARY.name()))
        .isEqualTo("DISENGAGEMENT".equals(first.get(StepDownVariables.CONCERN_KIND.name()))
            ? "Missed three family support sessions" : "Police report of an incident at home");
    assertThat(second.get(StepDownVariables.CONCERN_SUMMARY.name()))
        .isEqualTo("DISENGAGEMENT".equals(second.get(StepDownVariables.CONCERN_KIND.name()))
            ? "Missed three family support sessions" : "Police report of an incident at home");
  }

  @Test
  void reEmergingDifficultiesAtACinReviewOpenAContingencyReview_whichRefersForLegalPlanning() {
    inWatchPeriod();
    journey.whenNextFires("Event_ReviewDue").reviewCinServices("GOOD", "YES");
    assertThat(engine.getTaskService().getVariable(journey.task("Task_HoldContingencyReview").getId(), StepDownVariables.CONCERN_KIND.name()))
        .isEqualTo("RECURRENCE");
    journey.contingencyReview("LEGAL_PLANNING");
    assertThat(journey.journey).hasPassed("Event_RaiseReviewConcern", "Event_RequestLegalPlanning", "End_LegalPlanningRequested")
        .isWaitingAt("Event_ReviewDue");

    // The recommendation is tracked to a decision in legal planning for the same child, linked both ways.
    List<ProcessInstance> legalPlanning = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LegalPlanningVariables.PROCESS_KEY).processInstanceBusinessKey(journey.childRef).list();
    assertThat(legalPlanning).hasSize(1);
    assertThat(legalPlanning.get(0)).isWaitingAt("Task_HoldLegalPlanningMeeting");
    assertThat(engine.getRuntimeService().getVariable(journey.journey.getId(), StartLinkedProcess.linkVariable(LegalPlanningVariables.MESSAGE_LEGAL_PLANNING_REQUESTED)))
        .isEqualTo(legalPlanning.get(0).getId());
    assertThat(engine.getRuntimeService().getVariables(legalPlanning.get(0).getId()))
        .containsEntry(LegalPlanningVariables.ORIGIN_PROCESS_INSTANCE_ID.name(), journey.journey.getId())
        .containsEntry(LegalPlanningVariables.ORIGIN_PROCESS_KEY.name(), StepDownVariables.PROCESS_KEY)
        .containsEntry(LegalPlanningVariables.ORIGIN.name(), "STEP_DOWN")
        .containsEntry(LegalPlanningVariables.RECOMMENDED_BY.name(), TestStaff.TEAM_MANAGER)
        .containsEntry(LegalPlanningVariables.REASON.name(), "Pattern matches the first plan")
        .containsEntry(LegalPlanningVariables.ALLOCATED_WORKER.name(), TestStaff.WORKER);

    // A further referral while that one is open joins it rather than starting a second.
    journey.reportConcern("RECURRENCE").contingencyReview("LEGAL_PLANNING");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LegalPlanningVariables.PROCESS_KEY).processInstanceBusinessKey(journey.childRef).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(journey.journey.getId(), StartLinkedProcess.linkVariable(LegalPlanningVariables.MESSAGE_LEGAL_PLANNING_REQUESTED)))
        .isEqualTo(legalPlanning.get(0).getId());
  }

  @Test
  void aConcernReportedAtAnyTimeReachesTheTeamManager() {
    journey.planEnded("CHILD_IN_NEED");
    journey.reportConcern("CONSENT_WITHDRAWN");
    assertThat(journey.journey).isWaitingAt("Task_HoldStepDownMeeting", "Task_HoldContingencyReview");
    assertThat(journey.task("Task_HoldContingencyReview").getAssignee()).isEqualTo(TestStaff.TEAM_MANAGER);
    journey.contingencyReview("CONTINUE_WITH_ACTIONS");
    assertThat(journey.journey).hasPassed("End_ContinueWithActions").isWaitingAtExactly("Task_HoldStepDownMeeting");
  }

  @Test
  void aLateStepDownMeetingIsChasedByASeniorManager_andStaysOpen() {
    journey.planEnded("CHILD_IN_NEED");
    // The plan ended on Friday 27 February 2026: the meeting is due ten working days later, Friday 13 March, and a
    // senior manager chases it five working days after that, Friday 20 March.
    assertThat(EngineClock.inLondon(journey.task("Task_HoldStepDownMeeting").getDueDate()))
        .isEqualTo(LocalDate.of(2026, 3, 13).atTime(17, 0).atZone(EngineClock.LONDON));
    assertThat(EngineClock.inLondon(journey.timer("Event_StepDownMeetingLate").getDuedate()))
        .isEqualTo(LocalDate.of(2026, 3, 20).atTime(17, 0).atZone(EngineClock.LONDON));

    journey.whenTimerFires("Event_StepDownMeetingLate");
    assertThat(journey.journey).isWaitingAt("Task_HoldStepDownMeeting", "Task_ChaseLateStepDownMeeting");
    assertThat(engine.getTaskService().getIdentityLinksForTask(journey.task("Task_ChaseLateStepDownMeeting").getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("senior-managers");
    journey.chase("Task_ChaseLateStepDownMeeting");
    assertThat(journey.journey).hasPassed("End_StepDownMeetingChased").isWaitingAtExactly("Task_HoldStepDownMeeting");
  }

  @Test
  void aStepDownMeetingForAPlanThatEndedSixWeeksAgoIsChasedAtOnce() {
    journey.planEndedOn(EngineClock.today().minusWeeks(6));
    assertThat(journey.timer("Event_StepDownMeetingLate").getDuedate()).as("already due")
        .isBeforeOrEqualTo(ClockUtil.getCurrentTime());
  }

  @Test
  void aLateApprovalOfTheStepDownPlanIsChasedByASeniorManager_andStaysOpen() {
    journey.planEnded("CHILD_IN_NEED").holdStepDownMeeting();
    // Approval due five working days after the meeting (Monday 9 March), chased five working days later (16 March).
    assertThat(EngineClock.inLondon(journey.timer("Event_StepDownApprovalLate").getDuedate()))
        .isEqualTo(LocalDate.of(2026, 3, 16).atTime(17, 0).atZone(EngineClock.LONDON));

    journey.whenTimerFires("Event_StepDownApprovalLate");
    assertThat(journey.journey).isWaitingAt("Task_ApproveStepDownPlan", "Task_ChaseLateStepDownApproval");
    journey.chase("Task_ChaseLateStepDownApproval");
    assertThat(journey.journey).hasPassed("End_StepDownApprovalChased").isWaitingAtExactly("Task_ApproveStepDownPlan");
  }

  @Test
  void anOverdueSupervisionIsChasedByASeniorManager_andStaysOpen() {
    inWatchPeriod();
    journey.whenNextFires("Event_SupervisionDue");
    // Due Monday 30 March 2026; five working days, skipping Good Friday and Easter Monday, is Wednesday 8 April,
    // and five more working days late is Wednesday 15 April.
    assertThat(journey.today()).isEqualTo(LocalDate.of(2026, 3, 30));
    assertThat(EngineClock.inLondon(journey.task("Task_HoldManagementSupervision").getDueDate()))
        .isEqualTo(LocalDate.of(2026, 4, 8).atTime(17, 0).atZone(EngineClock.LONDON));
    assertThat(EngineClock.inLondon(journey.timer("Event_SupervisionOverdue").getDuedate()))
        .isEqualTo(LocalDate.of(2026, 4, 15).atTime(17, 0).atZone(EngineClock.LONDON));

    journey.whenTimerFires("Event_SupervisionOverdue");
    assertThat(journey.journey).isWaitingAt("Task_HoldManagementSupervision", "Task_ChaseOverdueSupervision");
    journey.chase("Task_ChaseOverdueSupervision");
    assertThat(journey.journey).hasPassed("End_SupervisionChased").isWaitingAt("Task_HoldManagementSupervision");
  }

  @Test
  void anOverdueCinReviewIsChasedByASeniorManager_andStaysOpen() {
    inWatchPeriod();
    journey.whenNextFires("Event_ReviewDue").whenTimerFires("Event_ReviewOverdue");
    assertThat(journey.journey).isWaitingAt("Task_ReviewCinServices", "Task_ChaseOverdueReview");
    journey.chase("Task_ChaseOverdueReview");
    assertThat(journey.journey).hasPassed("End_ReviewChased").isWaitingAt("Task_ReviewCinServices");
  }

  @Test
  void theImpactReviewCanKeepTheChildInNeedForAnotherWatchPeriod() {
    inWatchPeriod();
    journey.watchPeriodPassesWell().impactReview("CHILD_IN_NEED");
    assertThat(journey.journey).isWaitingAt("Event_SupervisionDue", "Event_ReviewDue", "Event_WatchPeriodEnds");
    assertThat(journey.timers("Event_SupervisionDue")).as("the first supervision of the new watch period").hasSize(1);
  }

  @Test
  void theImpactReviewCanEscalateToAStrategyDiscussion_whichCanProposeARepeatIcpc() {
    inWatchPeriod();
    journey.watchPeriodPassesWell().impactReview("ESCALATE_STRATEGY_DISCUSSION");
    assertThat(journey.journey).isWaitingAtExactly("Task_RecordEscalationStrategyDiscussion");
    assertThat(journey.task("Task_RecordEscalationStrategyDiscussion").getAssignee()).isEqualTo(TestStaff.TEAM_MANAGER);

    journey.complete("Task_RecordEscalationStrategyDiscussion", StepDownDriver.strategyDiscussion(journey.today(), "YES"));
    assertThat(journey.journey).isEnded().hasPassed("Event_EscalationProposeRepeatIcpc", "Task_RecordEscalated", "End_Escalated");
    assertThat(planHistory.plansOf(journey.childRef).get(0).stepDownOutcome()).isEqualTo("ESCALATED");
    ProcessInstance proposal = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RepeatIcpcVariables.PROCESS_KEY).processInstanceBusinessKey(journey.childRef).singleResult();
    assertThat(proposal).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(proposal.getId(), RepeatIcpcVariables.ORIGIN_PROCESS_INSTANCE_ID.name()))
        .isEqualTo(journey.journey.getId());
  }

  @Test
  void anEscalationStrategyDiscussionThatProposesNoConferenceStillEndsTheJourneyAsEscalated() {
    inWatchPeriod();
    journey.watchPeriodPassesWell().impactReview("ESCALATE_STRATEGY_DISCUSSION");
    journey.complete("Task_RecordEscalationStrategyDiscussion", StepDownDriver.strategyDiscussion(journey.today(), "NO"));
    assertThat(journey.journey).isEnded().hasPassed("End_Escalated").hasNotPassed("Event_EscalationProposeRepeatIcpc");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RepeatIcpcVariables.PROCESS_KEY).processInstanceBusinessKey(journey.childRef).count()).isZero();
  }

  @Test
  void theImpactReviewCanEscalateToLegalPlanning() {
    inWatchPeriod();
    journey.watchPeriodPassesWell().impactReview("ESCALATE_LEGAL_PLANNING");
    assertThat(journey.journey).isEnded().hasPassed("Event_EscalateToLegalPlanning", "End_Escalated");
    assertThat(planHistory.plansOf(journey.childRef).get(0).stepDownOutcome()).isEqualTo("ESCALATED");
    ProcessInstance legalPlanning = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LegalPlanningVariables.PROCESS_KEY).processInstanceBusinessKey(journey.childRef).singleResult();
    assertThat(legalPlanning).isWaitingAt("Task_HoldLegalPlanningMeeting");
    assertThat(engine.getRuntimeService().getVariables(legalPlanning.getId()))
        .containsEntry(LegalPlanningVariables.ORIGIN_PROCESS_INSTANCE_ID.name(), journey.journey.getId())
        .containsEntry(LegalPlanningVariables.RECOMMENDED_BY.name(), TestStaff.TEAM_MANAGER)
        .containsEntry(LegalPlanningVariables.REASON.name(), "Reviewed the watch period");
  }

  @Test
  void aFamilyNotEngagingWithEarlyHelpReopensTheCaseWithAContingencyReview() {
    inWatchPeriod();
    journey.watchPeriodPassesWell().impactReview("EARLY_HELP").holdClosureMeeting();
    assertThat(engine.getRuntimeService().getVariable(journey.journey.getId(), StepDownVariables.DESTINATION.name())).isEqualTo("EARLY_HELP");
    journey.whenTimerFires("Event_EarlyHelpCheckDue").checkEarlyHelp("NOT_ENGAGING");
    assertThat(journey.journey).hasPassed("Event_RaiseEarlyHelpConcern")
        .isWaitingAt("Task_HoldContingencyReview", "Event_SupervisionDue", "Event_ReviewDue", "Event_WatchPeriodEnds");
  }

  @Test
  void aNewWorkerTakesOverTheOpenTasksAndReviewsTheHistoryBeforeTheManagerConfirms() {
    inWatchPeriod();
    journey.whenNextFires("Event_ReviewDue");
    journey.changeWorker(TestStaff.SECOND_WORKER);

    assertThat(journey.task("Task_ReviewCinServices").getAssignee()).isEqualTo(TestStaff.SECOND_WORKER);
    assertThat(journey.task("Task_ReviewCaseHandover").getAssignee()).isEqualTo(TestStaff.SECOND_WORKER);
    assertThat(engine.getRuntimeService().getVariable(journey.journey.getId(), StepDownVariables.WORKER_CHANGES.name())).isEqualTo(1);
    // The review already open names the new worker in its form, as one opened after the change would.
    Object namesInTheOpenReview = engine.getTaskService().getVariableLocal(journey.task("Task_ReviewCinServices").getId(),
        StaffNames.STAFF_NAMES.name());
    assertThat(StaffNames.STAFF_NAMES.read(namesInTheOpenReview))
        .containsEntry(TestStaff.SECOND_WORKER, TestStaff.name(TestStaff.SECOND_WORKER));

    journey.complete("Task_ReviewCaseHandover", Map.of(StepDownVariables.HANDOVER_HISTORY_READ.name(), true,
        StepDownVariables.HANDOVER_PLAN.name(), "Visit within the week; keep the same family support worker"));
    journey.complete("Task_ConfirmHandover", Map.of(StepDownVariables.HANDOVER_CONFIRMED.name(), true,
        StepDownVariables.HANDOVER_MANAGER_NOTES.name(), "Agreed"));
    assertThat(journey.journey).hasPassed("End_HandoverComplete").isWaitingAt("Task_ReviewCinServices");
  }

  @Test
  void aNewSocialWorkerNamedByRoleReviewsTheHistory_asTheChildLevelApiSendsIt() {
    inWatchPeriod();
    journey.whenNextFires("Event_ReviewDue");
    journey.changeHolder("SOCIAL_WORKER", TestStaff.SECOND_WORKER);
    assertThat(journey.journey).hasPassed("Task_HandOverToTheNewHolder", "Gateway_WhoChanged")
        .hasNotPassed("End_OtherHandoverComplete");
    assertThat(journey.task("Task_ReviewCinServices").getAssignee()).isEqualTo(TestStaff.SECOND_WORKER);
    assertThat(journey.task("Task_ReviewCaseHandover").getAssignee()).isEqualTo(TestStaff.SECOND_WORKER);
    assertThat(engine.getRuntimeService().getVariable(journey.journey.getId(), StepDownVariables.ALLOCATED_WORKER.name()))
        .isEqualTo(TestStaff.SECOND_WORKER);
  }

  @Test
  void aNewTeamManagerTakesOverTheOpenTasks_withoutAWorkersHandoverReview() {
    inWatchPeriod();
    journey.whenNextFires("Event_SupervisionDue");
    journey.changeHolder("TEAM_MANAGER", TestStaff.SECOND_TEAM_MANAGER);
    assertThat(journey.journey).hasPassed("Gateway_WhoChanged", "End_OtherHandoverComplete").hasNotPassed("Task_ReviewCaseHandover");
    assertThat(journey.task("Task_HoldManagementSupervision").getAssignee()).isEqualTo(TestStaff.SECOND_TEAM_MANAGER);
    assertThat(engine.getRuntimeService().getVariable(journey.journey.getId(), StepDownVariables.TEAM_MANAGER.name()))
        .isEqualTo(TestStaff.SECOND_TEAM_MANAGER);
    assertThat(engine.getRuntimeService().getVariable(journey.journey.getId(), StepDownVariables.WORKER_CHANGES.name()))
        .as("a change of team manager is not a change of worker").isEqualTo(0);
  }

  @Test
  void theFactsOfTheJourneyAreWrittenToTheChildRecord() {
    journey.planEnded("CHILD_IN_NEED");
    Map<String, Object> meeting = StepDownDriver.stepDownMeeting();
    meeting.put(StepDownVariables.MEETING_DATE.name(), "2026-02-27");
    journey.complete("Task_HoldStepDownMeeting", meeting);
    journey.managerDecidesStepDown("APPROVE");
    journey.whenNextFires("Event_SupervisionDue").supervise("POOR", "NO");
    journey.contingencyReview("CONTINUE_WITH_ACTIONS");

    List<ChildEvent> story = childRecord.entriesOf(journey.childRef, ChildEvent.Kind.values());
    assertThat(story).extracting(ChildEvent::kind).contains(ChildEvent.Kind.STEP_DOWN_MEETING, ChildEvent.Kind.STEP_DOWN_APPROVAL,
        ChildEvent.Kind.SUPERVISION, ChildEvent.Kind.CONCERN_RAISED, ChildEvent.Kind.CONCERN_DECISION);
    ChildEvent stepDownMeeting = childRecord.entriesOf(journey.childRef, ChildEvent.Kind.STEP_DOWN_MEETING).get(0);
    assertThat(stepDownMeeting.date()).isEqualTo(LocalDate.of(2026, 2, 27));
    assertThat(stepDownMeeting.details()).containsKeys(StepDownVariables.CHILD_VIEWS.name(), StepDownVariables.CONTINGENCY_PLAN.name());
  }

  @Test
  void aRecurringSupervisionOpensWithoutLastTimesAnswers() {
    inWatchPeriod();
    journey.whenNextFires("Event_SupervisionDue").supervise("PARTIAL", "NO");
    journey.whenNextFires("Event_SupervisionDue");
    String secondSupervision = journey.task("Task_HoldManagementSupervision").getId();
    assertThat(engine.getTaskService().getVariables(secondSupervision)).doesNotContainKeys(
        StepDownVariables.SUPERVISION_ENGAGEMENT.name(), StepDownVariables.SUPERVISION_ACTIONS.name());
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(journey.journey.getId())
        .variableName(StepDownVariables.SUPERVISION_ENGAGEMENT.name()).includeDeleted().count()).isEqualTo(1);
  }

  @Test
  void taskNamesCarryTheChildReferenceAndDueDatesCountWorkingDaysFromThePlanEnd() {
    journey.planEnded("CHILD_IN_NEED");
    var meeting = journey.task("Task_HoldStepDownMeeting");
    assertThat(meeting.getName()).isEqualTo("Hold step-down meeting - " + journey.childRef);
    // The plan ended on Friday 27 February 2026; ten working days later is Friday 13 March.
    assertThat(EngineClock.inLondon(meeting.getDueDate()).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 13));
    assertThat(meeting.getDescription()).isNotBlank();
  }

  private void inWatchPeriod() {
    journey.planEnded("CHILD_IN_NEED").holdStepDownMeeting().managerDecidesStepDown("APPROVE");
  }

  /** The end of the working day (17:00 in London) this many days after the watch period started on 2 March 2026. */
  private static java.util.Date endOfDayAfter(int days) {
    return endOfDay(MONDAY_2_MARCH_2026.plusDays(days));
  }

  private static java.util.Date endOfDay(LocalDate day) {
    return java.util.Date.from(day.atTime(17, 0).atZone(EngineClock.LONDON).toInstant());
  }

  private java.util.Date days(int days) {
    return java.util.Date.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(days)));
  }
}
