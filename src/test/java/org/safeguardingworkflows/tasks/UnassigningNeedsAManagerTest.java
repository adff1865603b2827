package org.safeguardingworkflows.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A statutory task (here the step-down meeting, which the diagram gives to the child's worker) is taken off its worker
 * only by a manager, through every door Tasklist and REST clients use: unclaim, and an assignee of nobody. The refusal
 * says so in plain English, with no ids or permission names.
 */
@ApplicationTest
class UnassigningNeedsAManagerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLAIN_REFUSAL =
      "Only team managers and senior managers may take a task off the person working on it, so that it cannot be left unseen.";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  String childRef;

  @BeforeEach
  void aStepDownMeetingHeldByTheWorker() {
    childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(Api.as(port, TestStaff.WORKER).post("/api/step-downs",
        StepDownDriver.startVariables(childRef, "CHILD_IN_NEED")).status()).isEqualTo(201);
    assertThat(meeting().getAssignee()).isEqualTo(TestStaff.WORKER);
  }

  @Test
  void theWorkerCannotUnassignTheMeetingThroughTheRestApi() {
    Api worker = Api.as(port, TestStaff.WORKER);
    Map<String, Object> nobody = new HashMap<>();
    nobody.put("userId", null);

    for (Reply refused : new Reply[] {
        worker.post("/engine-rest/task/" + meeting().getId() + "/unclaim", Map.of()),
        worker.post("/engine-rest/task/" + meeting().getId() + "/assignee", nobody),
        worker.post("/engine-rest/task/" + meeting().getId() + "/assignee", Map.of())}) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.json().path("message").asText()).isEqualTo(PLAIN_REFUSAL);
      assertThat(refused.body()).doesNotContain(meeting().getId()).doesNotContainIgnoringCase("permission");
    }
    assertThat(meeting().getAssignee()).isEqualTo(TestStaff.WORKER);
  }

  @Test
  void theWorkerCannotUnassignTheMeetingFromTasklist() throws Exception {
    WebappSession tasklist = tasklist(TestStaff.WORKER);
    String task = "/camunda/api/engine/engine/default/task/" + meeting().getId();

    for (HttpResponse<String> refused : java.util.List.of(tasklist.post(task + "/unclaim", "{}"),
        tasklist.post(task + "/assignee", "{\"userId\":null}"))) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(JSON.readTree(refused.body()).path("message").asText()).isEqualTo(PLAIN_REFUSAL);
    }
    assertThat(meeting().getAssignee()).isEqualTo(TestStaff.WORKER);
  }

  @Test
  void theTeamManagerMayUnassignIt_andTheWorkerClaimsItBack() throws Exception {
    WebappSession manager = tasklist(TestStaff.TEAM_MANAGER);
    assertThat(manager.post("/camunda/api/engine/engine/default/task/" + meeting().getId() + "/assignee", "{\"userId\":null}")
        .statusCode()).isEqualTo(204);
    assertThat(meeting().getAssignee()).isNull();

    assertThat(Api.as(port, TestStaff.WORKER).post("/engine-rest/task/" + meeting().getId() + "/claim",
        Map.of("userId", TestStaff.WORKER)).status()).isEqualTo(204);
    assertThat(Api.as(port, TestStaff.TEAM_MANAGER).post("/engine-rest/task/" + meeting().getId() + "/unclaim", Map.of()).status())
        .isEqualTo(204);
    assertThat(meeting().getAssignee()).isNull();
  }

  Task meeting() {
    return taskService.createTaskQuery().processInstanceBusinessKey(childRef).taskDefinitionKey("Task_HoldStepDownMeeting")
        .singleResult();
  }

  WebappSession tasklist(String user) throws Exception {
    WebappSession session = WebappSession.login(port, "tasklist", user, TestStaff.PASSWORD);
    session.get("/camunda/api/engine/engine/");
    return session;
  }
}
