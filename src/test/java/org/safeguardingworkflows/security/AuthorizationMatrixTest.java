package org.safeguardingworkflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The authorization matrix, tried over real HTTP as each role: the domain API, the engine REST API and the
 * webapps. Each row is tried both ways: what the role may do, and what it may not.
 */
@ApplicationTest
class AuthorizationMatrixTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired TaskFilters taskFilters;
  String childRef;

  @BeforeEach
  void aJourneyAllocatedToTheFirstWorker() {
    childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> plan = StepDownDriver.startVariables(childRef, "CHILD_IN_NEED");
    assertThat(as(TestStaff.WORKER).post("/api/step-downs", plan).status()).isEqualTo(201);
  }

  @Test
  void practitionersSeeTheJourneysTheyWorkOn_managersAndProcessOwnersReadAll() {
    assertThat(as(TestStaff.WORKER).get("/api/step-downs/" + childRef).status()).isEqualTo(200);
    assertThat(as(TestStaff.IRO).get("/api/step-downs/" + childRef).status()).as("no task of theirs on it").isEqualTo(404);
    assertThat(as(TestStaff.LEGAL).get("/api/step-downs/" + childRef).status()).isEqualTo(404);
    assertThat(as(TestStaff.TEAM_MANAGER).get("/api/step-downs/" + childRef).status()).isEqualTo(200);
    assertThat(as(TestStaff.SENIOR_MANAGER).get("/api/step-downs/" + childRef).status()).isEqualTo(200);
    assertThat(as(TestStaff.PROCESS_OWNER).get("/api/step-downs/" + childRef).status()).isEqualTo(200);
  }

  @Test
  void socialWorkersReachInstancesOnlyThroughTheirTasks() {
    assertThat(as(TestStaff.WORKER).get("/engine-rest/process-instance?businessKey=" + childRef).json()).isEmpty();
    assertThat(as(TestStaff.WORKER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json()).hasSize(1);
    assertThat(as(TestStaff.SECOND_WORKER).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json())
        .as("their group's task").hasSize(1);
    assertThat(as(TestStaff.IRO).get("/engine-rest/task?processInstanceBusinessKey=" + childRef).json())
        .as("another group's task").isEmpty();
    assertThat(as(TestStaff.TEAM_MANAGER).get("/engine-rest/process-instance?businessKey=" + childRef).json()).hasSize(1);
    assertThat(as(TestStaff.LEGAL).get("/engine-rest/process-instance?businessKey=" + childRef).json()).isEmpty();
  }

  @Test
  void aLegalUserCannotCompleteATeamManagersTask() {
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(childRef).singleResult().getId();
    Reply refused = as(TestStaff.LEGAL).post("/engine-rest/task/" + taskId + "/complete", Map.of());
    assertThat(refused.status()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
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
  void aWebappSessionSeesWhatItsRoleSeesThroughTheWebappApi() throws Exception {
    WebappSession manager = new WebappSession(port);
    assertThat(manager.logIn("cockpit", TestStaff.TEAM_MANAGER, TestStaff.PASSWORD)).isEqualTo(200);
    assertThat(manager.get("/camunda/api/engine/engine/default/process-instance?businessKey=" + childRef).body()).contains(childRef);

    WebappSession worker = new WebappSession(port);
    assertThat(worker.logIn("tasklist", TestStaff.WORKER, TestStaff.PASSWORD)).isEqualTo(200);
    assertThat(worker.get("/camunda/api/engine/engine/default/process-instance?businessKey=" + childRef).body()).isEqualTo("[]");
  }

  @Test
  void eachRoleOpensTasklistOnItsOwnFilters() {
    taskFilters.ensureMyTasks(TestStaff.WORKER);
    assertThat(as(TestStaff.WORKER).get("/engine-rest/filter").body())
        .contains("My tasks").contains("My team's tasks").doesNotContain("Overdue").doesNotContain("Awaiting my view");
    assertThat(as(TestStaff.SENIOR_MANAGER).get("/engine-rest/filter").body()).contains("Overdue").contains("Awaiting my view - repeat ICPC");
    assertThat(as(TestStaff.PROCESS_OWNER).get("/engine-rest/filter").json()).isEmpty();
    assertThat(as(TestStaff.WORKER).post("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Mine\",\"query\":{}}").status()).as("only administrators create filters").isEqualTo(403);
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

  private Api as(String user) {
    return Api.as(port, user);
  }
}
