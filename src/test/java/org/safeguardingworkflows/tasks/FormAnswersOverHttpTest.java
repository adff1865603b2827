package org.safeguardingworkflows.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A practitioner's answers as the clients send them over real HTTP ({@code /engine-rest} and Tasklist's own webapp
 * API): what the server refuses, and that the refusal reads as plain English naming the field.
 */
@ApplicationTest
class FormAnswersOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  String childRef;

  @BeforeEach
  void aStepDownMeetingForTheFirstWorker() {
    childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(Api.as(port, TestStaff.WORKER).post("/api/step-downs",
        StepDownDriver.startVariables(childRef, "CHILD_IN_NEED")).status()).isEqualTo(201);
  }

  @Test
  void aDateThatIsNotARealDateWrittenAsFormsSendItIsRefused_neverRewritten() {
    Task meeting = meetingTask();
    for (String typed : List.of("31/02/2026", "15/03/2026", "2026-02-31", "2026-3-15", "next Tuesday")) {
      Map<String, Object> answers = StepDownDriver.stepDownMeeting();
      answers.put(StepDownVariables.MEETING_DATE.name(), typed);

      Reply refused = Api.as(port, TestStaff.WORKER).post("/engine-rest/task/" + meeting.getId() + "/complete", variables(answers));

      assertThat(refused.status()).as(typed).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).as(typed)
          .startsWith("Please correct the form: ")
          .contains("'Date of the step-down meeting' must be a real date written as dd/mm/yyyy")
          .doesNotContain(meeting.getId());
      assertThat(taskService.createTaskQuery().taskId(meeting.getId()).count()).as("the task stays open").isEqualTo(1);
      assertThat(runtimeService.getVariable(meeting.getProcessInstanceId(), StepDownVariables.MEETING_DATE.name())).isNull();
    }
  }

  @Test
  void tasklistsOwnSubmitFormRefusesAnImpossibleDateWithThePlainSentence() throws Exception {
    Task meeting = meetingTask();
    Map<String, Object> answers = StepDownDriver.stepDownMeeting();
    answers.put(StepDownVariables.MEETING_DATE.name(), "2026-02-31");
    WebappSession tasklist = tasklist(TestStaff.WORKER);

    HttpResponse<String> refused = tasklist.post("/camunda/api/engine/engine/default/task/" + meeting.getId() + "/submit-form",
        JSON.writeValueAsString(variables(answers)));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("message").asText())
        .startsWith("Please correct the form: ")
        .contains("'Date of the step-down meeting' must be a real date written as dd/mm/yyyy")
        .as("Tasklist shows the message as it is: no task id").doesNotContain(meeting.getId());
    assertThat(taskService.createTaskQuery().taskId(meeting.getId()).count()).isEqualTo(1);
  }

  @Test
  void aRealDateIsTakenAsWritten() {
    Task meeting = meetingTask();
    Map<String, Object> answers = StepDownDriver.stepDownMeeting();
    answers.put(StepDownVariables.MEETING_DATE.name(), "2026-02-27");

    assertThat(Api.as(port, TestStaff.WORKER).post("/engine-rest/task/" + meeting.getId() + "/complete", variables(answers)).status())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(meeting.getId()).count()).isZero();
  }

  /** Logged in to Tasklist, holding the session's CSRF token as Tasklist does after its first request. */
  WebappSession tasklist(String user) throws Exception {
    WebappSession session = WebappSession.login(port, "tasklist", user, TestStaff.PASSWORD);
    session.get("/camunda/api/engine/engine/");
    return session;
  }

  Task meetingTask() {
    return taskService.createTaskQuery().processInstanceBusinessKey(childRef).taskDefinitionKey("Task_HoldStepDownMeeting")
        .singleResult();
  }

  /** The answers as a REST client (and Tasklist) sends them: lists as JSON, everything else as its own type. */
  static Map<String, Object> variables(Map<String, Object> answers) {
    Map<String, Object> variables = new LinkedHashMap<>();
    answers.forEach((name, value) -> {
      try {
        variables.put(name, value instanceof List<?> list
            ? Map.of("value", JSON.writeValueAsString(list), "type", "Json")
            : Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return Map.of("variables", variables);
  }
}
