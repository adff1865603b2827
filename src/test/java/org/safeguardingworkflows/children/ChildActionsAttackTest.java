package org.safeguardingworkflows.children;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A life event ends every process of a child, and a change of worker moves a child's work: the two most powerful
 * child-level actions. Tried over real HTTP by staff who must not take them, through the domain API and around it
 * (the engine's REST API: a start, a form submission, a message): each is refused and the child's work runs on,
 * unchanged; the same request from the child's own team manager goes through (so the refusal is not an accident).
 */
@ApplicationTest
class ChildActionsAttackTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired PlanHistory planHistory;
  @Autowired ChildRecord childRecord;

  @Test
  void anotherTeamCannotEndAChildsWork_throughTheApiOrAroundIt() {
    String childRef = newChild();
    ProcessInstance journey = ChildWork.start(engine, planHistory, ChildWork.Kind.STEP_DOWN, childRef);
    Map<String, Object> lifeEvent = Map.of("kind", "TURNED_18", "date", LocalDate.now().toString());
    Api otherWorker = Api.as(port, TestStaff.SECOND_WORKER);
    Api otherManager = Api.as(port, TestStaff.SECOND_TEAM_MANAGER);

    assertThat(otherWorker.post("/api/children/" + childRef + "/life-events", lifeEvent).status()).isEqualTo(404);
    assertThat(otherManager.post("/api/children/" + childRef + "/life-events", lifeEvent).status()).isEqualTo(404);
    Map<String, Object> variables = Map.of(
        "childRef", Map.of("value", childRef),
        "lifeEventKind", Map.of("value", "TURNED_18"),
        "lifeEventDate", Map.of("value", LocalDate.now().toString()),
        "reportedBy", Map.of("value", TestStaff.SECOND_WORKER));
    Reply started = otherWorker.post("/engine-rest/process-definition/key/childLifeEvent/start",
        Map.of("businessKey", childRef, "variables", variables));
    assertThat(started.status()).isIn(400, 403);
    Reply submitted = otherWorker.post("/engine-rest/process-definition/key/childLifeEvent/submit-form",
        Map.of("businessKey", childRef, "variables", variables));
    assertThat(submitted.status()).isIn(400, 403);
    Reply message = otherWorker.post("/engine-rest/message", Map.of("messageName", "ChildLifeEventReported",
        "businessKey", childRef, "processVariables", variables));
    assertThat(message.status()).isEqualTo(403);
    Reply ownWorkerByMessage = Api.as(port, TestStaff.WORKER).post("/engine-rest/message", Map.of("messageName",
        "ChildLifeEventReported", "businessKey", childRef, "processVariables", variables));
    assertThat(ownWorkerByMessage.status()).as("messages are the application's, even for the child's own worker").isEqualTo(403);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(journey.getId()).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(childRef)
        .processDefinitionKey("childLifeEvent").count()).isZero();
    assertThat(childRecord.entriesOf(childRef, ChildEvent.Kind.LIFE_EVENT, ChildEvent.Kind.JOURNEY_ENDED)).isEmpty();

    Reply own = Api.as(port, TestStaff.TEAM_MANAGER).post("/api/children/" + childRef + "/life-events", lifeEvent);
    assertThat(own.status()).isEqualTo(202);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(journey.getId()).count()).isZero();
  }

  @Test
  void onlyTheChildsManagersMoveItsWork_andNeverToSomeoneOutsideTheRole() {
    String childRef = newChild();
    ProcessInstance journey = ChildWork.start(engine, planHistory, ChildWork.Kind.STEP_DOWN, childRef);
    String path = "/api/children/" + childRef + "/worker-changes";

    Reply byTheWorker = Api.as(port, TestStaff.WORKER).post(path, Map.of("role", "SOCIAL_WORKER", "newHolder", TestStaff.WORKER));
    assertThat(byTheWorker.status()).isEqualTo(403);
    Reply byAnotherManager = Api.as(port, TestStaff.SECOND_TEAM_MANAGER).post(path,
        Map.of("role", "SOCIAL_WORKER", "newHolder", TestStaff.SECOND_WORKER));
    assertThat(byAnotherManager.status()).isEqualTo(404);
    Reply toALawyer = Api.as(port, TestStaff.TEAM_MANAGER).post(path, Map.of("role", "IRO", "newHolder", TestStaff.LEGAL));
    assertThat(toALawyer.status()).isEqualTo(400);
    assertThat(toALawyer.json().path("errors").get(0).path("rule").asText()).isEqualTo("staff-in-role");
    Reply byVariable = Api.as(port, TestStaff.TEAM_MANAGER).post("/engine-rest/process-instance/" + journey.getId() + "/variables",
        Map.of("modifications", Map.of(StepDownVariables.IRO.name(), Map.of("value", TestStaff.LEGAL))));
    assertThat(byVariable.status()).isEqualTo(403);

    assertThat(engine.getRuntimeService().getVariable(journey.getId(), StepDownVariables.ALLOCATED_WORKER.name())).isEqualTo(TestStaff.WORKER);
    assertThat(engine.getRuntimeService().getVariable(journey.getId(), StepDownVariables.IRO.name())).isEqualTo(TestStaff.IRO);
    assertThat(childRecord.entriesOf(childRef, ChildEvent.Kind.WORKER_CHANGED)).isEmpty();

    Reply own = Api.as(port, TestStaff.TEAM_MANAGER).post(path, Map.of("role", "IRO", "newHolder", TestStaff.SECOND_IRO));
    assertThat(own.status()).isEqualTo(202);
    assertThat(engine.getRuntimeService().getVariable(journey.getId(), StepDownVariables.IRO.name())).isEqualTo(TestStaff.SECOND_IRO);
    assertThat(childRecord.entriesOf(childRef, ChildEvent.Kind.WORKER_CHANGED)).singleElement()
        .satisfies(change -> assertThat(change.details()).containsEntry("role", "IRO").containsEntry("newHolder", TestStaff.SECOND_IRO));
    assertThat(childRecord.allocation(childRef)).hasValueSatisfying(child -> assertThat(child.iro()).isEqualTo(TestStaff.SECOND_IRO));
  }

  @Test
  void anotherTeamCannotTakeAChildOverByStartingWorkForIt_norReadItsHistoryThatWay() {
    // Team one's child: a plan made and ended (no step-down followed), so nothing is running and nothing overlaps.
    String childRef = newChild();
    Api ownWorker = Api.as(port, TestStaff.WORKER);
    assertThat(ownWorker.post("/api/children/" + childRef + "/plans", Map.of("planStartDate",
        LocalDate.now().minusMonths(20).toString(), "categoryOfAbuse", "NEG", "iro", TestStaff.IRO)).status()).isEqualTo(201);
    assertThat(Api.as(port, TestStaff.TEAM_MANAGER).post("/api/children/" + childRef + "/plans/current/end", Map.of(
        "planEndDate", LocalDate.now().minusMonths(14).toString(), "reason", "REVIEW_CONFERENCE")).status()).isEqualTo(200);
    int entries = childRecord.chronology(childRef).size();
    Api otherWorker = Api.as(port, TestStaff.SECOND_WORKER);

    // A step-down for a later plan, naming themselves as the worker: it would make the child team two's.
    Map<String, Object> stepDown = new java.util.HashMap<>(org.safeguardingworkflows.stepdown.StepDownDriver
        .startVariables(childRef, "CHILD_IN_NEED"));
    stepDown.put("planStartDate", LocalDate.now().minusMonths(6).toString());
    stepDown.put("allocatedWorker", TestStaff.SECOND_WORKER);
    stepDown.put("teamManager", TestStaff.SECOND_TEAM_MANAGER);
    assertThat(otherWorker.post("/api/step-downs", stepDown).status()).isEqualTo(403);
    // A repeat-ICPC proposal would put the child's whole history in front of team two.
    Map<String, Object> proposal = Map.of("childRef", childRef, "strategyDiscussionDate", LocalDate.now().minusDays(1).toString(),
        "categoryOfAbuse", "NEG", "concernsSummary", "Neglect concerns have returned", "proposedBy", TestStaff.SECOND_WORKER);
    assertThat(otherWorker.post("/api/repeat-icpc-proposals", proposal).status()).isEqualTo(403);
    // The same through the engine's REST API.
    Reply byRest = otherWorker.post("/engine-rest/process-definition/key/repeatIcpcPreMeeting/submit-form", Map.of(
        "businessKey", childRef, "variables", Map.of(
            "childRef", Map.of("value", childRef),
            "strategyDiscussionDate", Map.of("value", LocalDate.now().minusDays(1).toString()),
            "categoryOfAbuse", Map.of("value", "NEG"),
            "concernsSummary", Map.of("value", "Neglect concerns have returned"),
            "proposedBy", Map.of("value", TestStaff.SECOND_WORKER))));
    assertThat(byRest.status()).isIn(400, 403);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isZero();
    assertThat(childRecord.allocation(childRef)).hasValueSatisfying(child -> assertThat(child.team()).isEqualTo(TestStaff.TEAM));
    assertThat(childRecord.chronology(childRef)).hasSize(entries);
    assertThat(otherWorker.get("/api/children/" + childRef).status()).isEqualTo(404);

    // The child's own team may.
    assertThat(ownWorker.post("/api/repeat-icpc-proposals", Map.of("childRef", childRef, "strategyDiscussionDate",
        LocalDate.now().minusDays(1).toString(), "categoryOfAbuse", "NEG", "concernsSummary", "Neglect concerns have returned",
        "proposedBy", TestStaff.WORKER)).status()).isEqualTo(201);
  }

  private static String newChild() {
    return "C-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
