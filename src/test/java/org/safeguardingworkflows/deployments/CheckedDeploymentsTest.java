package org.safeguardingworkflows.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * A process owner deploys revised diagrams through {@code POST /engine-rest/deployment/create}, as Modeler does. A
 * revision that would break once deployed (its form left out, an unknown bean, a script, a group that is neither a
 * role nor a team, a timer that does not parse, the previous version's tag kept) is refused with 400 naming each
 * problem by element id, and nothing of it is stored.
 */
@ApplicationTest
class CheckedDeploymentsTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;

  @Test
  void theStepDownDiagramRevisedWithoutItsFormsAndWithItsOldVersionTagIsRefusedForEachProblem() throws IOException {
    String revised = Files.readString(Path.of("processes/step-down-from-protection.bpmn"))
        .replace("name=\"Approve step-down plan\"", "name=\"Approve the step-down plan\"");
    long versionsBefore = repositoryService.createProcessDefinitionQuery().processDefinitionKey("stepDownFromProtection").count();

    Reply reply = deploy(Map.of("step-down-from-protection.bpmn", revised));

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    String message = reply.json().path("message").asText();
    assertThat(message).contains("stepDownFromProtection: the diagram has changed since version")
        .contains("give this revision a new version tag");
    assertThat(message).contains("Task_HoldStepDownMeeting: its form 'hold-step-down-meeting' is bound to the deployment");
    assertThat(reply.json().path("details").findValuesAsText("mainElementId"))
        .contains("stepDownFromProtection", "Task_HoldStepDownMeeting", "Task_ApproveStepDownPlan", "StartEvent_PlanEnded");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("stepDownFromProtection").count())
        .as("nothing deployed").isEqualTo(versionsBefore);
  }

  @Test
  void theStepDownDiagramRevisedWithItsFormsIsRefusedOnlyForItsOldVersionTag() throws IOException {
    Map<String, String> files = withAllForms();
    files.put("step-down-from-protection.bpmn", Files.readString(Path.of("processes/step-down-from-protection.bpmn"))
        .replace("name=\"Approve step-down plan\"", "name=\"Approve the step-down plan\""));

    Reply reply = deploy(files);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("details").findValuesAsText("mainElementId")).as(reply.json().path("message").asText())
        .containsExactly("stepDownFromProtection");
  }

  /**
   * A revision whose approval's deadline counts from a date nothing in the journey records: the first journey to
   * reach the approval would fail there. Refused, naming the task and the variable; nothing deployed.
   */
  @Test
  void aRevisionReadingAVariableNothingBeforeItRecordsIsRefusedNamingTheTaskAndTheVariable() throws IOException {
    Map<String, String> files = withAllForms();
    files.put("step-down-from-protection.bpmn", Files.readString(Path.of("processes/step-down-from-protection.bpmn"))
        .replaceFirst("camunda:versionTag=\"[^\"]+\"", "camunda:versionTag=\"9.0.0-" + suffix() + "\"")
        .replace("name=\"Approve step-down plan\" camunda:assignee=\"${teamManager}\" camunda:candidateGroups=\"team-managers\" "
            + "camunda:dueDate=\"${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}\"",
            "name=\"Approve the step-down plan\" camunda:assignee=\"${teamManager}\" camunda:candidateGroups=\"team-managers\" "
            + "camunda:dueDate=\"${workingDays.after(approvalMeetingDate, stepDownSettings.decisionDueWorkingDays)}\""));
    assertThat(files.get("step-down-from-protection.bpmn")).contains("approvalMeetingDate");
    long versionsBefore = repositoryService.createProcessDefinitionQuery().processDefinitionKey("stepDownFromProtection").count();

    Reply reply = deploy(files);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("'Approve the step-down plan' (Task_ApproveStepDownPlan) "
        + "reads 'approvalMeetingDate', which nothing before it records on every path");
    assertThat(reply.json().path("details").findValuesAsText("mainElementId")).containsExactly("Task_ApproveStepDownPlan");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("stepDownFromProtection").count())
        .as("nothing deployed").isEqualTo(versionsBefore);
  }

  @Test
  void aRevisionKeepingTheVersionTagOfTheLatestVersionIsRefusedAndANewTagIsDeployed() {
    String key = "revisedProbe" + suffix();
    assertThat(deploy(Map.of(key + ".bpmn", diagram(key, "1.0.0", task("Agree the plan", "team-managers")))).status())
        .isEqualTo(200);

    Reply sameTag = deploy(Map.of(key + ".bpmn", diagram(key, "1.0.0", task("Agree the written plan", "team-managers"))));
    assertThat(sameTag.status()).as(sameTag.body()).isEqualTo(400);
    assertThat(sameTag.json().path("message").asText())
        .contains(key + ": the diagram has changed since version 1, which has the same version tag '1.0.0'");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);

    Reply newTag = deploy(Map.of(key + ".bpmn", diagram(key, "1.1.0", task("Agree the written plan", "team-managers"))));
    assertThat(newTag.status()).as(newTag.body()).isEqualTo(200);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
        .getVersionTag()).isEqualTo("1.1.0");
  }

  @Test
  void aFormMissingAnUnknownBeanAScriptAnUnknownGroupAndABadTimerAreEachNamed() {
    String key = "brokenProbe" + suffix();
    String elements = """
        <bpmn:userTask id="Task_AgreeThePlan" name="Agree the plan" camunda:candidateGroups="finance"
            camunda:dueDate="${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}"
            camunda:formRef="agree-the-plan" camunda:formRefBinding="deployment">
          <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_ToLetter</bpmn:outgoing>
        </bpmn:userTask>
        <bpmn:boundaryEvent id="Event_PlanLate" name="Plan late" cancelActivity="false" attachedToRef="Task_AgreeThePlan">
          <bpmn:timerEventDefinition id="TimerEventDefinition_PlanLate"><bpmn:timeDuration>two weeks</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="Flow_ToLetter" sourceRef="Task_AgreeThePlan" targetRef="Task_SendLetter" />
        <bpmn:serviceTask id="Task_SendLetter" name="Send the letter" camunda:delegateExpression="${sendLetterByPigeon}">
          <bpmn:incoming>Flow_ToLetter</bpmn:incoming><bpmn:outgoing>Flow_ToScript</bpmn:outgoing>
        </bpmn:serviceTask>
        <bpmn:sequenceFlow id="Flow_ToScript" sourceRef="Task_SendLetter" targetRef="Task_Tidy" />
        <bpmn:scriptTask id="Task_Tidy" name="Tidy up" scriptFormat="javascript">
          <bpmn:incoming>Flow_ToScript</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>
          <bpmn:script>1</bpmn:script>
        </bpmn:scriptTask>
        """;
    String diagram = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" name="Broken probe" isExecutable="true" camunda:historyTimeToLive="P3650D" camunda:versionTag="1.0.0">
            <bpmn:startEvent id="StartEvent_Start"><bpmn:outgoing>Flow_In</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_Start" targetRef="Task_AgreeThePlan" />
            %2$s
            <bpmn:sequenceFlow id="Flow_Out" sourceRef="Task_Tidy" targetRef="End_Done" />
            <bpmn:endEvent id="End_Done"><bpmn:incoming>Flow_Out</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, elements);

    Reply reply = deploy(Map.of(key + ".bpmn", diagram));

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("type").asText()).isEqualTo("ParseException");
    String message = reply.json().path("message").asText();
    assertThat(message)
        .contains("Task_AgreeThePlan: its form 'agree-the-plan' is bound to the deployment")
        .contains("Task_AgreeThePlan: The task 'Agree the plan' (Task_AgreeThePlan) is offered to 'finance', which is "
            + "neither a role of the service nor a team")
        .contains("Event_PlanLate: the timer's duration 'two weeks' does not parse")
        .contains("Task_SendLetter: the delegate expression '${sendLetterByPigeon}' does not name one of the application's delegates")
        .contains("Task_Tidy: a script task runs a script");
    assertThat(reply.json().path("details").findValuesAsText("mainElementId"))
        .contains("Task_AgreeThePlan", "Event_PlanLate", "Task_SendLetter", "Task_Tidy");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  void aTaskOfferedToATeamAndAFormDeployedWithTheDiagramAreAccepted() {
    String key = "teamProbe" + suffix();
    String form = """
        {"id": "agree-the-plan-%s", "type": "default", "schemaVersion": 16, "components": []}
        """.formatted(key);
    String task = task("Agree the plan", TestStaff.TEAM).replace("start-step-down", "agree-the-plan-" + key)
        .replace("\"latest\"", "\"deployment\"");

    Reply reply = deploy(Map.of(key + ".bpmn", diagram(key, "1.0.0", task), "agree-the-plan-" + key + ".form", form));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  /** start-step-down has no read-only fields: the probe need not record what a fuller form shows. */
  private static String task(String name, String groups) {
    return """
        <bpmn:userTask id="Task_AgreeThePlan" name="%s" camunda:candidateGroups="%s"
            camunda:dueDate="${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}"
            camunda:formRef="start-step-down" camunda:formRefBinding="latest">
          <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>
        </bpmn:userTask>
        """.formatted(name, groups);
  }

  private static String diagram(String key, String versionTag, String task) {
    return DeploymentTrustTest.diagram(key, task).replace("camunda:versionTag=\"1\"", "camunda:versionTag=\"" + versionTag + "\"");
  }

  private static Map<String, String> withAllForms() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.sorted().toList()) {
        files.put(form.getFileName().toString(), Files.readString(form));
      }
    }
    return files;
  }

  /** POST /engine-rest/deployment/create as Modeler sends it: multipart, the diagram and any additional files. */
  private Reply deploy(Map<String, String> files) {
    String boundary = "----revision" + suffix();
    StringBuilder body = new StringBuilder()
        .append(part(boundary, "deployment-name", null, "revision"))
        .append(part(boundary, "deployment-source", null, "Camunda Modeler"));
    List.copyOf(files.keySet()).forEach(name -> body.append(part(boundary, name, name, files.get(name))));
    body.append("--").append(boundary).append("--\r\n");
    return Api.as(port, TestStaff.PROCESS_OWNER)
        .post("/engine-rest/deployment/create",
            // UTF-8 as Modeler sends it (the forms hold characters outside Latin-1's ASCII part).
            MediaType.parseMediaType("multipart/form-data; boundary=" + boundary + "; charset=UTF-8"), body.toString());
  }

  private static String part(String boundary, String name, String filename, String content) {
    return "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + name + "\"" + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
        + (filename == null ? "" : "Content-Type: application/octet-stream\r\n")
        + "\r\n" + content + "\r\n";
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
