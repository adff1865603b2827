package org.safeguardingworkflows.repeaticpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * "Schedule the ICPC" cannot be reached with three of the four views, whichever client completes the tasks: the
 * Java API (see {@link RepeatIcpcScenariosTest}), the Camunda REST API at {@code /engine-rest}, or Tasklist (its own
 * session-based API, as the browser calls it). Each view is accepted only from a holder of its role, even from an
 * administrator's session, and a form cannot set the facts the gate reads.
 */
@ApplicationTest
class FourPartyGateTest {

  static final String ADMIN = "ci.admin";
  static final String ADMIN_PASSWORD = "Ci-admin-pass-1";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired PlanHistory planHistory;
  @Autowired IdentityService identityService;

  @Test
  void throughEngineRest_threeViewsDoNotReachScheduleTheIcpc_andTheFourthMustComeFromAnIro() {
    RepeatIcpcDriver child = inTheDiscussion();
    completeOverRest(TestStaff.TEAM_MANAGER, child.task("Task_TeamManagerView").getId(), view(FourPartyView.TEAM_MANAGER));
    completeOverRest(TestStaff.SENIOR_MANAGER, child.task("Task_SeniorManagerView").getId(), view(FourPartyView.SENIOR_MANAGER));
    Map<String, Object> forged = view(FourPartyView.LEGAL);
    forged.put(RepeatIcpcVariables.IRO_VIEW_BY.name(), TestStaff.IRO);
    forged.put(RepeatIcpcVariables.FOUR_PARTY_DISCUSSION_COMPLETE.name(), true);
    forged.put(RepeatIcpcVariables.OVERRIDE_USED.name(), true);
    String legalTask = child.task("Task_LegalView").getId();
    Reply forging = Api.as(port, TestStaff.LEGAL).post("/engine-rest/task/" + legalTask + "/complete", variables(forged));
    assertThat(forging.status()).as("a form sets only its own fields: " + forging.body()).isEqualTo(400);
    assertThat(forging.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("variables." + RepeatIcpcVariables.IRO_VIEW_BY.name(),
        "variables." + RepeatIcpcVariables.FOUR_PARTY_DISCUSSION_COMPLETE.name(), "variables." + RepeatIcpcVariables.OVERRIDE_USED.name());
    completeOverRest(TestStaff.LEGAL, legalTask, view(FourPartyView.LEGAL));

    assertNotScheduled(child);
    assertThat(child.variable(RepeatIcpcVariables.IRO_VIEW_BY.name())).as("a form cannot give someone else's view").isNull();
    assertThat(child.variable(RepeatIcpcVariables.FOUR_PARTY_DISCUSSION_COMPLETE.name())).isEqualTo(false);
    assertThat(child.variable(RepeatIcpcVariables.OVERRIDE_USED.name())).isEqualTo(false);
    assertThat(child.variable(RepeatIcpcVariables.LEGAL_VIEW_BY.name())).isEqualTo(TestStaff.LEGAL);
    String iroTask = child.task("Task_IroView").getId();
    Reply admin = Api.as(port, ADMIN, ADMIN_PASSWORD).post("/engine-rest/task/" + iroTask + "/complete", variables(view(FourPartyView.IRO)));
    assertThat(admin.status()).as("an administrator cannot give the IRO's view: not the task's role").isEqualTo(403);
    assertThat(admin.json().path("message").asText()).contains("independent reviewing officers");

    String iroBefore = taskService.createTaskQuery().taskId(iroTask).singleResult().getAssignee();
    assertThat(Api.as(port, ADMIN, ADMIN_PASSWORD).post("/engine-rest/task/" + iroTask + "/assignee",
        Map.of("userId", TestStaff.WORKER)).status()).as("the IRO's task never goes to a social worker").isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(iroTask).singleResult().getAssignee()).isEqualTo(iroBefore);
    Reply worker = Api.as(port, TestStaff.WORKER).post("/engine-rest/task/" + iroTask + "/complete", variables(view(FourPartyView.IRO)));
    assertThat(worker.status()).as("a social worker cannot give the IRO's view").isIn(403, 404);
    assertNotScheduled(child);

    Reply status = Api.as(port, TestStaff.TEAM_MANAGER).get("/api/repeat-icpc-proposals/" + child.childRef);
    assertThat(status.json().path("views").path("iro").path("recorded").asBoolean()).isFalse();
    assertThat(status.json().path("views").path("legal").path("recorded").asBoolean()).isTrue();
    assertThat(status.json().path("fourPartyDiscussionComplete").asBoolean()).isFalse();
    assertThat(status.json().path("overrideUsed").asBoolean()).isFalse();

    taskService.setAssignee(iroTask, TestStaff.IRO);
    completeOverRest(TestStaff.IRO, iroTask, view(FourPartyView.IRO));
    assertThat(taskService.createTaskQuery().processInstanceId(child.proposal.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_RecordJointDecision");
    assertThat(child.variable(RepeatIcpcVariables.IRO_VIEW_BY.name())).isEqualTo(TestStaff.IRO);
    assertThat(child.variable(RepeatIcpcVariables.OVERRIDE_USED.name())).isEqualTo(false);
  }

  /** A team manager of the child's team who is also an IRO: in both groups, but one person. */
  static final String TEAM_MANAGER_AND_IRO = "tm.iro";

  @Test
  void overTheEngine_onePersonInTwoOfTheGroupsGivesOnlyOneOfTheFourViews() {
    inTwoGroups();
    RepeatIcpcDriver child = inTheDiscussionWithTheIroTaskOpenToAllIros();
    child.view(FourPartyView.TEAM_MANAGER, TEAM_MANAGER_AND_IRO, "ICPC");
    String iroTask = child.task("Task_IroView").getId();
    taskService.setAssignee(iroTask, TEAM_MANAGER_AND_IRO);
    assertThatThrownBy(() -> taskService.complete(iroTask, view(FourPartyView.IRO)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("You have already given the team manager's view")
        .hasMessageContaining("the IRO's view must come from someone else");
    assertThat(child.variable(RepeatIcpcVariables.IRO_VIEW_BY.name())).isNull();
    assertThat(taskService.createTaskQuery().taskId(iroTask).count()).as("the IRO's view stays open").isEqualTo(1);

    child.seniorManagerView().legalView();
    assertThat(child.passes("Task_RecordJointDecision")).as("three views and one refused are not four").isZero();
    child.view(FourPartyView.IRO, TestStaff.IRO, "ICPC");
    assertThat(child.variable(RepeatIcpcVariables.TEAM_MANAGER_VIEW_BY.name())).isEqualTo(TEAM_MANAGER_AND_IRO);
    assertThat(child.variable(RepeatIcpcVariables.IRO_VIEW_BY.name())).isEqualTo(TestStaff.IRO);
    assertThat(taskService.createTaskQuery().processInstanceId(child.proposal.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_RecordJointDecision");
  }

  @Test
  void throughEngineRest_onePersonInTwoOfTheGroupsGivesOnlyOneOfTheFourViews_theOtherOrderToo() {
    inTwoGroups();
    RepeatIcpcDriver child = inTheDiscussionWithTheIroTaskOpenToAllIros();
    completeOverRest(TEAM_MANAGER_AND_IRO, child.task("Task_IroView").getId(), view(FourPartyView.IRO));
    String teamManagerTask = child.task("Task_TeamManagerView").getId();
    Api api = Api.as(port, TEAM_MANAGER_AND_IRO);
    assertThat(api.post("/engine-rest/task/" + teamManagerTask + "/claim", Map.of("userId", TEAM_MANAGER_AND_IRO)).status()).isEqualTo(204);
    Reply second = api.post("/engine-rest/task/" + teamManagerTask + "/complete", variables(view(FourPartyView.TEAM_MANAGER)));
    assertThat(second.status()).as(second.body()).isEqualTo(400);
    assertThat(second.json().path("message").asText())
        .contains("You have already given the IRO's view in this discussion, and one person gives only one of the four views");
    assertThat(child.variable(RepeatIcpcVariables.TEAM_MANAGER_VIEW_BY.name())).isNull();
    assertThat(child.variable(RepeatIcpcVariables.IRO_VIEW_BY.name())).isEqualTo(TEAM_MANAGER_AND_IRO);
    assertThat(taskService.createTaskQuery().taskId(teamManagerTask).count()).isEqualTo(1);
  }

  private void inTwoGroups() {
    if (identityService.createUserQuery().userId(TEAM_MANAGER_AND_IRO).count() == 0) {
      User user = identityService.newUser(TEAM_MANAGER_AND_IRO);
      user.setFirstName("Staff");
      user.setLastName("Manager and reviewing officer");
      user.setPassword(TestStaff.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(TEAM_MANAGER_AND_IRO, Role.TEAM_MANAGERS.groupId());
      identityService.createMembership(TEAM_MANAGER_AND_IRO, Role.IROS.groupId());
      identityService.createMembership(TEAM_MANAGER_AND_IRO, TestStaff.TEAM);
    }
  }

  /** The last plan's IRO is no longer an IRO, so the IRO's view is open to every IRO, as is the team manager's to the team. */
  private RepeatIcpcDriver inTheDiscussionWithTheIroTaskOpenToAllIros() {
    return new RepeatIcpcDriver(engine, planHistory).hadPlan("2024-01-08", "2025-01-10", "NEG", "iro.retired").proposed().summariseHistory();
  }

  @Test
  void throughTasklist_threeViewsDoNotReachScheduleTheIcpc_andTheFourthMustComeFromAnIro() throws Exception {
    RepeatIcpcDriver child = inTheDiscussion();
    for (FourPartyView view : new FourPartyView[] {FourPartyView.TEAM_MANAGER, FourPartyView.SENIOR_MANAGER, FourPartyView.LEGAL}) {
      String user = switch (view) {
        case TEAM_MANAGER -> TestStaff.TEAM_MANAGER;
        case SENIOR_MANAGER -> TestStaff.SENIOR_MANAGER;
        default -> TestStaff.LEGAL;
      };
      Tasklist tasklist = Tasklist.login(port, user, TestStaff.PASSWORD);
      String task = child.task(view.taskKey()).getId();
      assertThat(tasklist.post("/task/" + task + "/claim", Map.of("userId", user))).as(user + " claims: " + tasklist.lastBody).isEqualTo(204);
      assertThat(tasklist.post("/task/" + task + "/submit-form", variables(view(view)))).as(user + " submits: " + tasklist.lastBody)
          .isEqualTo(204);
    }
    assertNotScheduled(child);

    String iroTask = child.task("Task_IroView").getId();
    Tasklist admin = Tasklist.login(port, ADMIN, ADMIN_PASSWORD);
    assertThat(admin.post("/task/" + iroTask + "/submit-form", variables(view(FourPartyView.IRO))))
        .as("an administrator's Tasklist cannot give the IRO's view: not the task's role").isEqualTo(403);
    assertThat(admin.lastBody).contains("independent reviewing officers");
    assertNotScheduled(child);

    Tasklist iro = Tasklist.login(port, TestStaff.IRO, TestStaff.PASSWORD);
    assertThat(iro.post("/task/" + iroTask + "/submit-form", variables(view(FourPartyView.IRO)))).as(iro.lastBody).isEqualTo(204);
    assertThat(taskService.createTaskQuery().processInstanceId(child.proposal.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_RecordJointDecision");
  }

  private RepeatIcpcDriver inTheDiscussion() {
    return new RepeatIcpcDriver(engine, planHistory).hadAPlanLastYear().proposed().summariseHistory();
  }

  private void assertNotScheduled(RepeatIcpcDriver child) {
    assertThat(taskService.createTaskQuery().processInstanceId(child.proposal.getId()).list())
        .extracting(task -> task.getTaskDefinitionKey())
        .containsExactly("Task_IroView");
    for (String beyondTheGate : new String[] {"Gateway_FourPartyDiscussionComplete", "Task_RecordJointDecision", "Task_ScheduleIcpc"}) {
      assertThat(child.passes(beyondTheGate)).as(beyondTheGate).isZero();
    }
  }

  private void completeOverRest(String user, String taskId, Map<String, Object> answers) {
    Api api = Api.as(port, user);
    Reply claimed = api.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    assertThat(claimed.status()).as("claim by " + user + ": " + claimed.body()).isIn(204);
    Reply completed = api.post("/engine-rest/task/" + taskId + "/complete", variables(answers));
    assertThat(completed.status()).as("completion by " + user + ": " + completed.body()).isEqualTo(204);
  }

  private static Map<String, Object> view(FourPartyView view) {
    return new LinkedHashMap<>(RepeatIcpcDriver.viewAnswers(view, "ICPC"));
  }

  /** Camunda REST's variable format: {"name": {"value": ...}}. */
  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  /** Tasklist as the browser uses it: a session login, then the webapp's engine API with the CSRF token. */
  static final class Tasklist {
    private final WebappSession session;
    String lastBody;

    private Tasklist(WebappSession session) {
      this.session = session;
    }

    static Tasklist login(int port, String user, String password) throws IOException, InterruptedException {
      WebappSession session = new WebappSession(port);
      assertThat(session.logIn("tasklist", user, password)).as("Tasklist login of " + user).isEqualTo(200);
      // The login starts a new session with a new CSRF token, which Tasklist fetches with its next request.
      session.get("/camunda/api/engine/engine/");
      return new Tasklist(session);
    }

    int post(String engineApiPath, Object body) throws IOException, InterruptedException {
      HttpResponse<String> response = session.post("/camunda/api/engine/engine/default" + engineApiPath, JSON.writeValueAsString(body));
      lastBody = response.body();
      return response.statusCode();
    }
  }
}
