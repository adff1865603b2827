package org.safeguardingworkflows.repeaticpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.CoverageOf;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.FullProcessCoverage;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * One scenario per path through the discussion before a repeat ICPC: every decision, the escalation and chasing
 * timers, the previous-IRO continuity rule, the deadline override and the gate in front of "Schedule the ICPC". Runs
 * on PostgreSQL with the real delegates; the engine clock starts on Monday 2 March 2026 and the strategy discussion
 * was on Friday 27 February.
 */
@ApplicationTest
@TestExecutionListeners(listeners = FullProcessCoverage.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@CoverageOf(RepeatIcpcVariables.PROCESS_KEY)
class RepeatIcpcScenariosTest {

  static final LocalDate MONDAY_2_MARCH_2026 = LocalDate.of(2026, 3, 2);
  static final LocalDate FRIDAY_27_FEBRUARY_2026 = LocalDate.of(2026, 2, 27);

  @Autowired ProcessEngine engine;
  @Autowired PlanHistory planHistory;
  @Autowired ChildRecord childRecord;
  RepeatIcpcDriver child;

  @BeforeEach
  void startOnAMondayMorning() {
    BpmnAwareTests.init(engine);
    EngineClock.setTo(MONDAY_2_MARCH_2026, LocalTime.of(9, 0));
    LegalPlanningStub.deployUnlessATrackerExists(engine.getRepositoryService());
    child = new RepeatIcpcDriver(engine, planHistory);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void allFourViews_aConferenceThatWillDoSomethingDifferent_andTheNewPlanJoinsTheChildsHistory() {
    child.hadPlan("2021-05-03", "2022-02-07", "PHY", "iro.retired").hadAPlanLastYear().proposed();

    assertThat(child.proposal).isWaitingAt("Task_PrepareHistorySummary").hasPassed("Task_AssembleHistory");
    assertThat(child.variable(NUMBER_OF_PREVIOUS_PLANS.name())).isEqualTo(2);
    assertThat(child.variable(LAST_PLAN_END_DATE.name())).isEqualTo("2025-01-10");
    assertThat(child.variable(MONTHS_SINCE_LAST_PLAN.name())).isEqualTo(13);
    assertThat(child.variable(WITHIN_TWO_YEARS.name())).isEqualTo(true);
    assertThat(child.variable(PREVIOUS_IRO.name())).isEqualTo(TestStaff.IRO);
    assertThat(child.rows(PREVIOUS_PLANS)).extracting(row -> row.get("planStart")).containsExactly("2021-05-03", "2024-01-08");
    assertThat(child.rows(PREVIOUS_PLAN_REASONS)).extracting(row -> row.get("plan"))
        .containsExactly("3 May 2021 to 7 February 2022: Physical abuse", "8 January 2024 to 10 January 2025: Neglect");
    // Strategy discussion Friday 27 February 2026: 15 working days is Friday 20 March, 8 is Wednesday 11 March.
    assertThat(child.variable(ICPC_DEADLINE.name())).isEqualTo("2026-03-20");
    assertThat(child.variable(DISCUSSION_DEADLINE.name())).isEqualTo("2026-03-11");
    assertThat(child.task("Task_PrepareHistorySummary").getAssignee()).isEqualTo(TestStaff.WORKER);
    assertThat(child.task("Task_PrepareHistorySummary").getName()).isEqualTo("Prepare the history summary - " + child.childRef);

    child.summariseHistory();
    assertThat(child.proposal).isWaitingAt("Task_TeamManagerView", "Task_SeniorManagerView", "Task_IroView", "Task_LegalView");
    assertThat(child.timer("StartEvent_ViewsOverdue")).as("missing views will escalate").isNotNull();
    assertThat(child.task("Task_IroView").getAssignee()).as("the IRO of the last plan is asked first").isEqualTo(TestStaff.IRO);
    assertThat(EngineClock.inLondon(child.task("Task_LegalView").getDueDate()))
        .isEqualTo(LocalDate.of(2026, 3, 9).atTime(17, 0).atZone(EngineClock.LONDON));

    child.allFourViews();
    assertThat(child.proposal).hasPassed("End_AllViewsRecorded", "Gateway_FourPartyDiscussionComplete").isWaitingAtExactly("Task_RecordJointDecision");
    assertThat(child.variable(FOUR_PARTY_DISCUSSION_COMPLETE.name())).isEqualTo(true);
    assertThat(child.variable(OVERRIDE_USED.name())).isEqualTo(false);
    assertThat(child.variable(IRO_VIEW_BY.name())).isEqualTo(TestStaff.IRO);
    assertThat(child.variable(LEGAL_VIEW_BY.name())).isEqualTo(TestStaff.LEGAL);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(child.proposal.getId()).count())
        .as("the escalation timer ends with the discussion").isZero();

    assertThat(childRecord.entriesOf(child.childRef, ChildEvent.Kind.FOUR_PARTY_VIEW)).as("each view joins the child's record")
        .hasSize(4).extracting(ChildEvent::who)
        .containsExactlyInAnyOrder(TestStaff.TEAM_MANAGER, TestStaff.SENIOR_MANAGER, TestStaff.IRO, TestStaff.LEGAL);

    child.decide("ICPC");
    assertThat(child.proposal).isWaitingAtExactly("Task_ScheduleIcpc");
    assertThat(child.variable(DECISION_BY.name())).isEqualTo(TestStaff.SENIOR_MANAGER);
    assertThat(childRecord.entriesOf(child.childRef, ChildEvent.Kind.JOINT_DECISION)).singleElement()
        .satisfies(entry -> assertThat(entry.details()).containsEntry(DECISION.name(), "ICPC"));
    assertThat(engine.getTaskService().getVariable(child.task("Task_ScheduleIcpc").getId(), CHAIR.name()))
        .as("the previous IRO is pre-selected as chair").isEqualTo(TestStaff.IRO);

    child.schedule(LocalDate.of(2026, 3, 18), TestStaff.IRO);
    assertThat(child.proposal).isWaitingAtExactly("Task_RecordConferenceOutcome");
    assertThat(child.variable(PREVIOUS_IRO_CHAIRS.name())).isEqualTo(true);
    assertThat(childRecord.entriesOf(child.childRef, ChildEvent.Kind.CONFERENCE_SCHEDULED)).singleElement()
        .satisfies(entry -> assertThat(entry.details()).containsEntry(CONFERENCE_DATE.name(), "2026-03-18"));

    // The coordinator records the outcome the working day after the conference.
    assertThat(EngineClock.inLondon(child.task("Task_RecordConferenceOutcome").getDueDate()))
        .isEqualTo(LocalDate.of(2026, 3, 19).atTime(17, 0).atZone(EngineClock.LONDON));
    EngineClock.setTo(LocalDate.of(2026, 3, 18), LocalTime.of(15, 0));
    child.recordOutcome("PLAN_MADE", LocalDate.of(2026, 3, 18));
    assertThat(child.proposal).isEnded().hasPassed("Task_AddPlanToHistory", "End_RepeatPlanMade")
        .hasNotPassed("Event_ConferenceOutcomeRecorded");
    CpPlan newPlan = planHistory.plansOf(child.childRef).get(2);
    assertThat(newPlan.planStart()).isEqualTo(LocalDate.of(2026, 3, 18));
    assertThat(newPlan.isOpen()).isTrue();
    assertThat(newPlan.initialCategory()).isEqualTo("NEG");
    assertThat(newPlan.iro()).isEqualTo(TestStaff.IRO);
    assertThat(newPlan.source()).isEqualTo(CpPlan.Source.PROCESS);
  }

  @Test
  void aLegalRouteInsteadOfAConferenceStartsLegalPlanningForTheSameChild() {
    child.hadAPlanLastYear().proposed().summariseHistory().allFourViews().decide("LEGAL_ROUTE");
    assertThat(child.proposal).isEnded().hasPassed("Event_RequestLegalPlanning", "End_LegalRouteInstead").hasNotPassed("Task_ScheduleIcpc");
    String legalPlanning = (String) child.variable(LEGAL_PLANNING_REQUESTED_INSTANCE_ID.name());
    assertThat(legalPlanning).isNotNull();
    var started = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(legalPlanning).singleResult();
    assertThat(started.getBusinessKey()).isEqualTo(child.childRef);
    // The end-to-end check of issue 9: a legal route leaves a running legal planning tracker for the same child.
    assertThat(started.getProcessDefinitionKey()).isEqualTo("legalPlanning");
    assertThat(started.getEndTime()).as("legal planning is still running").isNull();
    Map<String, Object> passed = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(legalPlanning).list()
        .forEach(variable -> passed.put(variable.getName(), variable.getValue()));
    assertThat(passed).containsEntry(LEGAL_ORIGIN.name(), "REPEAT_ICPC")
        .containsEntry(LEGAL_RECOMMENDED_BY.name(), TestStaff.SENIOR_MANAGER)
        .containsEntry(LEGAL_REASON.name(), "The four views agree the threshold is met; a legal route is kept in view")
        .containsEntry(ORIGIN_PROCESS_INSTANCE_ID.name(), child.proposal.getId());
  }

  @Test
  void theLegalPlanningMeetingIsDueByTheDateLegalsViewAskedFor_andItsEscalationsFollow() {
    child.hadAPlanLastYear().proposed().summariseHistory().teamManagerView().seniorManagerView().iroView();
    Task legal = child.task("Task_LegalView");
    engine.getTaskService().setAssignee(legal.getId(), TestStaff.LEGAL);
    Map<String, Object> answers = new HashMap<>(RepeatIcpcDriver.viewAnswers(FourPartyView.LEGAL, "LEGAL_ROUTE"));
    // Needed by Wednesday 11 March, sooner than the usual 10 working days (Monday 16 March).
    answers.putAll(RepeatIcpcDriver.legalAdvice("YES", "YES", LocalDate.of(2026, 3, 11)));
    engine.getTaskService().complete(legal.getId(), answers);
    child.decide("LEGAL_ROUTE");

    String legalPlanning = (String) child.variable(LEGAL_PLANNING_REQUESTED_INSTANCE_ID.name());
    Task meeting = engine.getTaskService().createTaskQuery().processInstanceId(legalPlanning)
        .taskDefinitionKey("Task_HoldLegalPlanningMeeting").singleResult();
    assertThat(EngineClock.inLondon(meeting.getDueDate()))
        .isEqualTo(LocalDate.of(2026, 3, 11).atTime(17, 0).atZone(EngineClock.LONDON));
    // Escalated on the day it falls due, and again five working days later (Wednesday 18 March).
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(legalPlanning).timers()
        .orderByJobDuedate().asc().list()).extracting(job -> EngineClock.inLondon(job.getDuedate()).toLocalDateTime())
        .containsExactly(LocalDate.of(2026, 3, 11).atTime(17, 0), LocalDate.of(2026, 3, 18).atTime(17, 0));
  }

  @Test
  void aNeededByDateThatPassedBeforeTheDecisionMakesTheLegalPlanningMeetingDueAtOnce() {
    child.hadAPlanLastYear().proposed().summariseHistory().teamManagerView().seniorManagerView().iroView();
    Task legal = child.task("Task_LegalView");
    engine.getTaskService().setAssignee(legal.getId(), TestStaff.LEGAL);
    Map<String, Object> answers = new HashMap<>(RepeatIcpcDriver.viewAnswers(FourPartyView.LEGAL, "LEGAL_ROUTE"));
    answers.putAll(RepeatIcpcDriver.legalAdvice("YES", "YES", LocalDate.of(2026, 3, 11)));
    engine.getTaskService().complete(legal.getId(), answers);
    // The senior manager decides on Friday 13 March, after the date legal's view asked for: the decision is recorded
    // and the meeting falls due that day, not refused for a date nobody can now change.
    EngineClock.setTo(LocalDate.of(2026, 3, 13), LocalTime.of(10, 0));
    child.decide("LEGAL_ROUTE");

    String legalPlanning = (String) child.variable(LEGAL_PLANNING_REQUESTED_INSTANCE_ID.name());
    Task meeting = engine.getTaskService().createTaskQuery().processInstanceId(legalPlanning)
        .taskDefinitionKey("Task_HoldLegalPlanningMeeting").singleResult();
    assertThat(EngineClock.inLondon(meeting.getDueDate()))
        .isEqualTo(LocalDate.of(2026, 3, 13).atTime(17, 0).atZone(EngineClock.LONDON));
  }

  @Test
  void aConferenceAndTheLegalRouteTogether_andAConferenceThatMakesNoPlan() {
    child.hadAPlanLastYear().proposed().summariseHistory().allFourViews().decide("ICPC_AND_LEGAL_ROUTE");
    assertThat(child.proposal).hasPassed("Event_RequestLegalPlanning", "Gateway_ConferenceToo").isWaitingAtExactly("Task_ScheduleIcpc");
    assertThat(child.variable(LEGAL_PLANNING_REQUESTED_INSTANCE_ID.name())).isNotNull();

    child.schedule(LocalDate.of(2026, 3, 19), TestStaff.IRO).conferenceOutcome(false, null);
    assertThat(child.proposal).isEnded().hasPassed("End_NoPlanMade").hasNotPassed("Task_AddPlanToHistory");
    assertThat(child.variable(PLAN_MADE.name())).isEqualTo(false);
    assertThat(planHistory.plansOf(child.childRef)).hasSize(1);
  }

  @Test
  void noConference_forExampleAnEnhancedChildInNeedPlan() {
    child.hadAPlanLastYear().proposed().summariseHistory().allFourViews();
    Map<String, Object> decision = RepeatIcpcDriver.jointDecision("NO_CONFERENCE");
    decision.remove(ALTERNATIVES_CONSIDERED.name());
    decision.remove(WHAT_WILL_BE_DIFFERENT.name());
    Task task = child.task("Task_RecordJointDecision");
    engine.getTaskService().setAssignee(task.getId(), TestStaff.SENIOR_MANAGER);
    engine.getTaskService().complete(task.getId(), decision);
    assertThat(child.proposal).isEnded().hasPassed("End_NoConference").hasNotPassed("Task_ScheduleIcpc", "Event_RequestLegalPlanning");
  }

  @Test
  void aStepDownJourneysContingencyReviewProposesTheConference_andTheProposalKeepsTheLink() {
    child.hadAPlanLastYear().proposedFromStepDown("step-down-journey-1");
    assertThat(child.proposal).hasPassed("StartEvent_ProposedFromStepDown", "Task_AssembleHistory").isWaitingAt("Task_PrepareHistorySummary");
    assertThat(child.proposal.getBusinessKey()).isEqualTo(child.childRef);
    assertThat(child.variable(ORIGIN_PROCESS_INSTANCE_ID.name())).isEqualTo("step-down-journey-1");
  }

  @Test
  void aLateHistorySummaryIsChasedByTheTeamManager_andStaysOpen() {
    child.hadAPlanLastYear().proposed();
    // Three working days after Friday 27 February is Wednesday 4 March, at the end of the working day.
    assertThat(EngineClock.inLondon(child.timer("Event_SummaryOverdue").getDuedate()))
        .isEqualTo(LocalDate.of(2026, 3, 4).atTime(17, 0).atZone(EngineClock.LONDON));
    child.whenTimerFires("Event_SummaryOverdue");
    assertThat(child.proposal).isWaitingAt("Task_PrepareHistorySummary", "Task_ChaseHistorySummary");
    assertThat(engine.getTaskService().getIdentityLinksForTask(child.task("Task_ChaseHistorySummary").getId()))
        .extracting(IdentityLink::getGroupId).contains(TestStaff.TEAM).doesNotContain("team-managers");
    child.complete("Task_ChaseHistorySummary", Map.of(SUMMARY_CHASE_ACTION.name(), "Spoke to the worker; summary by Thursday noon"));
    assertThat(child.proposal).hasPassed("End_SummaryChased").isWaitingAtExactly("Task_PrepareHistorySummary");
  }

  @Test
  void missingViewsEscalateTwoWorkingDaysBeforeTheDeadline_andAreChasedUntilTheyAreIn() {
    child.hadAPlanLastYear().proposed().summariseHistory().teamManagerView().seniorManagerView();
    // Discussion deadline Wednesday 11 March; two working days before it is Monday 9 March, end of the day.
    assertThat(EngineClock.inLondon(child.timer("StartEvent_ViewsOverdue").getDuedate()))
        .isEqualTo(LocalDate.of(2026, 3, 9).atTime(17, 0).atZone(EngineClock.LONDON));

    child.whenTimerFires("StartEvent_ViewsOverdue");
    assertThat(child.proposal).isWaitingAt("Task_IroView", "Task_LegalView", "Task_ChaseMissingViews");
    assertThat(engine.getTaskService().getIdentityLinksForTask(child.task("Task_ChaseMissingViews").getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("senior-managers");

    child.chaseMissingViews("KEEP_CHASING", null);
    assertThat(child.proposal).isWaitingAt("Event_ChaseAgainDue");
    assertThat(EngineClock.inLondon(child.timer("Event_ChaseAgainDue").getDuedate()))
        .isEqualTo(LocalDate.of(2026, 3, 10).atTime(17, 0).atZone(EngineClock.LONDON));
    child.whenTimerFires("Event_ChaseAgainDue");
    assertThat(child.proposal).isWaitingAt("Task_ChaseMissingViews");

    child.iroView().legalView();
    assertThat(child.proposal).as("the last view ends the chase").isWaitingAtExactly("Task_RecordJointDecision");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(child.proposal.getId())
        .taskDefinitionKey("Task_ChaseMissingViews").count()).isZero();
    assertThat(child.variable(FOUR_PARTY_DISCUSSION_COMPLETE.name())).isEqualTo(true);
    assertThat(child.variable(OVERRIDE_USED.name())).isEqualTo(false);
  }

  @Test
  void aSeniorManagerMayOverrideTheDiscussionWithReasons_onlyWithinSevenWorkingDaysOfTheIcpcDeadline() {
    child.hadAPlanLastYear().proposed().summariseHistory().teamManagerView().seniorManagerView().legalView()
        .whenTimerFires("StartEvent_ViewsOverdue");

    // Monday 9 March: 7 working days from today is Wednesday 18 March, before the ICPC deadline of Friday 20 March.
    assertThatThrownBy(() -> child.chaseMissingViews("OVERRIDE", "The IRO is on leave until 25 March and the conference must be held by 20 March"))
        .as("the conference can still be held on time with all four views").isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("could not otherwise be held by its deadline of Friday 20 March 2026, that is from Wednesday 11 March 2026")
        .hasMessageContaining("keep chasing");
    assertThat(child.proposal).isWaitingAt("Task_ChaseMissingViews", "Task_IroView").hasNotPassed("Task_RecordDeadlineOverride");
    child.chaseMissingViews("KEEP_CHASING", null).whenTimerFires("Event_ChaseAgainDue");
    assertThat(EngineClock.today()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThatThrownBy(() -> child.chaseMissingViews("OVERRIDE", "The IRO is on leave until 25 March and the conference must be held by 20 March"))
        .as("Tuesday 10 March is still 8 working days before the deadline").isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("from Wednesday 11 March 2026");
    child.chaseMissingViews("KEEP_CHASING", null).whenTimerFires("Event_ChaseAgainDue");

    assertThatThrownBy(() -> child.chaseMissingViews("OVERRIDE", "Deadline"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("An override needs reasons");
    assertThat(child.proposal).isWaitingAt("Task_ChaseMissingViews", "Task_IroView");

    child.chaseMissingViews("OVERRIDE", "The IRO is on leave until 25 March and the conference must be held by 20 March");
    assertThat(child.proposal).hasPassed("End_DeadlineOverride", "Event_DeadlineOverride", "Task_RecordDeadlineOverride",
        "Gateway_FourPartyDiscussionComplete").isWaitingAtExactly("Task_RecordJointDecision");
    assertThat(child.variable(OVERRIDE_USED.name())).isEqualTo(true);
    assertThat(child.variable(FOUR_PARTY_DISCUSSION_COMPLETE.name())).isEqualTo(false);
    assertThat(child.variable(OVERRIDE_BY.name())).isEqualTo(TestStaff.SENIOR_MANAGER);
    assertThat(child.variable(OVERRIDE_DATE.name())).isEqualTo("2026-03-11");
    assertThat(child.variable(VIEWS_MISSING_AT_OVERRIDE.name()).toString()).isEqualTo("[\"IRO\"]");

    child.decide("ICPC");
    assertThat(child.proposal).isWaitingAtExactly("Task_ScheduleIcpc");
  }

  @Test
  void onlyASeniorManagerCanOverride() {
    child.hadAPlanLastYear().proposed().summariseHistory().whenTimerFires("StartEvent_ViewsOverdue");
    Task chase = child.task("Task_ChaseMissingViews");
    engine.getTaskService().setAssignee(chase.getId(), TestStaff.TEAM_MANAGER);
    assertThatThrownBy(() -> engine.getTaskService().complete(chase.getId(), Map.of(CHASE_DECISION.name(), "OVERRIDE", CHASE_NOTES.name(), "x",
        OVERRIDE_REASONS.name(), "The conference must be held by 20 March and the IRO is away")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Only senior managers can complete this task");
    assertThat(child.proposal).isWaitingAt("Task_ChaseMissingViews").hasNotPassed("Task_RecordDeadlineOverride");
  }

  @Test
  void legalsViewAnswersTheLegalQuestions_aMeetingDateWheneverProceedingsOrPreProceedingsAreInView() {
    child.hadAPlanLastYear().proposed().summariseHistory();
    Task legal = child.task("Task_LegalView");
    engine.getTaskService().setAssignee(legal.getId(), TestStaff.LEGAL);
    Map<String, Object> generic = new HashMap<>(RepeatIcpcDriver.viewAnswers(FourPartyView.LEGAL, "LEGAL_ROUTE"));
    generic.remove(LEGAL_PROCEEDINGS_THRESHOLD.name());
    generic.remove(LEGAL_PLO_RECOMMENDED.name());
    generic.remove(LEGAL_PLANNING_MEETING_BY.name());
    assertThatThrownBy(() -> engine.getTaskService().complete(legal.getId(), generic))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("threshold for care proceedings");

    Map<String, Object> noDate = new HashMap<>(generic);
    noDate.putAll(RepeatIcpcDriver.legalAdvice("UNCLEAR", "YES", null));
    assertThatThrownBy(() -> engine.getTaskService().complete(legal.getId(), noDate))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Give the date by which a legal planning meeting is needed");
    Map<String, Object> past = new HashMap<>(generic);
    past.putAll(RepeatIcpcDriver.legalAdvice("YES", "NO", EngineClock.today().minusDays(1)));
    assertThatThrownBy(() -> engine.getTaskService().complete(legal.getId(), past))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("cannot be in the past");
    assertThat(child.proposal).isWaitingAt("Task_LegalView");

    Map<String, Object> noProceedings = new HashMap<>(generic);
    noProceedings.putAll(RepeatIcpcDriver.legalAdvice("NO", "NO", null));
    engine.getTaskService().complete(legal.getId(), noProceedings);
    assertThat(child.variable(LEGAL_PROCEEDINGS_THRESHOLD.name())).isEqualTo("NO");
    assertThat(child.variable(LEGAL_PLO_RECOMMENDED.name())).isEqualTo("NO");
    assertThat(child.variable(LEGAL_VIEW_BY.name())).isEqualTo(TestStaff.LEGAL);
  }

  @Test
  void withThreeOfTheFourViewsScheduleTheIcpcCannotBeReached_whateverTheFormsSubmit() {
    child.hadAPlanLastYear().proposed().summariseHistory().teamManagerView().seniorManagerView();
    // The third view tries to open the gate by submitting what the process records itself.
    Map<String, Object> forged = new HashMap<>(RepeatIcpcDriver.viewAnswers(FourPartyView.LEGAL, "ICPC"));
    forged.put(IRO_VIEW_BY.name(), TestStaff.IRO);
    forged.put(FOUR_PARTY_DISCUSSION_COMPLETE.name(), true);
    forged.put(OVERRIDE_USED.name(), true);
    forged.put(DECISION.name(), "ICPC");
    Task legal = child.task("Task_LegalView");
    engine.getTaskService().setAssignee(legal.getId(), TestStaff.LEGAL);
    engine.getTaskService().complete(legal.getId(), forged);

    assertThat(child.proposal).isWaitingAt("Task_IroView").hasNotPassed("Gateway_FourPartyDiscussionComplete", "Task_ScheduleIcpc");
    assertThat(child.variable(IRO_VIEW_BY.name())).as("a form cannot give someone else's view").isNull();
    assertThat(child.variable(FOUR_PARTY_DISCUSSION_COMPLETE.name())).isEqualTo(false);
    assertThat(child.variable(OVERRIDE_USED.name())).isEqualTo(false);
    Task iro = child.task("Task_IroView");
    engine.getTaskService().setAssignee(iro.getId(), null);
    assertThatThrownBy(() -> engine.getTaskService().complete(iro.getId(), RepeatIcpcDriver.viewAnswers(FourPartyView.IRO, "ICPC")))
        .as("no one has taken the IRO's view").isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Assign this task");
    engine.getTaskService().setAssignee(iro.getId(), TestStaff.SENIOR_MANAGER);
    assertThatThrownBy(() -> engine.getTaskService().complete(iro.getId(), RepeatIcpcDriver.viewAnswers(FourPartyView.IRO, "ICPC")))
        .as("a senior manager cannot give the IRO's view").isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Only independent reviewing officers can complete this task");
    assertThat(child.proposal).isWaitingAt("Task_IroView").hasNotPassed("Task_ScheduleIcpc", "Task_RecordJointDecision");

    // A forged gate variable does not survive the discussion: the gate reads what the views recorded.
    child.iroView();
    assertThat(child.variable(FOUR_PARTY_DISCUSSION_COMPLETE.name())).isEqualTo(true);
    assertThat(child.variable(OVERRIDE_USED.name())).as("no override was made").isEqualTo(false);
  }

  @Test
  void aTokenMovedPastTheDiscussionIsSentBackToIt() {
    child.hadAPlanLastYear().proposed().summariseHistory().teamManagerView();
    // An administrator moves the proposal past the discussion in Cockpit: the gate sends it back.
    engine.getRuntimeService().createProcessInstanceModification(child.proposal.getId())
        .cancelAllForActivity("SubProcess_FourPartyDiscussion")
        .startBeforeActivity("Gateway_DiscussionClosed")
        .execute();
    assertThat(child.passes("Gateway_DiscussAgain")).as("back to the discussion").isEqualTo(2);
    assertThat(child.proposal)
        .isWaitingAt("Task_TeamManagerView", "Task_SeniorManagerView", "Task_IroView", "Task_LegalView")
        .hasNotPassed("Task_RecordJointDecision", "Task_ScheduleIcpc");
  }

  @Test
  void theIroViewGoesToTheIroGroupWhenTheLastPlansIroIsNoLongerAnIro() {
    // The last plan was chaired by someone who is now a team manager.
    child.hadPlan("2024-01-08", "2025-01-10", "NEG", TestStaff.TEAM_MANAGER).proposed().summariseHistory();
    Task iro = child.task("Task_IroView");
    assertThat(iro.getAssignee()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(iro.getId())).extracting(IdentityLink::getGroupId).containsExactly("iros");
    assertThat(child.variable(PREVIOUS_IRO.name())).isEqualTo(TestStaff.TEAM_MANAGER);
    assertThat(child.variable(CONTINUITY_IRO.name())).isNull();
    assertThat(child.variable(CHAIR.name())).as("no chair is pre-selected").isNull();
  }

  @Test
  void aPlanEndedMoreThanTwoYearsAgoStillMakesItARepeat_butNotWithinTwoYears() {
    child.hadPlan("2022-01-10", "2023-06-01", "EMO", "iro.retired").proposed();
    assertThat(child.variable(WITHIN_TWO_YEARS.name())).isEqualTo(false);
    assertThat(child.variable(MONTHS_SINCE_LAST_PLAN.name())).isEqualTo(32);
    assertThat(child.variable(CONTINUITY_IRO.name())).isNull();
  }

  @Test
  void aChildWithNoPreviousPlan_aChildWithAnOpenPlan_andASecondProposal_areRefusedAndNothingStarts() {
    assertThatThrownBy(() -> child.proposed()).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("no previous child protection plan");
    planHistory.insert(new CpPlan(null, child.childRef, LocalDate.of(2025, 11, 3), null, "NEG", "NEG", TestStaff.IRO, null, null, null,
        CpPlan.Source.IMPORT));
    assertThatThrownBy(() -> child.proposed()).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("has not ended");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(child.childRef).count()).isZero();

    RepeatIcpcDriver other = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear().proposed();
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, other.childRef,
        RepeatIcpcDriver.proposalVariables(other.childRef, FRIDAY_27_FEBRUARY_2026)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("already has a proposal");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(other.childRef).count()).isEqualTo(1);
  }

  @Test
  void aChildWhoseOnlyEarlierPlanWasHeldByAnotherAuthority_isProposedWithThatPlanDeclared() {
    Map<String, Object> proposal = RepeatIcpcDriver.proposalVariables(child.childRef, FRIDAY_27_FEBRUARY_2026);
    proposal.putAll(RepeatIcpcDriver.earlierPlanElsewhere("Northshire County Council", "2023-01-09", "2024-06-28"));
    child.proposal = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, child.childRef, proposal);

    assertThat(child.proposal).hasPassed("Task_AssembleHistory").isWaitingAtExactly("Task_PrepareHistorySummary");
    assertThat(child.variable(EARLIER_PLAN_AUTHORITY.name())).isEqualTo("Northshire County Council");
    assertThat(child.variable(EARLIER_PLAN_START.name())).isEqualTo("2023-01-09");
    assertThat(child.variable(EARLIER_PLAN_END.name())).isEqualTo("2024-06-28");
    assertThat(child.variable(NUMBER_OF_PREVIOUS_PLANS.name())).isEqualTo(1);
    assertThat(child.variable(LAST_PLAN_END_DATE.name())).isEqualTo("2024-06-28");
    assertThat(child.variable(MONTHS_SINCE_LAST_PLAN.name())).isEqualTo(19);
    assertThat(child.variable(WITHIN_TWO_YEARS.name())).isEqualTo(true);
    assertThat(child.variable(ICPC_DEADLINE.name())).isEqualTo("2026-03-20");
    assertThat(child.rows(PREVIOUS_PLAN_REASONS)).extracting(row -> row.get("plan"))
        .containsExactly("9 January 2023 to 28 June 2024: held by Northshire County Council");

    assertThat(childRecord.entriesOf(child.childRef, ChildEvent.Kind.OTHER_AUTHORITY_PLAN)).singleElement()
        .satisfies(entry -> {
          assertThat(entry.date()).isEqualTo(LocalDate.of(2023, 1, 9));
          assertThat(entry.details()).containsEntry(EARLIER_PLAN_AUTHORITY.name(), "Northshire County Council")
              .containsEntry(EARLIER_PLAN_END.name(), "2024-06-28");
        });

    child.summariseHistory();
    assertThat(child.proposal).isWaitingAt("Task_TeamManagerView", "Task_SeniorManagerView", "Task_IroView", "Task_LegalView");
    assertThat(child.task("Task_IroView").getAssignee()).as("the other authority's IRO does not chair here").isNull();
  }

  @Test
  void aNewSocialWorkerTakesOverTheHistorySummary_andRecordsAHandoverNote() {
    child.hadAPlanLastYear().proposed();
    assertThat(child.variable(ALLOCATED_WORKER.name())).as("the proposing worker holds the child at first").isEqualTo(TestStaff.WORKER);

    child.holderChanges("SOCIAL_WORKER", TestStaff.SECOND_WORKER);

    assertThat(child.proposal).hasPassed("Task_HandOverToTheNewHolder", "Gateway_WhoChanged")
        .isWaitingAt("Task_PrepareHistorySummary", "Task_RecordHandoverNote");
    assertThat(child.task("Task_PrepareHistorySummary").getAssignee()).as("the open work moves").isEqualTo(TestStaff.SECOND_WORKER);
    assertThat(child.variable(ALLOCATED_WORKER.name())).isEqualTo(TestStaff.SECOND_WORKER);
    assertThat(child.variable(PROPOSED_BY.name())).as("who proposed does not change").isEqualTo(TestStaff.WORKER);
    assertThat(child.variable(WORKER_CHANGES.name())).isEqualTo(1);
    Task note = child.task("Task_RecordHandoverNote");
    assertThat(note.getName()).isEqualTo("Record a handover note - " + child.childRef);
    assertThat(note.getAssignee()).isEqualTo(TestStaff.SECOND_WORKER);
    assertThat(engine.getTaskService().getVariable(note.getId(), PREVIOUS_WORKER.name())).isEqualTo(TestStaff.WORKER);
    // Two working days after Monday 2 March 2026.
    assertThat(EngineClock.inLondon(note.getDueDate())).isEqualTo(LocalDate.of(2026, 3, 4).atTime(17, 0).atZone(EngineClock.LONDON));

    child.complete("Task_RecordHandoverNote", Map.of(HANDOVER_HISTORY_READ.name(), true,
        HANDOVER_NOTE.name(), "Read both plans and the summary notes; I will finish the summary by Wednesday"));
    assertThat(child.proposal).hasPassed("End_HandoverNoteRecorded").isWaitingAtExactly("Task_PrepareHistorySummary");
    assertThat(childRecord.entriesOf(child.childRef, ChildEvent.Kind.HANDOVER)).singleElement()
        .satisfies(entry -> assertThat(entry.who()).isEqualTo(TestStaff.SECOND_WORKER));
  }

  @Test
  void aNewIroTakesOverTheIrosViewAndTheChair_withoutAHandoverNote() {
    child.hadAPlanLastYear().proposed().summariseHistory();
    assertThat(child.task("Task_IroView").getAssignee()).isEqualTo(TestStaff.IRO);

    child.holderChanges("IRO", TestStaff.SECOND_IRO);

    assertThat(child.proposal).hasPassed("End_HandoverComplete").hasNotPassed("Task_RecordHandoverNote")
        .isWaitingAt("Task_TeamManagerView", "Task_SeniorManagerView", "Task_IroView", "Task_LegalView");
    assertThat(child.task("Task_IroView").getAssignee()).isEqualTo(TestStaff.SECOND_IRO);
    assertThat(child.variable(CHAIR.name())).isEqualTo(TestStaff.SECOND_IRO);
    assertThat(child.variable(PREVIOUS_IRO.name())).as("the last plan's IRO is history").isEqualTo(TestStaff.IRO);
    assertThat(child.variable(WORKER_CHANGES.name())).as("only changes of social worker are counted").isNull();
    assertThat(child.variable(CHILD_IRO.name())).isEqualTo(TestStaff.SECOND_IRO);
    child.teamManagerView().seniorManagerView().view(FourPartyView.IRO, TestStaff.SECOND_IRO, "ICPC").legalView();
    assertThat(child.proposal).isWaitingAtExactly("Task_RecordJointDecision");
    child.decide("ICPC").schedule(LocalDate.of(2026, 3, 18), TestStaff.SECOND_IRO);
    assertThat(child.proposal).as("the child's IRO now chairs without a reason").isWaitingAtExactly("Task_RecordConferenceOutcome");
  }

  @Test
  void aDeclaredEarlierPlanMustBeWholeInOrderInThePast_andMayNotOverlapThisAuthoritysPlans() {
    Map<String, Object> backwards = RepeatIcpcDriver.proposalVariables(child.childRef, FRIDAY_27_FEBRUARY_2026);
    backwards.putAll(RepeatIcpcDriver.earlierPlanElsewhere(" ", "2024-06-28", "2026-04-01"));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, child.childRef, backwards))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'Local authority that held the earlier plan' is required with an earlier plan")
        .hasMessageContaining("'End of the earlier plan' must be in the past");
    backwards.putAll(RepeatIcpcDriver.earlierPlanElsewhere("Northshire County Council", "2024-06-28", "2023-01-09"));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, child.childRef, backwards))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'End of the earlier plan' must be after 'Start of the earlier plan'");

    child.hadAPlanLastYear();
    Map<String, Object> overlapping = RepeatIcpcDriver.proposalVariables(child.childRef, FRIDAY_27_FEBRUARY_2026);
    overlapping.putAll(RepeatIcpcDriver.earlierPlanElsewhere("Northshire County Council", "2023-06-05", "2024-03-01"));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, child.childRef, overlapping))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("overlaps this authority's plan from 2024-01-08 to 2025-01-10");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(child.childRef).count()).isZero();
  }

  @Test
  void invalidProposalsAreRefusedWithEveryProblem() {
    child.hadAPlanLastYear();
    Map<String, Object> bad = RepeatIcpcDriver.proposalVariables(child.childRef, MONDAY_2_MARCH_2026.plusDays(1));
    bad.put(CATEGORY_OF_ABUSE.name(), "NEGLECT");
    bad.put(PROPOSED_BY.name(), TestStaff.TEAM_MANAGER);
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, child.childRef, bad))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("cannot be in the future")
        .hasMessageContaining("CIN census code")
        .hasMessageContaining("'The child's social worker' must name a member of staff who is one of the social workers");
  }

  @Test
  void theHistorySummaryNeedsReasonsForEveryPreviousPlan() {
    child.hadPlan("2021-05-03", "2022-02-07", "PHY", TestStaff.IRO).hadAPlanLastYear().proposed();
    Map<String, Object> summary = RepeatIcpcDriver.historySummary(child.rows(PREVIOUS_PLAN_REASONS).subList(0, 1));
    assertThatThrownBy(() -> child.complete("Task_PrepareHistorySummary", summary))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("1 of 2 complete");
    assertThat(child.proposal).isWaitingAtExactly("Task_PrepareHistorySummary");
  }

  @Test
  void aDecisionForAnotherConferenceMustRecordAlternativesAndWhatWillBeDifferent() {
    child.hadAPlanLastYear().proposed().summariseHistory().allFourViews();
    Task task = child.task("Task_RecordJointDecision");
    engine.getTaskService().setAssignee(task.getId(), TestStaff.SENIOR_MANAGER);
    Map<String, Object> noAlternatives = RepeatIcpcDriver.jointDecision("ICPC");
    noAlternatives.put(ALTERNATIVES_CONSIDERED.name(), List.of(Map.of("framework", "ICPC", "whyNotChosen", "It is the same thing")));
    noAlternatives.remove(WHAT_WILL_BE_DIFFERENT.name());
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), noAlternatives))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("at least one alternative").hasMessageContaining("what will be different this time");

    engine.getTaskService().setAssignee(task.getId(), TestStaff.TEAM_MANAGER);
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), RepeatIcpcDriver.jointDecision("ICPC")))
        .as("the joint decision is a senior manager's to record").isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Only senior managers can complete this task");
    assertThat(child.proposal).isWaitingAtExactly("Task_RecordJointDecision");
  }

  @Test
  void aLateConferenceOrADifferentChairNeedsAReason_andTheChairMustBeAnIro() {
    child.hadAPlanLastYear().proposed().summariseHistory().allFourViews().decide("ICPC");
    LocalDate afterTheDeadline = LocalDate.of(2026, 3, 23);
    assertThatThrownBy(() -> child.schedule(afterTheDeadline, TestStaff.IRO))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("after the statutory deadline of 20/03/2026");
    assertThatThrownBy(() -> child.schedule(LocalDate.of(2026, 3, 16), TestStaff.SECOND_IRO))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("previous IRO (iro.one) is still an IRO");
    assertThatThrownBy(() -> child.schedule(LocalDate.of(2026, 3, 16), TestStaff.WORKER))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("is not an IRO");
    assertThatThrownBy(() -> child.schedule(LocalDate.of(2026, 2, 27), TestStaff.IRO))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("cannot be in the past");

    child.schedule(Map.of(CONFERENCE_DATE.name(), afterTheDeadline.toString(), CHAIR.name(), TestStaff.SECOND_IRO,
        LATE_CONFERENCE_REASON.name(), "The family's solicitor cannot attend before 23 March",
        DIFFERENT_CHAIR_REASON.name(), "iro.one is on leave that week"));
    assertThat(child.proposal).isWaitingAtExactly("Task_RecordConferenceOutcome");
    assertThat(child.variable(PREVIOUS_IRO_CHAIRS.name())).isEqualTo(false);
  }

  @Test
  void theCoordinatorRecordsThatNoPlanWasMade_andAPlanNeedsAPlausibleStartDate() {
    child.hadAPlanLastYear().proposed().summariseHistory().allFourViews().decide("ICPC").schedule(LocalDate.of(2026, 3, 18), TestStaff.IRO);
    assertThatThrownBy(() -> child.recordOutcome(null, null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("whether the conference made a child protection plan");
    assertThatThrownBy(() -> child.recordOutcome("PLAN_MADE", null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("give the date the child protection plan started");
    assertThatThrownBy(() -> child.recordOutcome("PLAN_MADE", EngineClock.today().plusDays(1)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("cannot start in the future");
    assertThatThrownBy(() -> child.recordOutcome("PLAN_MADE", LocalDate.parse((String) child.variable(STRATEGY_DISCUSSION_DATE.name())).minusDays(1)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("before the strategy discussion");
    assertThat(child.proposal).isWaitingAtExactly("Task_RecordConferenceOutcome");

    child.recordOutcome("NO_PLAN", LocalDate.of(2026, 3, 18));
    assertThat(child.proposal).isEnded().hasPassed("Task_RecordConferenceOutcome", "End_NoPlanMade").hasNotPassed("Task_AddPlanToHistory");
    assertThat(child.variable(PLAN_MADE.name())).isEqualTo(false);
    assertThat(child.variable(PLAN_START_DATE.name())).as("no start date is kept without a plan").isNull();
    assertThat(planHistory.plansOf(child.childRef)).hasSize(1);
  }

  @Test
  void aNewPlanThatWouldOverlapARecordedPlanIsRefused() {
    child.hadAPlanLastYear().proposed().summariseHistory().allFourViews().decide("ICPC").schedule(LocalDate.of(2026, 3, 18), TestStaff.IRO);
    assertThatThrownBy(() -> child.conferenceOutcome(true, LocalDate.of(2024, 6, 3)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("never overlap");
    assertThat(child.proposal).isWaitingAtExactly("Task_RecordConferenceOutcome");
    assertThat(planHistory.plansOf(child.childRef)).hasSize(1);
  }

  @Test
  void deadlinesCountWorkingDaysAcrossAWeekendAndTheEarlyMayBankHoliday() {
    // Strategy discussion Thursday 30 April 2026; Monday 4 May is a bank holiday.
    EngineClock.setTo(LocalDate.of(2026, 5, 1), LocalTime.of(9, 0));
    child.hadAPlanLastYear().proposed(LocalDate.of(2026, 4, 30));
    assertThat(child.variable(ICPC_DEADLINE.name())).isEqualTo("2026-05-22");
    assertThat(child.variable(DISCUSSION_DEADLINE.name())).isEqualTo("2026-05-13");
    assertThat(EngineClock.inLondon(child.task("Task_PrepareHistorySummary").getDueDate()))
        .isEqualTo(LocalDate.of(2026, 5, 6).atTime(17, 0).atZone(EngineClock.LONDON));
    child.summariseHistory();
    assertThat(EngineClock.inLondon(child.timer("StartEvent_ViewsOverdue").getDuedate()))
        .as("two working days before Wednesday 13 May").isEqualTo(LocalDate.of(2026, 5, 11).atTime(17, 0).atZone(EngineClock.LONDON));
    child.allFourViews();
    assertThat(EngineClock.inLondon(child.task("Task_RecordJointDecision").getDueDate()))
        .isEqualTo(LocalDate.of(2026, 5, 13).atTime(17, 0).atZone(EngineClock.LONDON));
  }
}
