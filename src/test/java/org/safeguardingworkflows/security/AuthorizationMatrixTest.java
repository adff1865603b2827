package org.safeguardingworkflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.teams.ChildAccess;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The authorization matrix, tried over real HTTP as each role and team: the domain API, the engine REST API and the
 * webapps. Each row is tried both ways: what the role may do, and what it may not. The journey belongs to the first
 * team ({@link TestStaff#WORKER}, {@link TestStaff#TEAM_MANAGER}); the second team's people are the outsiders. Every
 * refused attack checks that nothing changed.
 */
@ApplicationTest
class AuthorizationMatrixTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired TaskFilters taskFilters;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired ChildAccess childAccess;
  String childRef;
  long eventSubscriptionsAtStart;

  @BeforeEach
  void aJourneyAllocatedToTheFirstWorker() {
    childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> plan = StepDownDriver.startVariables(childRef, "CHILD_IN_NEED");
    assertThat(as(TestStaff.WORKER).post("/api/step-downs", plan).status()).isEqualTo(201);
    eventSubscriptionsAtStart = runtimeService.createEventSubscriptionQuery().processInstanceId(journeyId()).count();
  }

  @Test
  void theChildsTeamSeesTheJourney_otherTeamsDoNot_seniorManagersAndProcessOwnersReadAll() {
    assertThat(as(TestStaff.WORKER).get("/api/step-downs/" + childRef).status()).isEqualTo(200);
    assertThat(as(TestStaff.TEAM_MANAGER).get("/api/step-downs/" + childRef).status()).isEqualTo(200);
    assertThat(as(TestStaff.SECOND_WORKER).get("/api/step-downs/" + childRef).status()).as("another team's worker").isEqualTo(404);
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/api/step-downs/" + childRef).status()).as("another team's manager").isEqualTo(404);
    assertThat(as(TestStaff.IRO).get("/api/step-downs/" + childRef).status()).as("no task of theirs on it").isEqualTo(404);
    assertThat(as(TestStaff.LEGAL).get("/api/step-downs/" + childRef).status()).isEqualTo(404);
    assertThat(as(TestStaff.SENIOR_MANAGER).get("/api/step-downs/" + childRef).status()).isEqualTo(200);
    assertThat(as(TestStaff.PROCESS_OWNER).get("/api/step-downs/" + childRef).status()).isEqualTo(200);
  }

  @Test
  void theEngineRestApiShowsTheChildsTasksAndJourneyToItsTeamOnly() {
    assertThat(as(TestStaff.WORKER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json()).hasSize(1);
    assertThat(as(TestStaff.TEAM_MANAGER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json()).hasSize(1);
    assertThat(as(TestStaff.SECOND_WORKER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json())
        .as("same role, other team").isEmpty();
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json()).isEmpty();
    assertThat(as(TestStaff.IRO).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json())
        .as("another role's task").isEmpty();

    assertThat(as(TestStaff.TEAM_MANAGER).get("/engine-rest/process-instance?businessKey=" + childRef).json()).hasSize(1);
    assertThat(as(TestStaff.WORKER).get("/engine-rest/process-instance?businessKey=" + childRef).json()).hasSize(1);
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/engine-rest/process-instance?businessKey=" + childRef).json()).isEmpty();
    assertThat(as(TestStaff.SECOND_WORKER).get("/engine-rest/process-instance?businessKey=" + childRef).json()).isEmpty();
    assertThat(as(TestStaff.LEGAL).get("/engine-rest/process-instance?businessKey=" + childRef).json()).isEmpty();
    assertThat(as(TestStaff.SENIOR_MANAGER).get("/engine-rest/process-instance?businessKey=" + childRef).json()).hasSize(1);

    assertThat(as(TestStaff.TEAM_MANAGER).get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + childRef).json())
        .hasSize(1);
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + childRef)
        .json()).as("team managers no longer read every journey's history").isEmpty();
    String instanceId = journeyId();
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/engine-rest/process-instance/" + instanceId + "/variables").status())
        .isIn(403, 404);
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/engine-rest/variable-instance?processInstanceIdIn=" + instanceId).json())
        .isEmpty();
  }

  @Test
  void aLegalUserCannotCompleteATeamManagersTask() {
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(childRef).singleResult().getId();
    Reply refused = as(TestStaff.LEGAL).post("/engine-rest/task/" + taskId + "/complete", Map.of());
    assertThat(refused.status()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void aWorkerOfAnotherTeamCanNeitherReadNorChangeTheChild() {
    Task meeting = meetingTask();
    Map<String, Object> before = runtimeService.getVariables(journeyId());
    Api otherWorker = as(TestStaff.SECOND_WORKER);

    assertThat(otherWorker.get("/api/step-downs/" + childRef).status()).isEqualTo(404);
    assertThat(otherWorker.post("/api/step-downs/" + childRef + "/concerns",
        Map.of("kind", "DISENGAGEMENT", "summary", "Missed two visits")).status()).isEqualTo(404);
    assertThat(otherWorker.post("/api/step-downs/" + childRef + "/worker-changes",
        Map.of("newWorker", TestStaff.SECOND_WORKER)).status()).isEqualTo(404);
    assertThat(otherWorker.get("/engine-rest/task/" + meeting.getId()).status()).isIn(403, 404);
    assertThat(otherWorker.get("/engine-rest/task/" + meeting.getId() + "/variables").status()).isIn(403, 404);
    assertThat(otherWorker.post("/engine-rest/task/" + meeting.getId() + "/complete", Map.of()).status()).isIn(403, 404);
    assertThat(otherWorker.post("/engine-rest/task/" + meeting.getId() + "/claim", Map.of("userId", TestStaff.SECOND_WORKER)).status())
        .isIn(403, 404);
    assertThat(otherWorker.post("/engine-rest/task/" + meeting.getId() + "/assignee", Map.of("userId", TestStaff.SECOND_WORKER)).status())
        .isIn(403, 404);

    assertNothingChanged(meeting, TestStaff.WORKER, before);
    assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(journeyId()).count())
        .as("no handover or contingency review was raised").isEqualTo(eventSubscriptionsAtStart);
  }

  @Test
  void theChildsWorkerWorksTheTask_butGivesItToNobodyElse() {
    Task meeting = meetingTask();
    Api worker = as(TestStaff.WORKER);
    assertThat(worker.get("/engine-rest/task/" + meeting.getId() + "/form-variables").status()).isEqualTo(200);
    int linksBefore = taskService.getIdentityLinksForTask(meeting.getId()).size();
    assertThat(worker.post("/engine-rest/task/" + meeting.getId() + "/identity-links",
        Map.of("userId", TestStaff.SECOND_WORKER, "type", "candidate")).status())
        .as("TASK_WORK, not UPDATE: no offering the task to others").isEqualTo(403);
    assertThat(taskService.getIdentityLinksForTask(meeting.getId())).hasSize(linksBefore);
    assertThat(worker.post("/engine-rest/task/" + meeting.getId() + "/assignee", Map.of("userId", TestStaff.TEAM_MANAGER)).status())
        .as("TASK_WORK, not UPDATE: no reassigning").isEqualTo(403);
    assertThat(assignee(meeting)).isEqualTo(TestStaff.WORKER);

    assertThat(worker.post("/engine-rest/task/" + meeting.getId() + "/unclaim", Map.of()).status())
        .as("unclaiming is a reassignment too").isEqualTo(403);
    assertThat(as(TestStaff.TEAM_MANAGER).post("/engine-rest/task/" + meeting.getId() + "/unclaim", Map.of()).status()).isEqualTo(204);
    Map<String, Object> before = runtimeService.getVariables(journeyId());
    assertThat(worker.post("/engine-rest/task/" + meeting.getId() + "/claim", Map.of("userId", TestStaff.TEAM_MANAGER)).status())
        .as("claiming for somebody else is giving it away").isEqualTo(403);
    assertNothingChanged(meeting, null, before);
    assertThat(worker.post("/engine-rest/task/" + meeting.getId() + "/claim", Map.of("userId", TestStaff.WORKER)).status()).isEqualTo(204);
    assertThat(assignee(meeting)).isEqualTo(TestStaff.WORKER);
  }

  @Test
  void onlyTheTeamsManagerReassigns_andOnlyToAHolderOfTheTasksRoleInTheTeam() {
    Task meeting = meetingTask();
    Map<String, Object> before = runtimeService.getVariables(journeyId());
    String assign = "/engine-rest/task/" + meeting.getId() + "/assignee";

    assertThat(as(TestStaff.TEAM_MANAGER).post(assign, Map.of("userId", TestStaff.COORDINATOR)).status())
        .as("a coordinator does not hold the social workers' task").isEqualTo(403);
    assertThat(as(TestStaff.SENIOR_MANAGER).post(assign, Map.of("userId", TestStaff.COORDINATOR)).status())
        .as("not even a senior manager gives it to a coordinator").isEqualTo(403);
    assertThat(as(TestStaff.TEAM_MANAGER).post(assign, Map.of("userId", TestStaff.SECOND_WORKER)).status())
        .as("a worker of another team does not take this child's task").isEqualTo(403);
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).post(assign, Map.of("userId", TestStaff.SECOND_WORKER)).status())
        .as("another team's manager reassigns none of this team's tasks").isEqualTo(403);
    assertNothingChanged(meeting, TestStaff.WORKER, before);

    assertThat(as(TestStaff.TEAM_MANAGER).post(assign, Map.of()).status()).isEqualTo(204);
    assertThat(as(TestStaff.TEAM_MANAGER).post(assign, Map.of("userId", TestStaff.WORKER)).status()).isEqualTo(204);
    assertThat(assignee(meeting)).isEqualTo(TestStaff.WORKER);
  }

  @Test
  void aTaskIsCompletedOnlyByItsAssigneeOrItsRole() {
    Task meeting = meetingTask();
    Map<String, Object> before = runtimeService.getVariables(journeyId());
    Reply byManager = as(TestStaff.TEAM_MANAGER).post("/engine-rest/task/" + meeting.getId() + "/complete", Map.of());
    assertThat(byManager.status()).as("the team manager sees the worker's task but does not hold its role").isEqualTo(403);
    assertThat(byManager.body()).contains("Only the person it is assigned to, or one of the social workers it is for");
    assertNothingChanged(meeting, TestStaff.WORKER, before);
  }

  @Test
  void nobodyStartsAJourneyForAnotherTeamsChild() {
    String otherChild = "C-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> plan = StepDownDriver.startVariables(otherChild, "CHILD_IN_NEED");
    assertThat(as(TestStaff.SECOND_WORKER).post("/api/step-downs", plan).status()).isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(otherChild).count()).isZero();
  }

  @Test
  void aWorkerChangeToAnotherTeamMovesTheChildAndItsTasksToThatTeam() {
    Reply moved = as(TestStaff.TEAM_MANAGER).post("/api/step-downs/" + childRef + "/worker-changes",
        Map.of("newWorker", TestStaff.SECOND_WORKER));
    assertThat(moved.status()).isEqualTo(202);

    assertThat(runtimeService.getVariable(journeyId(), Teams.TEAM.name())).isEqualTo(TestStaff.SECOND_TEAM);
    assertThat(as(TestStaff.SECOND_WORKER).get("/api/step-downs/" + childRef).status()).isEqualTo(200);
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/api/step-downs/" + childRef).status()).isEqualTo(200);
    assertThat(as(TestStaff.SECOND_WORKER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json())
        .as("the meeting and the handover review").hasSize(2);
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json()).hasSize(2);
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/engine-rest/process-instance?businessKey=" + childRef).json()).hasSize(1);

    assertThat(as(TestStaff.WORKER).get("/api/step-downs/" + childRef).status()).isEqualTo(404);
    assertThat(as(TestStaff.TEAM_MANAGER).get("/api/step-downs/" + childRef).status()).isEqualTo(404);
    assertThat(as(TestStaff.WORKER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json())
        .as("not even the task that used to be theirs").isEmpty();
    assertThat(as(TestStaff.TEAM_MANAGER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json()).isEmpty();
    assertThat(as(TestStaff.TEAM_MANAGER).get("/engine-rest/process-instance?businessKey=" + childRef).json()).isEmpty();
    Task meeting = meetingTask();
    assertThat(as(TestStaff.WORKER).post("/engine-rest/task/" + meeting.getId() + "/complete", Map.of()).status()).isIn(403, 404);
    assertThat(assignee(meeting)).isEqualTo(TestStaff.SECOND_WORKER);
  }

  @Test
  void aRewrittenTeamVariableMovesNothing() {
    // Completion variables are not limited to a task's form, so the "team" variable is no authority: the journey's
    // grant is. Written here directly, as a completion with an extra variable would.
    runtimeService.setVariable(journeyId(), Teams.TEAM.name(), TestStaff.SECOND_TEAM);
    assertThat(as(TestStaff.TEAM_MANAGER).post("/api/step-downs/" + childRef + "/concerns",
        Map.of("kind", "DISENGAGEMENT", "summary", "Missed two visits")).status()).isEqualTo(202);

    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/api/step-downs/" + childRef).status()).isEqualTo(404);
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json())
        .as("the contingency review raised after the rewrite still goes to the child's team").isEmpty();
    assertThat(as(TestStaff.TEAM_MANAGER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json()).hasSize(2);
  }

  @Test
  void legalPlanningAnswersOnlyThoseWhoMaySeeTheChild() {
    Map<String, Object> request = new HashMap<>();
    request.put("childRef", childRef);
    request.put("reason", "Neglect has re-emerged");
    request.put("recommendedBy", TestStaff.TEAM_MANAGER);
    request.put("allocatedWorker", TestStaff.WORKER);
    assertThat(as(TestStaff.TEAM_MANAGER).post("/api/legal-planning-requests", request).status()).isEqualTo(201);

    String legalPlanning = "/api/legal-planning-requests/" + childRef;
    assertThat(as(TestStaff.WORKER).get(legalPlanning).status()).isEqualTo(200);
    assertThat(as(TestStaff.TEAM_MANAGER).get(legalPlanning).status()).isEqualTo(200);
    assertThat(as(TestStaff.SENIOR_MANAGER).get(legalPlanning).status()).isEqualTo(200);
    assertThat(as(TestStaff.SECOND_WORKER).get(legalPlanning).status()).isEqualTo(404);
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get(legalPlanning).status()).isEqualTo(404);
    assertThat(as(TestStaff.COORDINATOR).get(legalPlanning).status()).as("no task of theirs on it").isEqualTo(404);
    assertThat(Api.anonymous(port).get(legalPlanning).status()).isEqualTo(401);
  }

  @Test
  void withoutACallerNoChildIsVisible() {
    identityService.clearAuthentication();
    assertThat(childAccess.callerMaySee(journeyId())).as("fails closed").isFalse();
  }

  @Test
  void onlyProcessOwnersAndAdministratorsChangeDiagrams() {
    assertThat(as(TestStaff.PROCESS_OWNER).get("/engine-rest/deployment").json()).isNotEmpty();
    assertThat(as(TestStaff.TEAM_MANAGER).get("/engine-rest/deployment").json()).isEmpty();
    assertThat(as(TestStaff.WORKER).get("/engine-rest/deployment").json()).isEmpty();
    String definitionId = as(TestStaff.PROCESS_OWNER).get("/engine-rest/process-definition/key/stepDownFromProtection").json()
        .path("id").asText();
    assertThat(as(TestStaff.TEAM_MANAGER).put("/engine-rest/process-definition/" + definitionId + "/suspended",
        "{\"suspended\":false}").status()).isEqualTo(403);
    assertThat(as(TestStaff.PROCESS_OWNER).put("/engine-rest/process-definition/" + definitionId + "/suspended",
        "{\"suspended\":false}").status()).isEqualTo(204);
  }

  @Test
  void cockpitIsForManagersAndProcessOwners_tasklistForEveryone() throws Exception {
    assertThat(new WebappSession(port).logIn("cockpit", TestStaff.WORKER, TestStaff.PASSWORD)).isIn(401, 403);
    assertThat(new WebappSession(port).logIn("cockpit", TestStaff.LEGAL, TestStaff.PASSWORD)).isIn(401, 403);
    assertThat(new WebappSession(port).logIn("cockpit", TestStaff.TEAM_MANAGER, TestStaff.PASSWORD)).isEqualTo(200);
    assertThat(new WebappSession(port).logIn("cockpit", TestStaff.PROCESS_OWNER, TestStaff.PASSWORD)).isEqualTo(200);
    assertThat(new WebappSession(port).logIn("tasklist", TestStaff.WORKER, TestStaff.PASSWORD)).isEqualTo(200);
    assertThat(new WebappSession(port).logIn("admin", TestStaff.TEAM_MANAGER, TestStaff.PASSWORD)).isIn(401, 403);
  }

  @Test
  void aWebappSessionSeesWhatItsTeamSeesThroughTheWebappApi() throws Exception {
    WebappSession manager = new WebappSession(port);
    assertThat(manager.logIn("cockpit", TestStaff.TEAM_MANAGER, TestStaff.PASSWORD)).isEqualTo(200);
    assertThat(manager.get("/camunda/api/engine/engine/default/process-instance?businessKey=" + childRef).body()).contains(childRef);
    assertThat(manager.get("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + childRef).body()).contains(childRef);

    WebappSession otherManager = new WebappSession(port);
    assertThat(otherManager.logIn("cockpit", TestStaff.SECOND_TEAM_MANAGER, TestStaff.PASSWORD)).isEqualTo(200);
    assertThat(otherManager.get("/camunda/api/engine/engine/default/process-instance?businessKey=" + childRef).body()).isEqualTo("[]");
    assertThat(otherManager.get("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + childRef).body()).isEqualTo("[]");

    WebappSession otherWorker = new WebappSession(port);
    assertThat(otherWorker.logIn("tasklist", TestStaff.SECOND_WORKER, TestStaff.PASSWORD)).isEqualTo(200);
    assertThat(otherWorker.get("/camunda/api/engine/engine/default/process-instance?businessKey=" + childRef).body()).isEqualTo("[]");
    assertThat(otherWorker.get("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + childRef).body()).isEqualTo("[]");
  }

  @Test
  void eachRoleOpensTasklistOnItsOwnFilters() {
    taskFilters.ensureMyTasks(TestStaff.WORKER);
    assertThat(as(TestStaff.WORKER).get("/engine-rest/filter").body())
        .contains("My tasks").contains("My team's tasks - Team one").doesNotContain("Team two")
        .doesNotContain("Overdue").doesNotContain("Awaiting my view");
    assertThat(as(TestStaff.SECOND_TEAM_MANAGER).get("/engine-rest/filter").body())
        .contains("My team's tasks - Team two").doesNotContain("Team one");
    String teamOne = taskFilters.filterDefinedBy("team:" + TestStaff.TEAM).getId();
    String teamTwo = taskFilters.filterDefinedBy("team:" + TestStaff.SECOND_TEAM).getId();
    String thisChild = "{\"processInstanceBusinessKey\":\"" + childRef + "\"}";
    assertThat(as(TestStaff.WORKER).post("/engine-rest/filter/" + teamOne + "/count", thisChild).json().path("count").asLong())
        .as("the team's filter lists the child's task").isEqualTo(1);
    assertThat(as(TestStaff.TEAM_MANAGER).post("/engine-rest/filter/" + teamOne + "/count", thisChild).json().path("count").asLong())
        .isEqualTo(1);
    assertThat(as(TestStaff.SECOND_WORKER).post("/engine-rest/filter/" + teamOne + "/count", thisChild).status())
        .as("another team's filter is not theirs to open").isIn(403, 404);
    assertThat(as(TestStaff.SECOND_WORKER).post("/engine-rest/filter/" + teamTwo + "/count", thisChild).json().path("count").asLong())
        .isZero();
    assertThat(as(TestStaff.SENIOR_MANAGER).get("/engine-rest/filter").body()).contains("Overdue").contains("Awaiting my view - repeat ICPC")
        .contains("Senior managers' tasks");
    assertThat(as(TestStaff.PROCESS_OWNER).get("/engine-rest/filter").json()).isEmpty();
    assertThat(as(TestStaff.WORKER).post("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Mine\",\"query\":{}}").status()).as("only administrators create filters").isEqualTo(403);
  }

  @Test
  void anAnswerThatIsNotOneOfTheFormsAnswersIsRefusedWith400_andTheTaskStaysOpen() {
    taskService.complete(meetingTask().getId(), StepDownDriver.stepDownMeeting());
    Task approval = taskService.createTaskQuery().processInstanceBusinessKey(childRef)
        .taskDefinitionKey("Task_ApproveStepDownPlan").singleResult();
    // As Tasklist submits a form: before, a decision no flow leaves for answered 500.
    Reply reply = as(TestStaff.TEAM_MANAGER).post("/engine-rest/task/" + approval.getId() + "/submit-form",
        Map.of("variables", Map.of("stepDownDecision", Map.of("value", "NOT-A-DECISION"),
            "stepDownDecisionReasons", Map.of("value", "Considered in supervision"))));
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).contains("must be one of the answers listed");
    assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).as("the approval is still open").isOne();
  }

  @Test
  void actuatorEndpointsOtherThanHealthAreForAdministrators() {
    assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    assertThat(Api.anonymous(port).get("/actuator/info").status()).isEqualTo(401);
    assertThat(as(TestStaff.TEAM_MANAGER).get("/actuator/metrics").status()).isEqualTo(401);
    assertThat(Api.as(port, "ci.admin", "Ci-admin-pass-1").get("/actuator/metrics").status()).isEqualTo(200);
  }

  @Test
  void apiResponsesCarrySecurityHeadersAndAreNeverCached() {
    Reply reply = as(TestStaff.TEAM_MANAGER).get("/api/step-downs/" + childRef);
    assertThat(reply.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(reply.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(reply.headers().getFirst("Cache-Control")).isEqualTo("no-store");
    assertThat(reply.headers().getFirst("Strict-Transport-Security")).startsWith("max-age=");
  }

  private String journeyId() {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef)
        .processDefinitionKey("stepDownFromProtection").singleResult().getId();
  }

  private Task meetingTask() {
    return taskService.createTaskQuery().processInstanceBusinessKey(childRef).taskDefinitionKey("Task_HoldStepDownMeeting").singleResult();
  }

  private String assignee(Task task) {
    return taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
  }

  /** A refused attack left the task open with the same assignee, and the journey's variables as they were. */
  private void assertNothingChanged(Task task, String assignee, Map<String, Object> variablesBefore) {
    Task now = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(now).as("task still open").isNotNull();
    assertThat(now.getAssignee()).isEqualTo(assignee);
    assertThat(runtimeService.getVariables(journeyId())).isEqualTo(variablesBefore);
  }

  private Api as(String user) {
    return Api.as(port, user);
  }
}
