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
    assertThat(order.variable(LENGTH_MONTHS)).as("a year unless the court said otherwise").isEqualTo(12);
    assertThat(order.variable(ORDER_END_DATE)).isEqualTo("2027-03-02");
    assertThat(order.variable(LATEST_PERMITTED_END_DATE)).isEqualTo("2029-03-02");
    assertThat(order.variable(EXTENSION_DECISION_DUE_DATE)).as("three months before expiry").isEqualTo("2026-12-02");
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
    assertThat(Spin.JSON(engine.getTaskService().getVariable(review.getId(), OUTCOME_REVIEWS).toString()).elements())
        .as("one row per outcome of the plan, nothing filled in").hasSize(2)
        .allSatisfy(row -> assertThat(row.hasProp("progress")).isFalse());
    order.reviewOutcomes("ON_TRACK");
    order.whenTimerFires("Event_OutcomeReviewDue");
    assertThat(engine.getTaskService().getVariable(order.task("Task_ReviewOutcomes").getId(), OUTCOME_REVIEW_SUMMARY))
        .as("the next review opens without last time's judgement").isNull();
    order.reviewOutcomes("SOME_PROGRESS");

    order.whenTimerFires("Event_ExtensionDecisionDue");
    assertThat(engine.getTaskService().getIdentityLinksForTask(order.task("Task_DecideExtension").getId()))
        .extracting(IdentityLink::getGroupId).contains(TestStaff.TEAM).doesNotContain("team-managers");
    order.decideExtension("LET_END", null);
    assertThat(order.order).hasPassed("End_OrderLeftToEnd").isWaitingAt("Event_OutcomeReviewDue");
    assertThat(order.variable(EXTENSION_DECISION)).isEqualTo("LET_END");

    order.whenTimerFires("Event_OrderExpires");
    assertThat(order.order).isWaitingAtExactly("Task_HoldEndOfOrderReview");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(order.order.getId()).count())
        .as("the reviews end with the order").isZero();
    order.endOfOrderReview();
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
    assertThat(order.variable(ORDER_END_DATE)).isEqualTo("2028-03-02");
    assertThat(order.variable(EXTENSION_DECISION_DUE_DATE)).isEqualTo("2027-12-02");
    assertThat(order.variable(ORDER_EXTENSIONS)).isEqualTo(1);
    assertThat(EngineClock.inLondon(order.timer("Event_OrderExpires").getDuedate())).isEqualTo(endOfDay(2028, 3, 2));
    assertThat(EngineClock.inLondon(order.timer("Event_ExtensionDecisionDue").getDuedate())).isEqualTo(endOfDay(2027, 12, 2));
  }

  @Test
  void whenTheCourtRefusesTheExtensionTheOrderEndsOnItsDate() {
    order.madeFor(6).writeSupportPlan().whenTimerFires("Event_ExtensionDecisionDue").decideExtension("APPLY_TO_EXTEND", 6)
        .courtDecides("REFUSED", null);
    assertThat(order.order).hasPassed("End_ExtensionRefused").isWaitingAt("Event_OutcomeReviewDue");
    assertThat(order.variable(ORDER_END_DATE)).isEqualTo("2026-09-02");
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
    assertThatThrownBy(() -> order.complete("Task_WriteSupportPlan", Map.of(SUPPORT_PLAN_OUTCOMES, List.of(),
        SUPPORT_PLAN_FAMILY_VIEWS, "Agreed")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("at least one outcome");
    order.writeSupportPlan().whenTimerFires("Event_OutcomeReviewDue");
    assertThatThrownBy(() -> order.complete("Task_ReviewOutcomes", Map.of(OUTCOME_REVIEW_SUMMARY, "Fine",
        OUTCOME_REVIEWS, List.of(Map.of("outcome", "Attends school every day", "progress", "ON_TRACK", "evidence", "School")))))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Still missing: 'The home is safe and clean'");
    assertThat(order.order).isWaitingAt("Task_ReviewOutcomes");
  }

  @Test
  void anOrderIsRecordedOnlyIfItIsRealAndStillInForce_andOnceForEachChild() {
    Map<String, Object> tooLong = order.orderMade(13);
    assertThatThrownBy(() -> order.made(tooLong)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("from 1 to 12");
    Map<String, Object> future = order.orderMade(12);
    future.put(ORDER_DATE, "2026-03-03");
    assertThatThrownBy(() -> order.made(future)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("cannot be in the future");
    Map<String, Object> ended = order.orderMade(6);
    ended.put(ORDER_DATE, "2025-06-02");
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

  private static ZonedDateTime endOfDay(int year, int month, int day) {
    return LocalDate.of(year, month, day).atTime(17, 0).atZone(EngineClock.LONDON);
  }
}
