package org.safeguardingworkflows.supervisionorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildEvent.Kind;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.CoverageOf;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.FullProcessCoverage;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * One scenario per path through the supervision of an order: outcome reviews, the extension decision (let it
 * end, apply and be granted or refused), the three-year limit, the end-of-order review and the re-referral check a
 * year later. The engine clock starts on Monday 2 March 2026, the day the order is made.
 */
@ApplicationTest
@TestExecutionListeners(listeners = FullProcessCoverage.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@CoverageOf(SupervisionOrderVariables.PROCESS_KEY)
class SupervisionOrderScenariosTest {

  static final LocalDate MONDAY_2_MARCH_2026 = LocalDate.of(2026, 3, 2);

  @Autowired ProcessEngine engine;
  @Autowired ChildRecord childRecord;
  SupervisionOrderDriver order;

  @BeforeEach
  void startOnAMondayMorning() {
    BpmnAwareTests.init(engine);
    EngineClock.setTo(MONDAY_2_MARCH_2026, LocalTime.of(9, 0));
    order = new SupervisionOrderDriver(engine);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void anOrderIsReviewedOutcomeByOutcome_leftToEnd_reviewedForWhatItAchieved_andCheckedForReReferralAYearOn() {
    order.made(order.orderMade(null));
    assertThat(order.variable(LENGTH_MONTHS.name())).as("a year unless the court said otherwise").isEqualTo(12);
    assertThat(order.variable(ORDER_END_DATE.name())).isEqualTo("2027-03-02");
    assertThat(order.variable(LATEST_PERMITTED_END_DATE.name())).isEqualTo("2029-03-02");
    assertThat(order.variable(EXTENSION_DECISION_DUE_DATE.name())).as("three months before expiry").isEqualTo("2026-12-02");
    var plan = order.task("Task_WriteSupportPlan");
    assertThat(plan.getAssignee()).isEqualTo(TestStaff.WORKER);
    // Ten working days after the order (Monday 2 March 2026) is Monday 16 March.
    assertThat(EngineClock.inLondon(plan.getDueDate())).isEqualTo(endOfDay(2026, 3, 16));

    order.writeSupportPlan();
    assertThat(order.order).isWaitingAt("Event_OutcomeReviewDue", "Event_ExtensionDecisionDue");
    assertThat(order.timer("Event_OutcomeReviewDue").getDuedate()).as("every six weeks")
        .isEqualTo(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(42))));
    assertThat(EngineClock.inLondon(order.timer("Event_ExtensionDecisionDue").getDuedate())).isEqualTo(endOfDay(2026, 12, 2));
    assertThat(EngineClock.inLondon(order.timer("Event_OrderExpires").getDuedate())).isEqualTo(endOfDay(2027, 3, 2));

    order.whenTimerFires("Event_OutcomeReviewDue");
    var review = order.task("Task_ReviewOutcomes");
    assertThat(Spin.JSON(engine.getTaskService().getVariable(review.getId(), OUTCOME_REVIEWS.name()).toString()).elements())
        .as("one row per outcome of the plan, nothing filled in").hasSize(2)
        .allSatisfy(row -> assertThat(row.hasProp("progress")).isFalse());
    order.reviewOutcomes("ON_TRACK").agreeReview();
    order.whenTimerFires("Event_OutcomeReviewDue");
    assertThat(engine.getTaskService().getVariable(order.task("Task_ReviewOutcomes").getId(), OUTCOME_REVIEW_SUMMARY.name()))
        .as("the next review opens without last time's judgement").isNull();
    order.reviewOutcomes("SOME_PROGRESS").agreeReview();

    order.whenTimerFires("Event_ExtensionDecisionDue");
    assertThat(engine.getTaskService().getIdentityLinksForTask(order.task("Task_DecideExtension").getId()))
        .extracting(IdentityLink::getGroupId).contains(TestStaff.TEAM).doesNotContain("team-managers");
    order.decideExtension("LET_END", null);
    assertThat(order.order).hasPassed("End_OrderLeftToEnd").isWaitingAt("Event_OutcomeReviewDue");
    assertThat(order.variable(EXTENSION_DECISION.name())).isEqualTo("LET_END");

    order.whenTimerFires("Event_OrderExpires");
    assertThat(order.order).isWaitingAtExactly("Task_HoldEndOfOrderReview");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(order.order.getId()).count())
        .as("the reviews end with the order").isZero();
    order.endOfOrderReview().scrutiniseEndOfOrderReview(TestStaff.TEAM_MANAGER, "AGREE", "NONE");
    assertThat(EngineClock.inLondon(order.timer("Event_ReReferralCheckDue").getDuedate())).isEqualTo(endOfDay(2028, 3, 2));

    order.whenTimerFires("Event_ReReferralCheckDue").checkReReferral("NO");
    assertThat(order.order).isEnded().hasPassed("End_SupervisionOrderClosed");
  }

  @Test
  void anExtensionTheCourtGrantsMovesTheEndDate_andTheOrderIsSupervisedForItsNewPeriod() {
    order.madeFor(12).writeSupportPlan().whenTimerFires("Event_ExtensionDecisionDue").decideExtension("APPLY_TO_EXTEND", 12);
    var court = order.task("Task_RecordCourtDecision");
    assertThat(engine.getTaskService().getIdentityLinksForTask(court.getId())).extracting(IdentityLink::getGroupId)
        .contains("legal", TestStaff.TEAM).doesNotContain("team-managers");
    assertThat(EngineClock.inLondon(court.getDueDate())).as("before the order expires").isEqualTo(endOfDay(2027, 3, 2));

    order.courtDecides("GRANTED", "2028-03-02");
    assertThat(order.order).hasPassed("End_OrderExtended").isWaitingAt("Event_OutcomeReviewDue", "Event_ExtensionDecisionDue");
    assertThat(order.variable(ORDER_END_DATE.name())).isEqualTo("2028-03-02");
    assertThat(order.variable(EXTENSION_DECISION_DUE_DATE.name())).isEqualTo("2027-12-02");
    assertThat(order.variable(ORDER_EXTENSIONS.name())).isEqualTo(1);
    assertThat(EngineClock.inLondon(order.timer("Event_OrderExpires").getDuedate())).isEqualTo(endOfDay(2028, 3, 2));
    assertThat(EngineClock.inLondon(order.timer("Event_ExtensionDecisionDue").getDuedate())).isEqualTo(endOfDay(2027, 12, 2));
  }

  @Test
  void whenTheCourtRefusesTheExtensionTheOrderEndsOnItsDate() {
    order.madeFor(6).writeSupportPlan().whenTimerFires("Event_ExtensionDecisionDue").decideExtension("APPLY_TO_EXTEND", 6)
        .courtDecides("REFUSED", null);
    assertThat(order.order).hasPassed("End_ExtensionRefused").isWaitingAt("Event_OutcomeReviewDue");
    assertThat(order.variable(ORDER_END_DATE.name())).isEqualTo("2026-09-02");
    order.whenTimerFires("Event_OrderExpires");
    assertThat(order.order).isWaitingAtExactly("Task_HoldEndOfOrderReview");
  }

  @Test
  void anExtensionCanNeverTakeTheOrderBeyondThreeYearsFromTheDateItWasMade() {
    order.madeFor(12).writeSupportPlan().whenTimerFires("Event_ExtensionDecisionDue");
    assertThatThrownBy(() -> order.decideExtension("APPLY_TO_EXTEND", 30))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("would end the order on 2 September 2029")
        .hasMessageContaining("The latest permitted end date is 2 March 2029");
    assertThatThrownBy(() -> order.decideExtension("APPLY_TO_EXTEND", null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("in whole months");
    assertThat(order.order).isWaitingAt("Task_DecideExtension");

    order.decideExtension("APPLY_TO_EXTEND", 24);
    assertThatThrownBy(() -> order.courtDecides("GRANTED", "2029-06-01"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("The latest permitted end date is 2 March 2029");
    assertThatThrownBy(() -> order.courtDecides("GRANTED", "2027-01-01"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("after the current end date, 2 March 2027");
    order.courtDecides("GRANTED", "2029-03-02");

    // Now at its limit: the next decision can only let it end.
    order.whenTimerFires("Event_ExtensionDecisionDue");
    assertThatThrownBy(() -> order.decideExtension("APPLY_TO_EXTEND", 1))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("already ends on 2 March 2029, the latest permitted end date");
    order.decideExtension("LET_END", null);
    assertThat(order.order).hasPassed("End_OrderLeftToEnd");
  }

  @Test
  void theSupportPlanNeedsMeasurableOutcomes_andEveryReviewCoversEachOfThem() {
    order.madeFor(12);
    assertThatThrownBy(() -> order.complete("Task_WriteSupportPlan", Map.of(SUPPORT_PLAN_OUTCOMES.name(), List.of(),
        SUPPORT_PLAN_FAMILY_VIEWS.name(), "Agreed")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("at least one outcome");
    order.writeSupportPlan().whenTimerFires("Event_OutcomeReviewDue");
    assertThatThrownBy(() -> order.complete("Task_ReviewOutcomes", Map.of(OUTCOME_REVIEW_SUMMARY.name(), "Fine",
        OUTCOME_REVIEWS.name(), List.of(Map.of("outcome", "Attends school every day", "progress", "ON_TRACK", "evidence", "School")))))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Still missing: 'The home is safe and clean'");
    assertThat(order.order).isWaitingAt("Task_ReviewOutcomes");
  }

  @Test
  void anOrderIsRecordedOnlyIfItIsRealAndStillInForce_andOnceForEachChild() {
    Map<String, Object> tooLong = order.orderMade(13);
    assertThatThrownBy(() -> order.made(tooLong)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("from 1 to 12");
    Map<String, Object> future = order.orderMade(12);
    future.put(ORDER_DATE.name(), "2026-03-03");
    assertThatThrownBy(() -> order.made(future)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("cannot be in the future");
    Map<String, Object> ended = order.orderMade(6);
    ended.put(ORDER_DATE.name(), "2025-06-02");
    assertThatThrownBy(() -> order.made(ended)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("ended on 2 December 2025");
    Map<String, Object> notWhole = order.orderMade(6.5);
    assertThatThrownBy(() -> order.made(notWhole)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("whole number of months");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(order.childRef).count()).isZero();

    order.madeFor(12);
    assertThatThrownBy(() -> order.made(order.orderMade(12))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("already has a supervision order");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(order.childRef).count()).isEqualTo(1);
  }

  @Test
  void aTeamManagerScrutinisesEachOutcomeReview_sendingItBackWithReasons_andAgreeingItOnceCorrected() {
    order.madeFor(12).writeSupportPlan().whenTimerFires("Event_OutcomeReviewDue").reviewOutcomes("ON_TRACK");
    assertThat(order.order).isWaitingAt("Task_ScrutiniseOutcomeReview");
    var scrutiny = order.task("Task_ScrutiniseOutcomeReview");
    assertThat(engine.getTaskService().getIdentityLinksForTask(scrutiny.getId())).extracting(IdentityLink::getGroupId)
        .contains(TestStaff.TEAM).doesNotContain("team-managers");
    assertThat(order.variable(OUTCOME_REVIEW_BY.name())).isEqualTo(TestStaff.WORKER);
    assertThat(order.variable(OUTCOME_REVIEW_NEEDS_ESCALATION.name())).isEqualTo("NO");
    assertThatThrownBy(() -> order.scrutinise(TestStaff.WORKER, "AGREE", "NONE"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Only team managers can complete this task");
    assertThatThrownBy(() -> order.scrutinise(TestStaff.TEAM_MANAGER, "AGREE", null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Say whether the review is escalated");

    order.scrutinise(TestStaff.TEAM_MANAGER, "SEND_BACK", null);
    assertThat(order.order).hasPassed("Gateway_ScrutinyDecision").isWaitingAt("Task_ReviewOutcomes");
    var reopened = order.task("Task_ReviewOutcomes");
    assertThat(reopened.getAssignee()).isEqualTo(TestStaff.WORKER);
    assertThat(OUTCOME_REVIEWS.read(engine.getTaskService().getVariable(reopened.getId(), OUTCOME_REVIEWS.name())))
        .as("the worker corrects their own answers").hasSize(2)
        .allSatisfy(row -> assertThat(row.get("progress")).isEqualTo("ON_TRACK"));
    assertThat(engine.getTaskService().getVariable(reopened.getId(), SCRUTINY_REASONS.name())).as("the manager's reasons are shown")
        .isEqualTo("Say what the school actually reported for this half term");
    assertThat(engine.getTaskService().getVariable(reopened.getId(), OUTCOME_REVIEW_SUMMARY.name())).isEqualTo("The order is helping");

    order.reviewOutcomes("ON_TRACK").agreeReview();
    assertThat(order.order).hasPassed("Gateway_EscalateReview", "Gateway_ReviewCycleContinues").isWaitingAt("Event_OutcomeReviewDue", "Event_ExtensionDecisionDue");
    assertThat(order.variable(SCRUTINISED_BY.name())).isEqualTo(TestStaff.TEAM_MANAGER);
    order.whenTimerFires("Event_OutcomeReviewDue");
    assertThat(Spin.JSON(engine.getTaskService().getVariable(order.task("Task_ReviewOutcomes").getId(), OUTCOME_REVIEWS.name()).toString())
        .elements()).as("the next review opens blank again").allSatisfy(row -> assertThat(row.hasProp("progress")).isFalse());
  }

  @Test
  void aTeamManagerWhoWroteTheReviewCannotScrutiniseIt() {
    String both = staffMember("tm.sw.order", "social-workers", "team-managers");
    Map<String, Object> made = order.orderMade(12);
    made.put(ALLOCATED_WORKER.name(), both);
    order.made(made).writeSupportPlan().whenTimerFires("Event_OutcomeReviewDue").reviewOutcomes("ON_TRACK");
    assertThatThrownBy(() -> order.scrutinise(both, "AGREE", "NONE"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("other than the worker who wrote it");
    order.agreeReview();
    assertThat(order.order).isWaitingAt("Event_OutcomeReviewDue");
  }

  @Test
  void aReviewFindingNoProgressMustBeEscalated_hereToAStrategyDiscussionWhoseOutcomeIsRecordedEvenAfterTheOrderEnds() {
    order.madeFor(6).writeSupportPlan().whenTimerFires("Event_OutcomeReviewDue").reviewOutcomes("NO_PROGRESS");
    assertThat(order.variable(OUTCOME_REVIEW_NEEDS_ESCALATION.name())).isEqualTo("YES");
    assertThatThrownBy(() -> order.agreeReview()).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'Attends school every day', 'The home is safe and clean'")
        .hasMessageContaining("escalate it to a strategy discussion or to legal planning");

    order.scrutinise(TestStaff.TEAM_MANAGER, "AGREE", "STRATEGY_DISCUSSION");
    assertThat(order.order).hasPassed("Event_CallStrategyDiscussion", "StartEvent_StrategyDiscussionCalled")
        .isWaitingAt("Task_RecordStrategyDiscussion", "Event_OutcomeReviewDue", "Event_ExtensionDecisionDue");
    var discussion = order.task("Task_RecordStrategyDiscussion");
    assertThat(engine.getTaskService().getIdentityLinksForTask(discussion.getId())).extracting(IdentityLink::getGroupId)
        .contains(TestStaff.TEAM);
    assertThat(engine.getTaskService().getVariable(discussion.getId(), ESCALATION_REASONS.name()))
        .isEqualTo("Attendance has not improved since the order was made");

    order.whenTimerFires("Event_OrderExpires");
    assertThat(order.order).as("the discussion outlives the order").isWaitingAtExactly("EventSubProcess_StrategyDiscussionCalled", "Task_RecordStrategyDiscussion", "Task_HoldEndOfOrderReview");
    assertThatThrownBy(() -> order.recordStrategyDiscussion(EngineClock.today().plusDays(1).toString()))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("cannot be in the future");
    order.recordStrategyDiscussion(EngineClock.today().toString());
    assertThat(order.order).hasPassed("End_StrategyDiscussionRecorded").isWaitingAtExactly("Task_HoldEndOfOrderReview");
  }

  @Test
  void aReviewFindingTheChildWorseIsEscalatedToLegalPlanning_linkedBothWays() {
    order.madeFor(12).writeSupportPlan().whenTimerFires("Event_OutcomeReviewDue").reviewOutcomes("WORSE")
        .scrutinise(TestStaff.TEAM_MANAGER, "AGREE", "LEGAL_PLANNING");
    assertThat(order.order).hasPassed("Event_RequestLegalPlanning").isWaitingAt("Event_OutcomeReviewDue");
    var legal = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("legalPlanning")
        .processInstanceBusinessKey(order.childRef).singleResult();
    assertThat(legal).isNotNull();
    assertThat(order.variable(LEGAL_PLANNING_INSTANCE_ID.name())).isEqualTo(legal.getId());
    Map<String, Object> recommendation = engine.getRuntimeService().getVariables(legal.getId(),
        List.of("originProcessInstanceId", "originProcessKey", "recommendedBy", "reason", "allocatedWorker"));
    assertThat(recommendation).containsEntry("originProcessInstanceId", order.order.getId())
        .containsEntry("originProcessKey", PROCESS_KEY).containsEntry("recommendedBy", TestStaff.TEAM_MANAGER)
        .containsEntry("reason", "Attendance has not improved since the order was made")
        .containsEntry("allocatedWorker", TestStaff.WORKER);
  }

  @Test
  void anExtensionNotDecidedAMonthBeforeExpiryGoesToASeniorManager_whileTheDecisionStaysOpen() {
    order.madeFor(12).writeSupportPlan();
    assertThat(order.variable(EXTENSION_ESCALATION_DATE.name())).as("a month before expiry").isEqualTo("2027-02-02");
    order.whenTimerFires("Event_ExtensionDecisionDue");
    assertThat(EngineClock.inLondon(order.timer("Event_ExtensionDecisionOverdue").getDuedate())).isEqualTo(endOfDay(2027, 2, 2));
    order.whenTimerFires("Event_ExtensionDecisionOverdue");
    assertThat(order.order).isWaitingAt("Task_DecideExtension", "Task_ChaseExtensionDecision");
    assertThat(engine.getTaskService().getIdentityLinksForTask(order.task("Task_ChaseExtensionDecision").getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("senior-managers");
    order.chaseExtensionDecision();
    assertThat(order.order).hasPassed("End_ExtensionDecisionChased").isWaitingAt("Task_DecideExtension");
    order.decideExtension("LET_END", null);
    assertThat(order.order).hasPassed("End_OrderLeftToEnd");
  }

  @Test
  void anExtensionGrantedMovesTheEscalationWithTheNewEndDate() {
    order.madeFor(12).writeSupportPlan().whenTimerFires("Event_ExtensionDecisionDue").decideExtension("APPLY_TO_EXTEND", 6)
        .courtDecides("GRANTED", "2027-09-02");
    assertThat(order.variable(EXTENSION_ESCALATION_DATE.name())).isEqualTo("2027-08-02");
  }

  @Test
  void anEndOfOrderReviewIsScrutinisedToo_sentBack_andAChildWorseOffIsEscalatedToLegalPlanning() {
    order.madeFor(6).writeSupportPlan().whenTimerFires("Event_OrderExpires").endOfOrderReview("WORSE");
    assertThat(order.order).isWaitingAtExactly("Task_ScrutiniseEndOfOrderReview");
    assertThatThrownBy(() -> order.scrutiniseEndOfOrderReview(TestStaff.TEAM_MANAGER, "AGREE", "NONE"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("escalate it");
    order.scrutiniseEndOfOrderReview(TestStaff.TEAM_MANAGER, "SEND_BACK", null);
    var reopened = order.task("Task_HoldEndOfOrderReview");
    assertThat(OUTCOME_REVIEWS.read(engine.getTaskService().getVariable(reopened.getId(), OUTCOME_REVIEWS.name())))
        .allSatisfy(row -> assertThat(row.get("progress")).isEqualTo("WORSE"));
    order.endOfOrderReview("WORSE").scrutiniseEndOfOrderReview(TestStaff.TEAM_MANAGER, "AGREE", "LEGAL_PLANNING");
    assertThat(order.order).hasPassed("Event_RequestLegalPlanningAfterOrder").isWaitingAtExactly("Event_ReReferralCheckDue");
    var legal = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("legalPlanning")
        .processInstanceBusinessKey(order.childRef).singleResult();
    assertThat(order.variable(LEGAL_PLANNING_INSTANCE_ID.name())).isEqualTo(legal.getId());
  }

  @Test
  void anEndOfOrderReviewFindingNoProgressCanCallAStrategyDiscussion_whileTheReReferralCheckWaits() {
    order.madeFor(6).writeSupportPlan().whenTimerFires("Event_OrderExpires").endOfOrderReview("NO_PROGRESS")
        .scrutiniseEndOfOrderReview(TestStaff.TEAM_MANAGER, "AGREE", "STRATEGY_DISCUSSION");
    assertThat(order.order).hasPassed("Event_CallStrategyDiscussionAfterOrder")
        .isWaitingAtExactly("EventSubProcess_StrategyDiscussionCalled", "Task_RecordStrategyDiscussion", "Event_ReReferralCheckDue");
    order.recordStrategyDiscussion(EngineClock.today().toString());
    assertThat(order.order).isWaitingAtExactly("Event_ReReferralCheckDue");
  }

  @Test
  void aChangeOfSocialWorkerHandsTheOrderOver_andTheNewWorkerWritesAHandoverNote() {
    String newWorker = staffMember("sw.order.new", "social-workers");
    order.madeFor(12).writeSupportPlan().whenTimerFires("Event_OutcomeReviewDue");
    order.holderChanges("SOCIAL_WORKER", newWorker);
    assertThat(order.variable(ALLOCATED_WORKER.name())).isEqualTo(newWorker);
    assertThat(order.variable(WORKER_CHANGES.name())).isEqualTo(1);
    assertThat(order.task("Task_ReviewOutcomes").getAssignee()).as("the open review moves to the new worker").isEqualTo(newWorker);
    var note = order.task("Task_WriteHandoverNote");
    assertThat(note.getAssignee()).isEqualTo(newWorker);
    assertThat(engine.getTaskService().getVariable(note.getId(), PREVIOUS_WORKER.name())).isEqualTo(TestStaff.WORKER);
    order.writeHandoverNote();
    assertThat(order.order).hasPassed("Gateway_WhoChanged", "End_HandoverComplete").isWaitingAt("Task_ReviewOutcomes");
    assertThat(childRecord.entriesOfProcess(order.childRef, order.order.getId(), Kind.HANDOVER)).singleElement()
        .satisfies(entry -> assertThat(entry.who()).isEqualTo(newWorker))
        .satisfies(entry -> assertThat(entry.details()).containsKey(HANDOVER_NOTE.name()));
  }

  @Test
  void aChangeOfTeamManagerOrIroNeedsNoHandoverNote() {
    order.madeFor(12).writeSupportPlan();
    order.holderChanges("TEAM_MANAGER", TestStaff.TEAM_MANAGER).holderChanges("IRO", TestStaff.IRO);
    assertThat(order.order).hasPassed("End_HandoverComplete").isWaitingAt("Event_OutcomeReviewDue", "Event_ExtensionDecisionDue");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(order.order.getId()).count()).isZero();
    assertThat(order.variable(ALLOCATED_WORKER.name())).isEqualTo(TestStaff.WORKER);
  }

  @Test
  void theOrderWritesTheChildsChronology_plan_reviews_scrutiny_decisions_andTheReReferralCheck() {
    order.madeFor(12).writeSupportPlan().whenTimerFires("Event_OutcomeReviewDue").reviewOutcomes("ON_TRACK").agreeReview()
        .whenTimerFires("Event_ExtensionDecisionDue").decideExtension("LET_END", null)
        .whenTimerFires("Event_OrderExpires").endOfOrderReview().scrutiniseEndOfOrderReview(TestStaff.TEAM_MANAGER, "AGREE", "NONE")
        .whenTimerFires("Event_ReReferralCheckDue").checkReReferral("NO");
    List<Kind> kinds = childRecord.chronology(order.childRef).stream()
        .filter(entry -> order.order.getId().equals(entry.processInstanceId())).map(ChildEvent::kind).toList();
    assertThat(kinds).as("newest first").containsExactly(Kind.JOURNEY_ENDED, Kind.RE_REFERRAL_CHECK, Kind.SUPERVISION_ORDER_SCRUTINY,
        Kind.SUPERVISION_ORDER_REVIEW, Kind.SUPERVISION_ORDER_DECISION, Kind.SUPERVISION_ORDER_SCRUTINY,
        Kind.SUPERVISION_ORDER_REVIEW, Kind.SUPERVISION_SUPPORT_PLAN, Kind.JOURNEY_STARTED);
    assertThat(childRecord.entriesOfProcess(order.childRef, order.order.getId(), Kind.SUPERVISION_ORDER_SCRUTINY).get(1).details())
        .containsEntry(SCRUTINY_DECISION.name(), "AGREE").containsEntry(REVIEW_ESCALATION.name(), "NONE");
  }

  private String staffMember(String id, String... groups) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName("Staff");
      user.setLastName("Member");
      user.setPassword(TestStaff.PASSWORD);
      identity.saveUser(user);
      for (String group : groups) {
        identity.createMembership(id, group);
      }
      identity.createMembership(id, TestStaff.TEAM);
    }
    return id;
  }

  private static ZonedDateTime endOfDay(int year, int month, int day) {
    return LocalDate.of(year, month, day).atTime(17, 0).atZone(EngineClock.LONDON);
  }
}
