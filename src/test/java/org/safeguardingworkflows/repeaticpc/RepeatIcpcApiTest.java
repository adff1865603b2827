package org.safeguardingworkflows.repeaticpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** The repeat ICPC API over real HTTP: every status, and nothing stored or started on any refusal. */
@ApplicationTest
class RepeatIcpcApiTest {

  static final String PROPOSALS = "/api/repeat-icpc-proposals";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired PlanHistory planHistory;
  @Autowired WorkingDays workingDays;

  @Test
  void aProposalIsSeenByTheChildsTeam_andNotByAnotherTeam() {
    RepeatIcpcDriver child = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear();
    assertThat(worker().post(PROPOSALS, proposal(child.childRef, EngineClock.today().minusDays(3))).status()).isEqualTo(201);
    String proposal = PROPOSALS + "/" + child.childRef;

    assertThat(worker().get(proposal).status()).isEqualTo(200);
    assertThat(manager().get(proposal).status()).isEqualTo(200);
    assertThat(Api.as(port, TestStaff.SECOND_WORKER).get(proposal).status()).as("another team's worker").isEqualTo(404);
    assertThat(Api.as(port, TestStaff.SECOND_TEAM_MANAGER).get(proposal).status()).as("another team's manager").isEqualTo(404);
    Reply outcome = Api.as(port, TestStaff.SECOND_TEAM_MANAGER).post(proposal + "/conference-outcome", Map.of("planMade", false));
    assertThat(outcome.status()).as("another team's manager records no outcome for this child").isEqualTo(404);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(child.childRef).count()).isEqualTo(1);

    String otherChild = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear().childRef;
    Map<String, Object> forAnotherTeam = proposal(otherChild, EngineClock.today().minusDays(3));
    assertThat(Api.as(port, TestStaff.SECOND_WORKER).post(PROPOSALS, forAnotherTeam).status())
        .as("a worker proposes only for their own team's children").isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(otherChild).count()).isZero();
  }

  @Test
  void aWorkerProposesARepeatConference_andEveryoneCanSeeWhereTheDiscussionStands() {
    RepeatIcpcDriver child = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear();
    LocalDate strategyDiscussion = EngineClock.today().minusDays(3);

    Reply started = worker().post(PROPOSALS, proposal(child.childRef, strategyDiscussion));

    assertThat(started.status()).isEqualTo(201);
    assertThat(started.headers().getLocation()).hasToString(PROPOSALS + "/" + child.childRef);
    assertThat(started.json().path("childRef").asText()).isEqualTo(child.childRef);
    assertThat(started.json().path("processInstanceId").asText()).isNotBlank();
    assertThat(started.json().path("icpcDeadline").asText()).isEqualTo(workingDays.addWorkingDays(strategyDiscussion, 15).toString());
    assertThat(started.json().path("discussionDeadline").asText()).isEqualTo(workingDays.addWorkingDays(strategyDiscussion, 8).toString());
    assertThat(started.json().path("previousPlans").asInt()).isEqualTo(1);
    assertThat(started.json().path("withinTwoYears").isBoolean()).isTrue();

    Reply status = manager().get(PROPOSALS + "/" + child.childRef);
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(status.json().path("stage").toString()).contains("Prepare the history summary");
    assertThat(status.json().path("icpcDeadline").asText()).isEqualTo(started.json().path("icpcDeadline").asText());
    assertThat(status.json().path("views").path("iro").path("recorded").asBoolean()).isFalse();

    child.proposal = runtimeService.createProcessInstanceQuery().processInstanceId(started.json().path("processInstanceId").asText())
        .singleResult();
    child.summariseHistory().teamManagerView().iroView();
    Reply partly = manager().get(PROPOSALS + "/" + child.childRef);
    assertThat(partly.json().path("views").path("teamManager").path("recorded").asBoolean()).isTrue();
    assertThat(partly.json().path("views").path("teamManager").path("by").asText()).isEqualTo(TestStaff.TEAM_MANAGER);
    assertThat(partly.json().path("views").path("teamManager").path("framework").asText()).isEqualTo("LEGAL_ROUTE");
    assertThat(partly.json().path("views").path("iro").path("by").asText()).isEqualTo(TestStaff.IRO);
    assertThat(partly.json().path("views").path("seniorManager").path("recorded").asBoolean()).isFalse();
    assertThat(partly.json().path("views").path("legal").path("recorded").asBoolean()).isFalse();

    child.seniorManagerView().legalView().decide("ICPC").schedule(EngineClock.today(), TestStaff.IRO);
    Reply scheduled = manager().get(PROPOSALS + "/" + child.childRef);
    assertThat(scheduled.json().path("fourPartyDiscussionComplete").asBoolean()).isTrue();
    assertThat(scheduled.json().path("overrideUsed").asBoolean()).isFalse();
    assertThat(scheduled.json().path("decision").asText()).isEqualTo("ICPC");
    assertThat(scheduled.json().path("conferenceDate").asText()).isEqualTo(EngineClock.today().toString());
    assertThat(scheduled.json().path("chair").asText()).isEqualTo(TestStaff.IRO);
    assertThat(scheduled.json().path("previousIroChairs").asBoolean()).isTrue();

    Reply recorded = coordinator().post(PROPOSALS + "/" + child.childRef + "/conference-outcome",
        Map.of("planMade", true, "planStartDate", EngineClock.today().toString()));
    assertThat(recorded.status()).isEqualTo(202);
    assertThat(planHistory.plansOf(child.childRef)).hasSize(2).last().satisfies(plan -> {
      assertThat(plan.planStart()).isEqualTo(EngineClock.today());
      assertThat(plan.isOpen()).isTrue();
    });
    Reply closed = manager().get(PROPOSALS + "/" + child.childRef);
    assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.json().path("planMade").asBoolean()).isTrue();
    assertThat(closed.json().path("stage").size()).isZero();
  }

  @Test
  void everyInvalidFieldIsNamedWithItsRule_andNothingIsStarted() {
    String childRef = newChild();
    planHistory.insert(lastYearsPlan(childRef));
    Map<String, Object> bad = new HashMap<>();
    bad.put("childRef", "Jane Smith");
    bad.put("strategyDiscussionDate", EngineClock.today().plusDays(1).toString());
    bad.put("categoryOfAbuse", "NEGLECT");
    bad.put("concernsSummary", " ");
    bad.put("proposedBy", "nobody.here");

    Reply refused = worker().post(PROPOSALS, bad);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.json().path("errors").toString())
        .contains("\"field\":\"childRef\",\"rule\":\"pattern\"")
        .contains("\"field\":\"strategyDiscussionDate\",\"rule\":\"not-in-future\"")
        .contains("\"field\":\"categoryOfAbuse\",\"rule\":\"code-list\"")
        .contains("\"field\":\"concernsSummary\",\"rule\":\"required\"")
        .contains("\"field\":\"proposedBy\",\"rule\":\"staff-in-role\"");
    assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.");
    assertThat(startedFor("Jane Smith")).isZero();

    Map<String, Object> malformedDate = proposal(childRef, EngineClock.today());
    malformedDate.put("strategyDiscussionDate", "2026-02-30");
    malformedDate.put("proposedBy", TestStaff.TEAM_MANAGER);
    Reply alsoRefused = worker().post(PROPOSALS, malformedDate);
    assertThat(alsoRefused.status()).isEqualTo(400);
    assertThat(alsoRefused.json().path("errors").toString())
        .contains("\"field\":\"strategyDiscussionDate\",\"rule\":\"date\"").contains("\"field\":\"proposedBy\",\"rule\":\"staff-in-role\"");
    assertThat(startedFor(childRef)).isZero();
  }

  @Test
  void malformedJsonIsAProblemNotAStackTrace_andUnknownFieldsAreRefused() {
    Reply malformed = worker().post(PROPOSALS, MediaType.APPLICATION_JSON, "{\"childRef\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
    String childRef = newChild();
    planHistory.insert(lastYearsPlan(childRef));
    Map<String, Object> withName = proposal(childRef, EngineClock.today());
    withName.put("childName", "Jane Smith");
    Reply refused = worker().post(PROPOSALS, withName);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").toString()).contains("\"field\":\"childName\",\"rule\":\"unknown-field\"");
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("childName").count())
        .as("a field the API does not know is refused, never stored").isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(childRef).count())
        .as("nothing started").isZero();
  }

  @Test
  void aSecondProposalForTheSameChildIsAConflict() {
    String childRef = newChild();
    planHistory.insert(lastYearsPlan(childRef));
    assertThat(worker().post(PROPOSALS, proposal(childRef, EngineClock.today().minusDays(1))).status()).isEqualTo(201);

    Reply conflict = manager().post(PROPOSALS, proposal(childRef, EngineClock.today()));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.headers().getContentType()).hasToString("application/problem+json");
    assertThat(startedFor(childRef)).isEqualTo(1);
  }

  @Test
  void aChildWithNoPreviousPlanIsNotARepeat_norIsAChildOnAPlanNow() {
    String neverOnAPlan = newChild();
    Reply notARepeat = worker().post(PROPOSALS, proposal(neverOnAPlan, EngineClock.today()));
    assertThat(notARepeat.status()).isEqualTo(422);
    assertThat(notARepeat.json().path("errors").get(0).path("rule").asText()).isEqualTo("previous-plan-required");
    assertThat(startedFor(neverOnAPlan)).isZero();
    assertThat(planHistory.plansOf(neverOnAPlan)).isEmpty();

    String onAPlan = newChild();
    planHistory.insert(new CpPlan(null, onAPlan, EngineClock.today().minusMonths(2), null, "PHY", "PHY", TestStaff.IRO, null, null, null,
        CpPlan.Source.IMPORT));
    Reply openPlan = worker().post(PROPOSALS, proposal(onAPlan, EngineClock.today()));
    assertThat(openPlan.status()).isEqualTo(422);
    assertThat(openPlan.json().path("errors").get(0).path("rule").asText()).isEqualTo("no-open-plan");
    assertThat(startedFor(onAPlan)).isZero();
    assertThat(planHistory.plansOf(onAPlan)).hasSize(1);
  }

  @Test
  void aChildWhoseEarlierPlanWasHeldByAnotherAuthorityIsARepeat_whenTheProposalDeclaresThatPlan() {
    String movedHere = newChild();
    Map<String, Object> declared = proposal(movedHere, EngineClock.today().minusDays(1));
    declared.put("earlierPlanAuthority", "Northshire County Council");
    declared.put("earlierPlanStart", EngineClock.today().minusMonths(30).toString());
    declared.put("earlierPlanEnd", EngineClock.today().minusMonths(14).toString());

    Reply started = worker().post(PROPOSALS, declared);

    assertThat(started.status()).as(started.body()).isEqualTo(201);
    assertThat(started.json().path("previousPlans").asInt()).isEqualTo(1);
    String instance = started.json().path("processInstanceId").asText();
    assertThat(runtimeService.getVariable(instance, RepeatIcpcVariables.EARLIER_PLAN_AUTHORITY.name())).isEqualTo("Northshire County Council");
    assertThat(runtimeService.getVariable(instance, RepeatIcpcVariables.EARLIER_PLAN_END.name())).isEqualTo(declared.get("earlierPlanEnd"));
    assertThat(planHistory.plansOf(movedHere)).as("the other authority's plan is not this authority's record").isEmpty();
    Reply status = worker().get(PROPOSALS + "/" + movedHere);
    assertThat(status.json().path("earlierPlanAuthority").asText()).as(status.body()).isEqualTo("Northshire County Council");
    assertThat(status.json().path("earlierPlanStart").asText()).isEqualTo(declared.get("earlierPlanStart"));
    assertThat(status.json().path("lastPlanEndDate").asText()).isEqualTo(declared.get("earlierPlanEnd"));
  }

  @Test
  void aDeclaredEarlierPlanIsCheckedFieldByField_andMayNotOverlapThisAuthoritysPlans() {
    String childRef = newChild();
    Map<String, Object> wrong = proposal(childRef, EngineClock.today().minusDays(1));
    wrong.put("earlierPlanStart", EngineClock.today().minusMonths(3).toString());
    wrong.put("earlierPlanEnd", EngineClock.today().plusDays(10).toString());
    Reply invalid = worker().post(PROPOSALS, wrong);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().path("errors").toString())
        .contains("\"field\":\"earlierPlanAuthority\",\"rule\":\"required\"")
        .contains("\"field\":\"earlierPlanEnd\",\"rule\":\"in-the-past\"");
    wrong.put("earlierPlanAuthority", "Northshire County Council");
    wrong.put("earlierPlanEnd", EngineClock.today().minusMonths(4).toString());
    Reply outOfOrder = worker().post(PROPOSALS, wrong);
    assertThat(outOfOrder.status()).isEqualTo(400);
    assertThat(outOfOrder.json().path("errors").toString()).contains("\"field\":\"earlierPlanEnd\",\"rule\":\"after-start\"");
    assertThat(startedFor(childRef)).isZero();

    planHistory.insert(lastYearsPlan(childRef));
    Map<String, Object> overlapping = proposal(childRef, EngineClock.today().minusDays(1));
    overlapping.put("earlierPlanAuthority", "Northshire County Council");
    overlapping.put("earlierPlanStart", EngineClock.today().minusMonths(24).toString());
    overlapping.put("earlierPlanEnd", EngineClock.today().minusMonths(18).toString());
    Reply overlap = worker().post(PROPOSALS, overlapping);
    assertThat(overlap.status()).isEqualTo(422);
    assertThat(overlap.json().path("errors").get(0).path("rule").asText()).isEqualTo("plans-do-not-overlap");
    assertThat(overlap.json().path("errors").get(0).path("field").asText()).isEqualTo("earlierPlanStart");
    assertThat(startedFor(childRef)).isZero();
  }

  @Test
  void aChildWithNoProposalHasNoStatusAndNoConference() {
    assertThat(manager().get(PROPOSALS + "/C-NOBODY").status()).isEqualTo(404);
    Reply outcome = coordinator().post(PROPOSALS + "/C-NOBODY/conference-outcome", Map.of("planMade", false));
    assertThat(outcome.status()).isEqualTo(404);
    assertThat(outcome.headers().getContentType()).hasToString("application/problem+json");
  }

  @Test
  void aConferenceOutcomeBeforeTheConferenceIsScheduledIsAConflict_andInvalidOutcomesAreRefused() {
    RepeatIcpcDriver child = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear().proposed();
    String outcome = PROPOSALS + "/" + child.childRef + "/conference-outcome";

    Reply tooEarly = coordinator().post(outcome, Map.of("planMade", true, "planStartDate", EngineClock.today().toString()));
    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(planHistory.plansOf(child.childRef)).hasSize(1);

    child.summariseHistory().allFourViews().decide("ICPC").schedule(EngineClock.today(), TestStaff.IRO);
    Reply noAnswer = coordinator().post(outcome, Map.of("planStartDate", EngineClock.today().toString()));
    assertThat(noAnswer.status()).isEqualTo(400);
    assertThat(noAnswer.json().path("errors").get(0).path("field").asText()).isEqualTo("planMade");
    Reply noDate = coordinator().post(outcome, Map.of("planMade", true));
    assertThat(noDate.status()).isEqualTo(400);
    assertThat(noDate.json().path("errors").get(0).path("rule").asText()).isEqualTo("required");
    Reply future = coordinator().post(outcome, Map.of("planMade", true, "planStartDate", EngineClock.today().plusDays(2).toString()));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().path("errors").get(0).path("rule").asText()).isEqualTo("not-in-future");
    Reply wrongType = coordinator().post(outcome, Map.of("planMade", "perhaps"));
    assertThat(wrongType.status()).isEqualTo(400);
    Reply beforeTheStrategyDiscussion = coordinator().post(outcome,
        Map.of("planMade", true, "planStartDate", EngineClock.today().minusDays(5).toString()));
    assertThat(beforeTheStrategyDiscussion.status()).isEqualTo(400);
    assertThat(beforeTheStrategyDiscussion.json().path("errors").get(0).path("rule").asText()).isEqualTo("not-before-strategy-discussion");

    assertThat(planHistory.plansOf(child.childRef)).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(child.proposal.getId()).activityIdIn("Task_RecordConferenceOutcome")
        .count()).as("still waiting for the outcome").isEqualTo(1);

    Reply noPlan = coordinator().post(outcome, Map.of("planMade", false));
    assertThat(noPlan.status()).isEqualTo(202);
    assertThat(planHistory.plansOf(child.childRef)).hasSize(1);
    Reply again = coordinator().post(outcome, Map.of("planMade", false));
    assertThat(again.status()).as("the outcome is recorded once").isEqualTo(409);
  }

  @Test
  void aNewPlanOverlappingARecordedPlanBreaksTheCinCensusRule() {
    // The child's last plan was recorded as still open after the proposal started (an import caught up late).
    RepeatIcpcDriver child = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear().proposed();
    child.summariseHistory().allFourViews().decide("ICPC").schedule(EngineClock.today(), TestStaff.IRO);
    planHistory.insert(new CpPlan(null, child.childRef, EngineClock.today().minusDays(2), null, "NEG", "NEG", TestStaff.IRO, null, null, null,
        CpPlan.Source.IMPORT));

    Reply refused = coordinator().post(PROPOSALS + "/" + child.childRef + "/conference-outcome",
        Map.of("planMade", true, "planStartDate", EngineClock.today().toString()));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("errors").get(0).path("rule").asText()).isEqualTo("plans-do-not-overlap");
    assertThat(planHistory.plansOf(child.childRef)).hasSize(2);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(child.proposal.getId()).count()).isEqualTo(1);
  }

  @Test
  void practitionersSeeTheProposalsTheyWorkOn_managersReadAll_andThoseWhoArrangeTheConferenceRecordItsOutcome() {
    RepeatIcpcDriver child = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear().proposed();
    String status = PROPOSALS + "/" + child.childRef;
    assertThat(worker().get(status).status()).as("the proposing social worker").isEqualTo(200);
    assertThat(Api.as(port, TestStaff.LEGAL).get(status).status()).as("no task of theirs on it yet").isEqualTo(404);
    assertThat(Api.as(port, TestStaff.SENIOR_MANAGER).get(status).status()).isEqualTo(200);
    assertThat(Api.as(port, TestStaff.PROCESS_OWNER).get(status).status()).isEqualTo(200);

    child.summariseHistory();
    assertThat(Api.as(port, TestStaff.LEGAL).get(status).status()).as("their view is awaited").isEqualTo(200);

    child.allFourViews().decide("ICPC").schedule(EngineClock.today(), TestStaff.IRO);
    String outcome = status + "/conference-outcome";
    Reply byTheWorker = worker().post(outcome, Map.of("planMade", false));
    assertThat(byTheWorker.status()).as("visible to the worker, but not theirs to record").isEqualTo(403);
    assertThat(Api.as(port, TestStaff.LEGAL).post(outcome, Map.of("planMade", false)).status()).isEqualTo(404);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(child.proposal.getId()).count()).isEqualTo(1);
    assertThat(Api.as(port, TestStaff.IRO).post(outcome, Map.of("planMade", false)).status()).as("the chair").isEqualTo(202);
    assertThat(child.variable(RepeatIcpcVariables.OUTCOME_RECORDED_BY.name())).isEqualTo(TestStaff.IRO);
  }

  @Test
  void withoutCredentialsNothingIsAnswered_andARoleWithoutTheRightIsForbidden() {
    String childRef = newChild();
    planHistory.insert(lastYearsPlan(childRef));
    assertThat(Api.anonymous(port).post(PROPOSALS, proposal(childRef, EngineClock.today())).status()).isEqualTo(401);
    assertThat(Api.anonymous(port).get(PROPOSALS + "/" + childRef).status()).isEqualTo(401);

    Reply forbidden = Api.as(port, TestStaff.IRO).post(PROPOSALS, proposal(childRef, EngineClock.today()));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.headers().getContentType()).hasToString("application/problem+json");
    assertThat(startedFor(childRef)).isZero();
    assertThat(planHistory.plansOf(childRef)).hasSize(1);
  }

  private long startedFor(String childRef) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(RepeatIcpcVariables.PROCESS_KEY)
        .processInstanceBusinessKey(childRef).count();
  }

  private Api worker() {
    return Api.as(port, TestStaff.WORKER);
  }

  private Api manager() {
    return Api.as(port, TestStaff.TEAM_MANAGER);
  }

  private Api coordinator() {
    return Api.as(port, TestStaff.COORDINATOR);
  }

  private static String newChild() {
    return "C-" + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  private static CpPlan lastYearsPlan(String childRef) {
    return new CpPlan(null, childRef, EngineClock.today().minusMonths(20), EngineClock.today().minusMonths(11), "NEG", "NEG", TestStaff.IRO,
        "CHILD_IN_NEED", "CLOSED", null, CpPlan.Source.IMPORT);
  }

  private static Map<String, Object> proposal(String childRef, LocalDate strategyDiscussion) {
    Map<String, Object> proposal = new HashMap<>();
    proposal.put("childRef", childRef);
    proposal.put("strategyDiscussionDate", strategyDiscussion.toString());
    proposal.put("categoryOfAbuse", "NEG");
    proposal.put("concernsSummary", "Neglect concerns have returned: school attendance 60%, home conditions poor");
    proposal.put("proposedBy", TestStaff.WORKER);
    return proposal;
  }
}
