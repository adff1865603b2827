package org.safeguardingworkflows.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.CoverageOf;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.FullProcessCoverage;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * One scenario per path through a life event: a child who becomes looked after or turns 18 (the work and the open plan
 * end at once), moves to another authority (after the transfer-out) or dies (after the serious incident
 * notification), and a change of worker while the transfer is open. The engine clock starts on Monday 2 March 2026.
 */
@ApplicationTest
@TestExecutionListeners(listeners = FullProcessCoverage.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@CoverageOf(ChildLifeEventVariables.PROCESS_KEY)
class ChildLifeEventScenariosTest {

  static final LocalDate MONDAY_2_MARCH_2026 = LocalDate.of(2026, 3, 2);

  @Autowired ProcessEngine engine;
  @Autowired ChildRecord childRecord;
  @Autowired PlanHistory planHistory;
  ChildLifeEventDriver life;

  @BeforeEach
  void startOnAMondayMorning() {
    BpmnAwareTests.init(engine);
    EngineClock.setTo(MONDAY_2_MARCH_2026, LocalTime.of(9, 0));
    life = new ChildLifeEventDriver(engine);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void aChildWhoBecomesLookedAfterLeavesTheStepDownJourney_whichEndsWithThatReason() {
    ProcessInstance journey = ChildWork.start(engine, planHistory, ChildWork.Kind.STEP_DOWN, life.childRef);
    life.reported("BECAME_LOOKED_AFTER", LocalDate.of(2026, 2, 27));

    assertThat(life.event).isEnded().hasPassed("Task_EndTheChildsWork", "End_ChildsWorkEnded");
    assertThat(journey).isEnded();
    var ended = childRecord.entriesOf(life.childRef, ChildEvent.Kind.JOURNEY_ENDED);
    assertThat(ended).filteredOn(entry -> "stepDownFromProtection".equals(entry.processKey())).singleElement()
        .satisfies(entry -> assertThat(entry.details()).containsEntry("reason", "The child became looked after on 2026-02-27"));
    var lifeEvent = childRecord.entriesOf(life.childRef, ChildEvent.Kind.LIFE_EVENT);
    assertThat(lifeEvent).singleElement().satisfies(entry -> {
      assertThat(entry.date()).isEqualTo(LocalDate.of(2026, 2, 27));
      assertThat(entry.details()).containsEntry("kind", "BECAME_LOOKED_AFTER");
    });
  }

  @Test
  void aChildOnAPlanWhoTurns18_hasThePlanEndedOnTheBirthday_andTheSupervisionOrderEnds() {
    ChildWork.onAPlan(planHistory, life.childRef);
    ProcessInstance order = ChildWork.start(engine, planHistory, ChildWork.Kind.SUPERVISION_ORDER, life.childRef);
    life.reported("TURNED_18", LocalDate.of(2026, 3, 1));

    assertThat(life.event).isEnded().hasPassed("End_ChildsWorkEnded");
    assertThat(order).isEnded();
    assertThat(planHistory.plansOf(life.childRef)).singleElement()
        .satisfies(plan -> assertThat(plan.planEnd()).isEqualTo(LocalDate.of(2026, 3, 1)));
    assertThat(childRecord.entriesOf(life.childRef, ChildEvent.Kind.PLAN_ENDED)).singleElement()
        .satisfies(entry -> assertThat(entry.details()).containsEntry("reason", "TURNED_18"));
  }

  @Test
  void aChildOnAPlanWhoMovesAway_isTransferredBeforeTheWorkHereEnds() {
    ChildWork.onAPlan(planHistory, life.childRef);
    ProcessInstance order = ChildWork.start(engine, planHistory, ChildWork.Kind.SUPERVISION_ORDER, life.childRef);
    life.reported("MOVED_TO_ANOTHER_AUTHORITY", MONDAY_2_MARCH_2026);

    assertThat(life.event).isWaitingAtExactly("Task_TransferOut");
    assertThat(order).isNotEnded();
    var transfer = life.task("Task_TransferOut");
    assertThat(transfer.getAssignee()).isEqualTo(TestStaff.WORKER);
    assertThat(EngineClock.inLondon(transfer.getDueDate())).as("5 working days after the move").isEqualTo(endOfDay(2026, 3, 9));
    // 15 working days after Monday 2 March 2026: Monday 23 March.
    assertThat(engine.getTaskService().getVariable(transfer.getId(), ChildLifeEventVariables.TRANSFER_IN_CONFERENCE_DUE_DATE.name()))
        .isEqualTo("2026-03-23");

    assertThatThrownBy(() -> life.transferred(MONDAY_2_MARCH_2026, MONDAY_2_MARCH_2026, null, null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("transfer-in conference");
    assertThatThrownBy(() -> life.transferred(MONDAY_2_MARCH_2026, MONDAY_2_MARCH_2026, LocalDate.of(2026, 4, 20), null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("more than 15 working days");
    assertThatThrownBy(() -> life.transferred(MONDAY_2_MARCH_2026, MONDAY_2_MARCH_2026.plusDays(1), LocalDate.of(2026, 3, 20), null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("once it has happened");
    assertThat(life.event).isWaitingAtExactly("Task_TransferOut");

    life.transferred(MONDAY_2_MARCH_2026, MONDAY_2_MARCH_2026, LocalDate.of(2026, 3, 20), null);
    assertThat(life.event).isEnded().hasPassed("End_ChildsWorkEnded");
    assertThat(order).isEnded();
    assertThat(planHistory.plansOf(life.childRef)).singleElement()
        .satisfies(plan -> assertThat(plan.planEnd()).isEqualTo(MONDAY_2_MARCH_2026));
    assertThat(childRecord.entriesOf(life.childRef, ChildEvent.Kind.TRANSFERRED_OUT)).singleElement()
        .satisfies(entry -> assertThat(entry.details()).containsEntry("receivingAuthority", "Another County Council"));
  }

  @Test
  void aChildWhoDies_hasTheSeriousIncidentNotifiedWithinFiveWorkingDays_andLegalPlanningEnds() {
    ProcessInstance legal = ChildWork.start(engine, planHistory, ChildWork.Kind.LEGAL_PLANNING, life.childRef);
    life.reported("DIED", LocalDate.of(2026, 2, 27));

    assertThat(life.event).isWaitingAtExactly("Task_NotifySeriousIncident");
    var notify = life.task("Task_NotifySeriousIncident");
    assertThat(engine.getTaskService().getIdentityLinksForTask(notify.getId())).extracting(IdentityLink::getGroupId)
        .contains("senior-managers");
    // Five working days after Friday 27 February 2026: Friday 6 March.
    assertThat(EngineClock.inLondon(notify.getDueDate())).isEqualTo(endOfDay(2026, 3, 6));
    assertThatThrownBy(() -> life.notified("YES", null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Record the day");
    assertThatThrownBy(() -> life.notified("YES", LocalDate.of(2026, 2, 26)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("between the child's death");
    assertThat(legal).isNotEnded();

    life.notified("YES", MONDAY_2_MARCH_2026);
    assertThat(life.event).isEnded().hasPassed("End_ChildsWorkEnded");
    assertThat(legal).isEnded();
    assertThat(childRecord.entriesOf(life.childRef, ChildEvent.Kind.SERIOUS_INCIDENT_NOTIFIED)).singleElement()
        .satisfies(entry -> assertThat(entry.details()).containsEntry("seriousIncidentNotified", "YES"));
  }

  @Test
  void aNewWorkerTakesTheOpenTransfer() {
    ChildWork.start(engine, planHistory, ChildWork.Kind.SUPERVISION_ORDER, life.childRef);
    life.reported("MOVED_TO_ANOTHER_AUTHORITY", MONDAY_2_MARCH_2026).changed("SOCIAL_WORKER", "sw.three");
    assertThat(life.event).hasPassed("End_HandoverComplete").isWaitingAtExactly("Task_TransferOut");
    assertThat(life.task("Task_TransferOut").getAssignee()).isEqualTo("sw.three");
  }

  private static ZonedDateTime endOfDay(int year, int month, int day) {
    return LocalDate.of(year, month, day).atTime(17, 0).atZone(EngineClock.LONDON);
  }
}
