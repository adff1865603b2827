package org.safeguardingworkflows.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.deployments.ModelChecks.Deployed;

/**
 * "Required variables are produced upstream" (deployments/RequiredVariables, run by ModelChecks on every deployment
 * and by the build), on small diagrams, without the application.
 */
class RequiredVariablesTest {

  static final String MEETING_FORM = """
      {"id": "record-the-meeting", "type": "default", "schemaVersion": 16, "components": [
        {"type": "datetime", "key": "meetingDate", "subtype": "date", "dateLabel": "Date of the meeting"}]}
      """;
  static final String DECISION_FORM = """
      {"id": "decide-the-route", "type": "default", "schemaVersion": 16, "components": [
        {"type": "radio", "key": "route", "label": "Route", "values": [{"label": "Meeting", "value": "MEETING"}]}]}
      """;
  static final String APPROVAL_FORM = """
      {"id": "approve-the-plan", "type": "default", "schemaVersion": 16, "components": [
        {"type": "textfield", "key": "childRef", "label": "Child", "readonly": true},
        {"type": "checkbox", "key": "approved", "label": "Approved"}]}
      """;

  /** Start, the meeting recorded (or not) on two branches, the approval reading the meeting's date in its due date. */
  static String diagram(String otherBranch, String approvalDueDate) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="test">
          <bpmn:process id="agreePlan" isExecutable="true" camunda:historyTimeToLive="P3650D" camunda:versionTag="1.0.0">
            <bpmn:startEvent id="StartEvent_Start"><bpmn:outgoing>Flow_ToDecide</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_ToDecide" sourceRef="StartEvent_Start" targetRef="Task_DecideTheRoute" />
            %1$s
            <bpmn:sequenceFlow id="Flow_ToRoute" sourceRef="Task_DecideTheRoute" targetRef="Gateway_Route" />
            <bpmn:exclusiveGateway id="Gateway_Route" name="Which route?" default="Flow_Other" />
            <bpmn:sequenceFlow id="Flow_Meeting" name="Meeting" sourceRef="Gateway_Route" targetRef="Task_RecordTheMeeting">
              <bpmn:conditionExpression>${route == 'MEETING'}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            %2$s
            <bpmn:sequenceFlow id="Flow_MeetingDone" sourceRef="Task_RecordTheMeeting" targetRef="Gateway_Join" />
            %3$s
            <bpmn:exclusiveGateway id="Gateway_Join" />
            <bpmn:sequenceFlow id="Flow_ToApprove" sourceRef="Gateway_Join" targetRef="Task_ApproveStepDown" />
            %4$s
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_ApproveStepDown" targetRef="End_Done" />
            <bpmn:endEvent id="End_Done" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(
            task("Task_DecideTheRoute", "Decide the route", "decide-the-route",
                "${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}"),
            task("Task_RecordTheMeeting", "Record the meeting", "record-the-meeting",
                "${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}"),
            otherBranch,
            task("Task_ApproveStepDown", "Approve the step-down plan", "approve-the-plan", approvalDueDate));
  }

  static String task(String id, String name, String form, String dueDate) {
    return """
        <bpmn:userTask id="%s" name="%s" camunda:candidateGroups="team-managers" camunda:dueDate="%s"
            camunda:formRef="%s" camunda:formRefBinding="deployment" />
        """.formatted(id, name, dueDate, form);
  }

  static final String MEETING_DUE = "${workingDays.after(meetingDate, 5)}";
  static final String OTHER_BRANCH_RECORDS_NOTHING = """
      <bpmn:sequenceFlow id="Flow_Other" name="No meeting" sourceRef="Gateway_Route" targetRef="Gateway_Join" />
      """;
  static final String OTHER_BRANCH_RECORDS_THE_MEETING_TOO = """
      <bpmn:sequenceFlow id="Flow_Other" name="No meeting" sourceRef="Gateway_Route" targetRef="Task_RecordAnotherMeeting" />
      """ + task("Task_RecordAnotherMeeting", "Record another meeting", "record-the-meeting",
          "${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}") + """
      <bpmn:sequenceFlow id="Flow_AnotherDone" sourceRef="Task_RecordAnotherMeeting" targetRef="Gateway_Join" />
      """;

  static final VariableSources STARTED_WITH_CHILD = new VariableSources(Map.of("agreePlan", Set.of("childRef")),
      Map.of(), Map.of());

  static List<Refusal> check(String diagram, VariableSources sources) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put("agree.bpmn", diagram.getBytes(StandardCharsets.UTF_8));
    resources.put("record-the-meeting.form", MEETING_FORM.getBytes(StandardCharsets.UTF_8));
    resources.put("decide-the-route.form", DECISION_FORM.getBytes(StandardCharsets.UTF_8));
    resources.put("approve-the-plan.form", APPROVAL_FORM.getBytes(StandardCharsets.UTF_8));
    return ModelChecks.check(resources, Deployed.NOTHING, sources);
  }

  @Test
  void aVariableRecordedOnEveryPathBeforeItIsReadPasses() {
    assertThat(check(diagram(OTHER_BRANCH_RECORDS_THE_MEETING_TOO, MEETING_DUE), STARTED_WITH_CHILD)).isEmpty();
  }

  @Test
  void aDueDateReadingAVariableNothingRecordsIsRefusedNamingTheTaskAndTheVariable() {
    String readsUnrecorded = "${workingDays.after(conferenceDate, 5)}";
    assertThat(check(diagram(OTHER_BRANCH_RECORDS_THE_MEETING_TOO, readsUnrecorded), STARTED_WITH_CHILD))
        .singleElement().satisfies(refusal -> {
          assertThat(refusal.elementId()).isEqualTo("Task_ApproveStepDown");
          assertThat(refusal.rule()).startsWith("'Approve the step-down plan' (Task_ApproveStepDown) reads "
              + "'conferenceDate', which nothing before it records on every path");
        });
  }

  @Test
  void aVariableRecordedOnOnlyOneBranchOfAnExclusiveGatewayIsRefused() {
    assertThat(check(diagram(OTHER_BRANCH_RECORDS_NOTHING, MEETING_DUE), STARTED_WITH_CHILD))
        .singleElement().satisfies(refusal -> {
          assertThat(refusal.elementId()).isEqualTo("Task_ApproveStepDown");
          assertThat(refusal.rule()).startsWith("'Approve the step-down plan' (Task_ApproveStepDown) reads "
              + "'meetingDate', which nothing before it records on every path");
        });
  }

  @Test
  void aReadOnlyFormFieldCountsAsAReadAndTheStartVariablesAsRecorded() {
    assertThat(check(diagram(OTHER_BRANCH_RECORDS_THE_MEETING_TOO, MEETING_DUE), VariableSources.NONE))
        .singleElement().satisfies(refusal -> assertThat(refusal.rule())
            .startsWith("'Approve the step-down plan' (Task_ApproveStepDown) reads 'childRef'"));
  }

  @Test
  void aConditionReadingAVariableNoFormRecordsIsRefusedOnTheFlow() {
    String diagram = diagram(OTHER_BRANCH_RECORDS_THE_MEETING_TOO, MEETING_DUE)
        .replace("${route == 'MEETING'}", "${meetingNeeded == 'YES'}");
    assertThat(check(diagram, STARTED_WITH_CHILD)).singleElement().satisfies(refusal -> {
      assertThat(refusal.elementId()).isEqualTo("Flow_Meeting");
      assertThat(refusal.rule()).startsWith("'Meeting' (Flow_Meeting) reads 'meetingNeeded'");
    });
  }

  @Test
  void aDelegateThatDeclaresWhatItWritesRecordsIt() {
    String recordedByDelegate = diagram(OTHER_BRANCH_RECORDS_NOTHING, MEETING_DUE).replace(
        "<bpmn:sequenceFlow id=\"Flow_ToApprove\" sourceRef=\"Gateway_Join\" targetRef=\"Task_ApproveStepDown\" />", """
        <bpmn:sequenceFlow id="Flow_ToApprove" sourceRef="Gateway_Join" targetRef="Task_SetTheDate" />
        <bpmn:serviceTask id="Task_SetTheDate" name="Set the date" camunda:delegateExpression="${setTheDate}" />
        <bpmn:sequenceFlow id="Flow_DateSet" sourceRef="Task_SetTheDate" targetRef="Task_ApproveStepDown" />
        """);
    VariableSources delegateWrites = new VariableSources(Map.of("agreePlan", Set.of("childRef")), Map.of(),
        Map.of("setTheDate", Set.of("meetingDate")));
    assertThat(check(recordedByDelegate, delegateWrites)).isEmpty();
    assertThat(check(recordedByDelegate, STARTED_WITH_CHILD)).extracting(Refusal::elementId)
        .containsExactly("Task_ApproveStepDown");
  }

  @Test
  void namesFollowedByADotOrABracketAreBeansAndMethodsNotVariables() {
    assertThat(RequiredVariables.variablesIn("${workingDays.after(planEndDate, stepDownSettings.meetingDueWorkingDays)}"))
        .containsExactly("planEndDate");
    assertThat(RequiredVariables.variablesIn("${a != null && b == 'NOT empty' || not c}")).containsExactly("a", "b", "c");
  }
}
