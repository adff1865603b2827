package org.safeguardingworkflows.repeaticpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.RepeatedTest;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Race;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The team manager, the senior manager, the IRO and the legal representative press "Complete" on their views at the
 * same moment, in Tasklist's way (the engine's REST API). Each completion joins the same parallel gateway, and the
 * engine lets only one of two concurrent changes to the journey commit: none of the four may see an error for that,
 * and the discussion must move on to the joint decision exactly once.
 */
@ApplicationTest
class FourViewsAtOnceTest {

  static final Map<FourPartyView, String> HOLDERS = Map.of(
      FourPartyView.TEAM_MANAGER, TestStaff.TEAM_MANAGER, FourPartyView.SENIOR_MANAGER, TestStaff.SENIOR_MANAGER,
      FourPartyView.IRO, TestStaff.IRO, FourPartyView.LEGAL, TestStaff.LEGAL);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired PlanHistory planHistory;

  @RepeatedTest(3)
  void fourPeopleCompleteTheirViewsAtOnce_andEveryoneIsAnsweredWithoutError() {
    RepeatIcpcDriver child = new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear().proposed().summariseHistory();
    List<FourPartyView> views = List.of(FourPartyView.values());
    for (FourPartyView view : views) {
      Reply claimed = Api.as(port, HOLDERS.get(view)).post("/engine-rest/task/" + child.task(view.taskKey()).getId() + "/claim",
          Map.of("userId", HOLDERS.get(view)));
      assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    }
    List<String> taskIds = views.stream().map(view -> child.task(view.taskKey()).getId()).toList();

    List<Reply> replies = Race.of(views.size(), caller -> Api.as(port, HOLDERS.get(views.get(caller)))
        .post("/engine-rest/task/" + taskIds.get(caller) + "/complete", restVariables(views.get(caller))));

    assertThat(replies).as(replies.stream().map(Reply::body).toList().toString()).extracting(Reply::status).containsOnly(204);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(child.proposal.getId()).list())
        .extracting(task -> task.getTaskDefinitionKey()).containsExactly("Task_RecordJointDecision");
    assertThat(child.variable(RepeatIcpcVariables.FOUR_PARTY_DISCUSSION_COMPLETE.name())).isEqualTo(true);
    for (FourPartyView view : views) {
      assertThat(child.variable(view.viewByVariable().name())).isEqualTo(HOLDERS.get(view));
    }
  }

  /** Camunda REST's variable format: {"name": {"value": ...}}. */
  private static Map<String, Object> restVariables(FourPartyView view) {
    Map<String, Object> variables = new LinkedHashMap<>();
    RepeatIcpcDriver.viewAnswers(view, "ICPC").forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }
}
