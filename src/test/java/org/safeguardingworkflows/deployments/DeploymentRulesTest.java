package org.safeguardingworkflows.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The deployment rule on small diagrams, one thing at a time, without starting the application (the REST test
 * DeploymentTrustTest shows the engine applies the same rule to real deployments).
 */
class DeploymentRulesTest {

  /** As in the running application: these names are beans, anything else is a process variable. */
  static final Set<String> BEANS = Set.of("workingDays", "stepDownSettings", "recordEndedPlan", "planHistory", "runtimeService");
  final DeploymentRules rules = new DeploymentRules(Set.of("recordEndedPlan"), BEANS::contains);

  static String bpmn(String processContent) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="test">
          <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="P3650D">
        """ + processContent + """
          </bpmn:process>
        </bpmn:definitions>
        """;
  }

  List<Refusal> check(String processContent) {
    return rules.check("test.bpmn", bpmn(processContent).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void plainVariablesDelegatesAndTrustedHelpersAreAllowed() {
    assertThat(check("""
        <bpmn:userTask id="Task_A" camunda:assignee="${allocatedWorker}" camunda:candidateGroups="team-managers"
            camunda:dueDate="${workingDays.after(planEndDate, stepDownSettings.meetingDueWorkingDays)}">
          <bpmn:extensionElements>
            <camunda:taskListener delegateExpression="${recordEndedPlan}" event="complete" />
            <camunda:inputOutput><camunda:inputParameter name="x">${a == 'YES' ? b : !c}</camunda:inputParameter></camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_A" sourceRef="Task_A" targetRef="Task_A">
          <bpmn:conditionExpression>${decision == 'APPROVE' &amp;&amp; x != null}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:serviceTask id="Task_B" camunda:delegateExpression="${recordEndedPlan}">
          <bpmn:documentation>Text for people may mention ${anything.at(all)}.</bpmn:documentation>
        </bpmn:serviceTask>
        """)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<bpmn:scriptTask id=\"Task_X\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>",
      "<bpmn:scriptTask id=\"Task_X\" scriptFormat=\"javascript\" camunda:resource=\"deployment://x.js\" />",
      "<bpmn:serviceTask id=\"Task_X\" camunda:class=\"com.example.Anything\" />",
      "<bpmn:userTask id=\"Task_X\"><bpmn:extensionElements><camunda:taskListener class=\"com.example.L\" event=\"create\" /></bpmn:extensionElements></bpmn:userTask>",
      "<bpmn:userTask id=\"Task_X\"><bpmn:extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:userTask>",
      "<bpmn:serviceTask id=\"Task_X\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"a\"><camunda:script scriptFormat=\"js\" resource=\"x.js\" /></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>",
      "<bpmn:sequenceFlow id=\"Task_X\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression language=\"groovy\">true</bpmn:conditionExpression></bpmn:sequenceFlow>",
      "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${runtimeService.createProcessInstanceQuery().list()}\" />",
      "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${execution.getProcessEngineServices()}\" />",
      "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${processEngine}\" />",
      "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${planHistory.recordEnd(childRef)}\" />",
      "<bpmn:serviceTask id=\"Task_X\" camunda:delegateExpression=\"${planHistory}\" />",
      "<bpmn:serviceTask id=\"Task_X\" camunda:delegateExpression=\"${allocatedWorker}\" />",
      "<bpmn:userTask id=\"Task_X\" camunda:dueDate=\"${workingDays.addWorkingDays(a, 1)}\" />",
      "<bpmn:userTask id=\"Task_X\" camunda:dueDate=\"${workingDays.after(a, 1).toInstant()}\" />",
      "<bpmn:userTask id=\"Task_X\" camunda:dueDate=\"${stepDownSettings.setWatchPeriod('P0D')}\" />",
      "<bpmn:userTask id=\"Task_X\" camunda:dueDate=\"${stepDownSettings.class}\" />",
      "<bpmn:userTask id=\"Task_X\" camunda:assignee=\"${someVariable.getClass()}\" />",
      "<bpmn:userTask id=\"Task_X\" camunda:assignee=\"${currentUser()}\" />",
      "<bpmn:userTask id=\"Task_X\" camunda:candidateGroups=\"${stepDownSettings['x']}\" />",
      "<bpmn:userTask id=\"Task_X\" camunda:formRef=\"${recordEndedPlan.execute(null)}\" />",
      "<bpmn:callActivity id=\"Task_X\" calledElement=\"x\" camunda:variableMappingClass=\"com.example.M\" />",
      "<bpmn:serviceTask id=\"Task_X\"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>",
      "<bpmn:intermediateCatchEvent id=\"Task_X\"><bpmn:timerEventDefinition><bpmn:timeDuration>${execution.processEngine.runtimeService}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>",
      "<bpmn:userTask id=\"Task_X\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"f\" type=\"string\"><camunda:validation><camunda:constraint name=\"validator\" config=\"com.example.V\" /></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>",
  })
  void codeInADiagramIsRefusedNamingTheElement(String element) {
    List<Refusal> refusals = check(element);
    assertThat(refusals).as(element).isNotEmpty().allSatisfy(refusal -> {
      assertThat(refusal.elementId()).isEqualTo("Task_X");
      assertThat(refusal.rule()).isNotBlank();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1D", "3649", "P0D", "${ttl}", ""})
  void aShorterHistoryTimeToLiveThanTheApplicationsIsRefused(String timeToLive) {
    String diagram = bpmn("").replace("camunda:historyTimeToLive=\"P3650D\"",
        timeToLive.isEmpty() ? "" : "camunda:historyTimeToLive=\"" + timeToLive + "\"");
    assertThat(rules.check("test.bpmn", diagram.getBytes(StandardCharsets.UTF_8)))
        .extracting(Refusal::elementId).containsExactly("Process_1");
    assertThat(rules.check("test.bpmn", bpmn("").replace("P3650D", "3700").getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void decisionsMustBeFeelAndOtherFilesAreRefused() {
    String juelDecision = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="D" name="d" namespace="x">
          <decision id="Decision_X" name="x" camunda:historyTimeToLive="P3650D">
            <literalExpression expressionLanguage="juel"><text>${runtimeService}</text></literalExpression>
          </decision>
        </definitions>
        """;
    assertThat(rules.check("x.dmn", juelDecision.getBytes(StandardCharsets.UTF_8)))
        .extracting(Refusal::elementId).containsExactly("Decision_X");
    String feelDecision = juelDecision.replace(" expressionLanguage=\"juel\"", "").replace("${runtimeService}", "a + 1");
    assertThat(rules.check("x.dmn", feelDecision.getBytes(StandardCharsets.UTF_8))).isEmpty();
    String externalFunction = feelDecision.replace("a + 1",
        "{f: function(x) external {java: {class: \"java.lang.Runtime\", method signature: \"getRuntime()\"}}, r: f(1)}.r");
    assertThat(rules.check("x.dmn", externalFunction.getBytes(StandardCharsets.UTF_8)))
        .extracting(Refusal::elementId).containsExactly("Decision_X");

    assertThat(rules.check("x.cmmn", new byte[0])).extracting(Refusal::elementId).containsExactly("x.cmmn");
    assertThat(rules.check("form.html", new byte[0])).isNotEmpty();
    assertThat(rules.check("a.form", "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(rules.check("bad.bpmn", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
        .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
  }
}
