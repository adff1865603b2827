package org.safeguardingworkflows.repeaticpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The history in front of a repeat conference is the child record's, not the engine's: a process owner revises the
 * step-down diagram in Modeler (the contingency review gets another id, and keeps the concern under other names),
 * a journey runs on the revised diagram, and its engine history is then removed. The summary still shows that
 * journey's contingency plan, its concern and the team manager's decision. Reading the step-down journey's engine
 * variables and task ids, as the history did before, found none of them.
 */
@ApplicationTest
class HistoryFromTheChildRecordTest {

  static final String REVISED_KEY = "stepDownFromProtectionRevised";
  static final String REVISED_REVIEW = "Task_ReviewTheConcern";

  @Autowired ProcessEngine engine;
  @Autowired PlanHistory planHistory;
  Deployment revised;

  @AfterEach
  void removeTheRevisedDiagram() {
    if (revised != null) {
      engine.getRepositoryService().deleteDeployment(revised.getId(), true);
    }
  }

  @Test
  void aJourneyOnARevisedDiagramWithItsEngineHistoryGoneStillTellsTheRepeatConferenceWhatHappened() throws IOException {
    revised = engine.getRepositoryService().createDeployment()
        .name("step-down revised in Modeler")
        .addString("step-down-revised.bpmn", revisedStepDownDiagram())
        .deploy();
    RepeatIcpcDriver child = new RepeatIcpcDriver(engine, planHistory);
    String journey = journeyWithAConcern(child.childRef);
    engine.getHistoryService().deleteHistoricVariableInstancesByProcessInstanceId(journey);

    child.proposed(EngineClock.today());

    assertThat(child.variable(LAST_STEP_DOWN_INSTANCE_ID.name())).isEqualTo(journey);
    assertThat(child.rows(LAST_CONTINGENCY_PLAN)).extracting(row -> row.get("trigger")).containsExactly("DISENGAGEMENT", "RECURRENCE");
    List<Map<String, Object>> concerns = child.rows(LAST_STEP_DOWN_CONCERNS);
    assertThat(concerns).singleElement().satisfies(concern -> assertThat(concern)
        .containsEntry("kind", "RECURRENCE").containsEntry("summary", "Same neglect signs at school")
        .containsEntry("reviewDecision", "CONTINUE_WITH_ACTIONS").containsEntry("agreedActions", "Daily contact with school"));
  }

  /** The shipped diagram as a process owner might revise it: a new key, the review renamed, the concern kept as "raised...". */
  private static String revisedStepDownDiagram() throws IOException {
    String diagram = Files.readString(Path.of("processes/step-down-from-protection.bpmn"), StandardCharsets.UTF_8);
    String revised = diagram
        .replace("id=\"" + StepDownVariables.PROCESS_KEY + "\"", "id=\"" + REVISED_KEY + "\"")
        .replace("bpmnElement=\"" + StepDownVariables.PROCESS_KEY + "\"", "bpmnElement=\"" + REVISED_KEY + "\"")
        .replace("Task_HoldContingencyReview", REVISED_REVIEW)
        .replace("<camunda:inputParameter name=\"concernKind\">${concernKind}", "<camunda:inputParameter name=\"raisedConcernKind\">${concernKind}")
        .replace("<camunda:inputParameter name=\"concernSummary\">${concernSummary}", "<camunda:inputParameter name=\"raisedConcernSummary\">${concernSummary}")
        .replace("camunda:formRefBinding=\"deployment\"", "camunda:formRefBinding=\"latest\"");
    assertThat(revised).contains(REVISED_KEY, REVISED_REVIEW, "raisedConcernKind");
    return revised;
  }

  private String journeyWithAConcern(String childRef) {
    Map<String, Object> planEnded = StepDownDriver.startVariables(childRef, "CHILD_IN_NEED");
    planEnded.put(StepDownVariables.PLAN_END_DATE.name(), EngineClock.today().minusMonths(3).toString());
    String id = engine.getRuntimeService().startProcessInstanceByKey(REVISED_KEY, childRef, planEnded).getId();

    Map<String, Object> meeting = new HashMap<>(RepeatIcpcHistoryTest.stepDownMeeting());
    meeting.put(StepDownVariables.CONTINGENCY_PLAN.name(), List.of(
        Map.of("trigger", "DISENGAGEMENT", "response", "Team manager reviews within 5 working days", "whoActs", "Allocated social worker",
            "heldBy", List.of("SCHOOL")),
        Map.of("trigger", "RECURRENCE", "response", "Strategy discussion considered the same day", "whoActs", "Team manager",
            "heldBy", List.of("HEALTH"))));
    RepeatIcpcHistoryTest.complete(engine, id, "Task_HoldStepDownMeeting", meeting);
    RepeatIcpcHistoryTest.complete(engine, id, "Task_ApproveStepDownPlan", Map.of(StepDownVariables.STEP_DOWN_DECISION.name(), "APPROVE",
        StepDownVariables.STEP_DOWN_DECISION_REASONS.name(), "Good evidence"));
    engine.getRuntimeService().createMessageCorrelation(StepDownVariables.MESSAGE_CONCERN_REPORTED).processInstanceId(id)
        .setVariablesLocal(Map.of(StepDownVariables.CONCERN_KIND.name(), "RECURRENCE", StepDownVariables.CONCERN_SUMMARY.name(), "Same neglect signs at school"))
        .correlateWithResult();
    RepeatIcpcHistoryTest.complete(engine, id, REVISED_REVIEW, Map.of(StepDownVariables.CONTINGENCY_DECISION.name(), "CONTINUE_WITH_ACTIONS",
        StepDownVariables.CONTINGENCY_REASONS.name(), "Watch closely", StepDownVariables.AGREED_ACTIONS.name(), "Daily contact with school"));
    return id;
  }
}
