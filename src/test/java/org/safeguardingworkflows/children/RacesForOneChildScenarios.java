package org.safeguardingworkflows.children;

import org.junit.jupiter.api.Test;

/**
 * Every race of {@link RacesForOneChild}, one test each; run against PostgreSQL ({@link RacesForOneChildTest}) and
 * the demo's H2 ({@link RacesForOneChildOnH2Test}), which give it the running application's races.
 */
abstract class RacesForOneChildScenarios {

  RacesForOneChild races;

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
