package org.safeguardingworkflows.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.platform.ProcessDeployment;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * A process owner deploys through the engine's REST API as Modeler does: a diagram that would run code other than
 * the application's is refused with 400 naming the element and the rule, and nothing of it is stored; a diagram
 * that uses only variables, the application's delegates and its trusted helpers is deployed.
 */
@ApplicationTest
class DeploymentTrustTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired OnlyTrustedDeployments onlyTrustedDeployments;

  @Test
  void aScriptTaskIsRefused() {
    assertRefused("Task_RunScript", """
        <bpmn:scriptTask id="Task_RunScript" name="Run a script" scriptFormat="javascript">
          <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>
          <bpmn:script>java.lang.System.exit(1)</bpmn:script>
        </bpmn:scriptTask>
        """, "script");
  }

  @Test
  void aJavaClassListenerIsRefused() {
    assertRefused("Task_WithClassListener", """
        <bpmn:userTask id="Task_WithClassListener" name="Listened" camunda:candidateGroups="team-managers">
          <bpmn:extensionElements>
            <camunda:taskListener class="org.camunda.bpm.engine.impl.bpmn.listener.ScriptExecutionListener" event="create" />
          </bpmn:extensionElements>
          <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>
        </bpmn:userTask>
        """, "Java class");
  }

  @Test
  void anExpressionReachingTheEngineIsRefused() {
    assertRefused("Task_CallEngine", """
        <bpmn:serviceTask id="Task_CallEngine" name="Call the engine"
            camunda:expression="${execution.getProcessEngineServices().getIdentityService().deleteUser('ci.admin')}">
          <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>
        </bpmn:serviceTask>
        """, "execution");
  }

  @Test
  void anExpressionCallingAnotherBeanIsRefused() {
    assertRefused("Task_CallBean", """
        <bpmn:userTask id="Task_CallBean" name="Due whenever" camunda:candidateGroups="team-managers"
            camunda:dueDate="${runtimeService.createProcessInstanceQuery().list()}">
          <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>
        </bpmn:userTask>
        """, "runtimeService");
  }

  @Test
  void aDecisionInAnExpressionLanguageThatReachesBeansIsRefused() {
    String key = "untrustedDecision" + suffix();
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();
    String decision = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_%1$s" name="d" namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="%1$s" name="Reach the engine" camunda:historyTimeToLive="P3650D">
            <variable id="Variable_Out" name="%1$s" typeRef="string" />
            <literalExpression id="LiteralExpression_Engine" expressionLanguage="juel">
              <text>${processEngine.identityService.createUserQuery().list()}</text>
            </literalExpression>
          </decision>
        </definitions>
        """.formatted(key);

    Reply reply = deployAsProcessOwner(key, key + ".dmn", decision);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("LiteralExpression_Engine").contains("juel");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isZero();
  }

  @Test
  void aProcessKeepingHistoryLessThanTheApplicationsIsRefused() {
    String key = "shortHistory" + suffix();
    Reply reply = deployAsProcessOwner(key, key + ".bpmn", diagram(key, """
        <bpmn:userTask id="Task_Allowed" name="Allowed" camunda:candidateGroups="team-managers">
          <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>
        </bpmn:userTask>
        """).replace("P3650D", "P0D"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains(key).contains("history time to live");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  void aTaskThatNoTasklistFilterOfItsRoleListsIsRefused() {
    String key = "unreachedTask" + suffix();
    Reply reply = deployAsProcessOwner(key, """
        <bpmn:userTask id="Task_AgreeThePlan" name="Agree the plan" camunda:candidateGroups="iros"
            camunda:dueDate="${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}"
            camunda:formRef="start-step-down" camunda:formRefBinding="latest">
          <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>
        </bpmn:userTask>
        """);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("message").asText())
        .contains("'Agree the plan' (Task_AgreeThePlan) is offered to independent reviewing officers")
        .contains("none of their Tasklist filters lists it");
    assertThat(reply.json().path("details").findValuesAsText("mainElementId")).containsExactly("Task_AgreeThePlan");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  void aDiagramUsingOnlyVariablesDelegatesAndTrustedHelpersIsDeployed() {
    String key = "trustProbe" + suffix();
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();
    Reply reply = deployAsProcessOwner(key, """
        <bpmn:userTask id="Task_Allowed" name="Allowed" camunda:candidateGroups="team-managers"
            camunda:assignee="${teamManager}"
            camunda:dueDate="${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}"
            camunda:formRef="start-step-down" camunda:formRefBinding="latest">
          <bpmn:extensionElements>
            <camunda:taskListener delegateExpression="${validateStepDownMeeting}" event="complete" />
          </bpmn:extensionElements>
          <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>
        </bpmn:userTask>
        """);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore + 1);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
  }

  @Test
  void theApplicationsOwnDiagramsAndFormsPassTheRuleOfTheRunningEngine() throws IOException {
    // The engine checked them at start-up (every new deployment passes through OnlyTrustedDeployments) ...
    assertThat(repositoryService.createDeploymentQuery().deploymentName(ProcessDeployment.DEPLOYMENT_NAME).count()).isEqualTo(1);
    // ... and the same rule, with the running application's beans, finds nothing in any of them.
    try (Stream<Path> files = Stream.concat(Files.list(Path.of("processes")), Files.list(Path.of("forms")))) {
      // Files only: processes/element-templates holds Modeler's templates, which are not deployed.
      List<Path> resources = files.filter(Files::isRegularFile).sorted().toList();
      assertThat(resources).hasSizeGreaterThan(4);
      for (Path resource : resources) {
        assertThat(onlyTrustedDeployments.refusalsFor(resource.getFileName().toString(), Files.readAllBytes(resource)))
            .as("refusals for " + resource).isEmpty();
      }
    }
  }

  private void assertRefused(String elementId, String element, String ruleMentions) {
    String key = "untrusted" + suffix();
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();

    Reply reply = deployAsProcessOwner(key, element);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("type").asText()).as("the engine's answer to an undeployable diagram").isEqualTo("ParseException");
    assertThat(reply.json().path("message").asText()).contains(elementId).contains(ruleMentions);
    assertThat(reply.json().path("details").findValuesAsText("mainElementId")).as(reply.body())
        .isNotEmpty().allMatch(elementId::equals);
    assertThat(repositoryService.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deploymentsBefore);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  /** POST /engine-rest/deployment/create as Modeler sends it: multipart, one diagram. */
  private Reply deployAsProcessOwner(String key, String element) {
    return deployAsProcessOwner(key, key + ".bpmn", diagram(key, element));
  }

  private Reply deployAsProcessOwner(String key, String fileName, String content) {
    String boundary = "----trust" + suffix();
    String body = part(boundary, "deployment-name", null, key)
        + part(boundary, "deployment-source", null, "Camunda Modeler")
        + part(boundary, "data", fileName, content)
        + "--" + boundary + "--\r\n";
    return Api.as(port, TestStaff.PROCESS_OWNER)
        .post("/engine-rest/deployment/create", MediaType.parseMediaType("multipart/form-data; boundary=" + boundary), body);
  }

  private static String part(String boundary, String name, String filename, String content) {
    return "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + name + "\"" + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
        + (filename == null ? "" : "Content-Type: application/octet-stream\r\n")
        + "\r\n" + content + "\r\n";
  }

  static String diagram(String key, String element) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" name="Trust probe" isExecutable="true" camunda:historyTimeToLive="P3650D" camunda:versionTag="1">
            <bpmn:startEvent id="StartEvent_Start"><bpmn:outgoing>Flow_In</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_Start" targetRef="%2$s" />
            %3$s
            <bpmn:sequenceFlow id="Flow_Out" sourceRef="%2$s" targetRef="End_Done" />
            <bpmn:endEvent id="End_Done"><bpmn:incoming>Flow_Out</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, elementId(element), element);
  }

  private static String elementId(String element) {
    int start = element.indexOf("id=\"") + 4;
    return element.substring(start, element.indexOf('"', start));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
