package org.safeguardingworkflows.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.deployments.ModelChecks.Deployed;
import org.safeguardingworkflows.deployments.ModelChecks.DeployedDiagram;

/**
 * The checks every deployment passes (forms, owners, due dates, timers, version tags) on small deployments, one
 * problem at a time, without the application (CheckedDeploymentsTest deploys broken revisions to the running engine).
 */
class ModelChecksRefusalsTest {

  static final String FORM = """
      {"id": "agree-the-plan", "type": "default", "schemaVersion": 16, "components": []}
      """;

  static final String GOOD_TASK = """
      <bpmn:userTask id="Task_AgreeThePlan" name="Agree the plan" camunda:candidateGroups="team-managers"
          camunda:dueDate="${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}"
          camunda:formRef="agree-the-plan" camunda:formRefBinding="deployment" />
      """;

  static String bpmn(String versionTag, String processContent) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="test">
          <bpmn:process id="agreePlan" isExecutable="true" camunda:historyTimeToLive="P3650D" %s>
        %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(versionTag == null ? "" : "camunda:versionTag=\"" + versionTag + "\"", processContent);
  }

  static List<Refusal> check(Deployed deployed, String... namesAndContents) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (int i = 0; i < namesAndContents.length; i += 2) {
      resources.put(namesAndContents[i], namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return ModelChecks.check(resources, deployed);
  }

  @Test
  void aTaskWithItsFormDueDateAndOwnersPasses() {
    assertThat(check(Deployed.NOTHING, "agree.bpmn", bpmn("1.0.0", GOOD_TASK), "agree-the-plan.form", FORM)).isEmpty();
  }

  @Test
  void aFormBoundToTheDeploymentMustBeInIt() {
    assertThat(check(Deployed.NOTHING, "agree.bpmn", bpmn("1.0.0", GOOD_TASK)))
        .singleElement().satisfies(refusal -> {
          assertThat(refusal.elementId()).isEqualTo("Task_AgreeThePlan");
          assertThat(refusal.rule()).contains("'agree-the-plan' is bound to the deployment").contains("is not in it");
        });
  }

  @Test
  void aFormBoundToTheLatestVersionMayHaveBeenDeployedBefore() {
    String latestBound = GOOD_TASK.replace("formRefBinding=\"deployment\"", "formRefBinding=\"latest\"");
    assertThat(check(Deployed.NOTHING, "agree.bpmn", bpmn("1.0.0", latestBound)))
        .singleElement().extracting(Refusal::rule).asString().contains("neither in this deployment nor deployed before");
    assertThat(check(deployed(Optional.empty(), true), "agree.bpmn", bpmn("1.0.0", latestBound))).isEmpty();
  }

  @Test
  void aTaskWithoutFormDueDateOrOwnersIsRefusedForEach() {
    List<Refusal> refusals = check(Deployed.NOTHING, "agree.bpmn", bpmn("1.0.0", """
        <bpmn:userTask id="Task_Bare" name="Do something" />
        """));
    assertThat(refusals).extracting(Refusal::elementId).containsOnly("Task_Bare");
    assertThat(refusals).extracting(Refusal::rule).anyMatch(rule -> rule.contains("has no form"))
        .anyMatch(rule -> rule.contains("has no due date")).anyMatch(rule -> rule.contains("offered to no role or team"));
  }

  @Test
  void candidateGroupsMustBeRolesOrTeams() {
    String finance = GOOD_TASK.replace("team-managers", "finance");
    assertThat(check(Deployed.NOTHING, "agree.bpmn", bpmn("1.0.0", finance), "agree-the-plan.form", FORM))
        .singleElement().extracting(Refusal::rule).asString()
        .contains("offered to 'finance', which is neither a role of the service nor a team");
    String team = GOOD_TASK.replace("team-managers", "team-north");
    assertThat(check(deployed(Optional.empty(), false, "team-north"), "agree.bpmn", bpmn("1.0.0", team),
        "agree-the-plan.form", FORM)).isEmpty();
  }

  @Test
  void aLiteralTimerMustParseAsTheEngineParsesIt() {
    String timers = GOOD_TASK + """
        <bpmn:boundaryEvent id="Event_Late" name="Late" attachedToRef="Task_AgreeThePlan" cancelActivity="false">
          <bpmn:timerEventDefinition id="TimerEventDefinition_Late"><bpmn:timeDuration>six months</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="Event_Fine" name="Fine" attachedToRef="Task_AgreeThePlan" cancelActivity="false">
          <bpmn:timerEventDefinition id="TimerEventDefinition_Fine"><bpmn:timeCycle>R/P28D</bpmn:timeCycle></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="Event_FromSettings" name="From settings" attachedToRef="Task_AgreeThePlan" cancelActivity="false">
          <bpmn:timerEventDefinition id="TimerEventDefinition_Settings"><bpmn:timeDuration>${stepDownSettings.watchPeriod}</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="Event_NoTime" name="No time" attachedToRef="Task_AgreeThePlan" cancelActivity="false">
          <bpmn:timerEventDefinition id="TimerEventDefinition_None" />
        </bpmn:boundaryEvent>
        """;
    List<Refusal> refusals = check(Deployed.NOTHING, "agree.bpmn", bpmn("1.0.0", timers), "agree-the-plan.form", FORM);
    assertThat(refusals).extracting(Refusal::elementId).containsExactly("Event_Late", "Event_NoTime");
    assertThat(refusals.get(0).rule()).contains("'six months' does not parse");
    assertThat(refusals.get(1).rule()).contains("exactly one of a date, a duration or a cycle");
  }

  @Test
  void aChangedDiagramNeedsANewVersionTag() {
    String first = bpmn("1.0.0", GOOD_TASK);
    String changed = bpmn("1.0.0", GOOD_TASK.replace("Agree the plan", "Agree the written plan"));
    Deployed firstDeployed = deployed(Optional.of(new DeployedDiagram(3, "1.0.0", first.getBytes(StandardCharsets.UTF_8))), false);

    assertThat(check(firstDeployed, "agree.bpmn", first, "agree-the-plan.form", FORM)).as("the same diagram again").isEmpty();
    assertThat(check(firstDeployed, "agree.bpmn", changed, "agree-the-plan.form", FORM)).singleElement()
        .satisfies(refusal -> {
          assertThat(refusal.elementId()).isEqualTo("agreePlan");
          assertThat(refusal.rule()).contains("changed since version 3, which has the same version tag '1.0.0'");
        });
    assertThat(check(firstDeployed, "agree.bpmn", changed.replace("\"1.0.0\"", "\"1.1.0\""), "agree-the-plan.form", FORM))
        .isEmpty();
    assertThat(check(Deployed.NOTHING, "agree.bpmn", bpmn(null, GOOD_TASK), "agree-the-plan.form", FORM))
        .singleElement().extracting(Refusal::rule).asString().contains("has no version tag");
  }

  private static Deployed deployed(Optional<DeployedDiagram> latest, boolean formsDeployed, String... teams) {
    return new Deployed() {
      @Override
      public boolean hasForm(String formId) {
        return formsDeployed;
      }

      @Override
      public Optional<DeployedDiagram> latest(String processKey) {
        return latest;
      }

      @Override
      public boolean isTeam(String groupId) {
        return List.of(teams).contains(groupId);
      }
    };
  }
}
