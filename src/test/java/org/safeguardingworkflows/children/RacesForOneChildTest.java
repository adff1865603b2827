package org.safeguardingworkflows.children;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@link RacesForOneChild} on PostgreSQL, as deployed: one winner per race, the rest 409/422, invariants held. */
@ApplicationTest
class RacesForOneChildTest {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired PlanHistory planHistory;

  private RacesForOneChild races;

  @BeforeEach
  void setUp() {
    races = new RacesForOneChild(port, dataSource, planHistory);
  }

  @Test
  void twentyIdenticalStepDownStartsMakeOneJourney() {
    races.identicalStepDownStarts();
  }

  @Test
  void twentyStepDownStartsWithDifferentDatesMakeOneJourneyAndOnePlan() {
    races.stepDownStartsWithDifferentDates();
  }

  @Test
  void twentyRepeatIcpcProposalsMakeOneDiscussion() {
    races.repeatIcpcProposals();
  }

  @Test
  void twentyLegalPlanningRequestsMakeOneRequest() {
    races.legalPlanningRequests();
  }

  @Test
  void twentySupervisionOrdersMakeOneOrder() {
    races.supervisionOrders();
  }

  @Test
  void twentyPlansRecordedAtOnceMakeOnePlan() {
    races.plansRecorded();
  }

  @Test
  void twentyLifeEventReportsStartOneLifeEvent() {
    races.lifeEvents();
  }

  @Test
  void aPlanHistoryImportRacingStepDownsNeverLeavesOverlappingPlans() {
    races.importRacingStepDowns(3, 10);
  }

  @Test
  void twentyConcernsAboutOneJourneyAreEachOpenedOrRefusedWith409_neverA500() {
    races.concernsDuringAStepDown();
  }

  @Test
  void theDatabaseRefusesASecondOpenPlanForAChild() {
    races.theDatabaseRefusesASecondOpenPlan();
  }
}
