package org.safeguardingworkflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The issue "Trust", findings 1, 2, 5, 7, 8, 10 and 11: each attack as the review sent it, over real HTTP, through
 * every door it named (engine REST, the webapps' API with a session login, stored filters). Each must be refused, and
 * each test then shows that nothing changed, and that the honest version of the same request still works (so the
 * refusal is the gate's, not an accident).
 */
@ApplicationTest
class EngineTrustTest {

  static final String ADMIN = "ci.admin";
  static final String ADMIN_PASSWORD = "Ci-admin-pass-1";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired StoredFilterExpressions storedFilterExpressions;

  String childRef;

  @BeforeEach
  void aStepDownJourneyOfTheFirstWorker() {
    childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(as(TestStaff.WORKER).post("/api/step-downs", StepDownDriver.startVariables(childRef, "CHILD_IN_NEED")).status())
        .isEqualTo(201);
  }

  // Finding 1: expressions through orQueries

  @Test
  void anExpressionInOrQueriesIsRefusedThroughEveryDoor_andNeverEvaluated() throws Exception {
    String probe = "probe-" + UUID.randomUUID().toString().substring(0, 8);
    // Evaluated, it would create a user and then ask for the tasks of "nobody" (a void call yields null).
    String expression = "${identityService.saveUser(identityService.newUser(\\\"" + probe + "\\\")) == null ? \\\"nobody\\\" : \\\"nobody\\\"}";
    String orQuery = "{\"orQueries\":[{\"assigneeExpression\":\"" + expression + "\"}]}";

    assertRefusedAsExpression(as(TestStaff.WORKER).post("/engine-rest/task", orQuery), "orQueries[0].assigneeExpression");
    assertRefusedAsExpression(as(TestStaff.COORDINATOR).post("/engine-rest/task/count", orQuery), "orQueries[0].assigneeExpression");
    assertRefusedAsExpression(admin().post("/engine-rest/task", orQuery), "orQueries[0].assigneeExpression");
    assertRefusedAsExpression(as(TestStaff.WORKER).get("/engine-rest/task?assigneeExpression=" + java.net.URLEncoder.encode(
        expression.replace("\\\"", "\""), java.nio.charset.StandardCharsets.UTF_8)), "assigneeExpression");

    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.logIn("tasklist", TestStaff.WORKER, TestStaff.PASSWORD)).isEqualTo(200);
    tasklist.get("/camunda/api/engine/engine/");
    var webapp = tasklist.post("/camunda/api/engine/engine/default/task", orQuery);
    assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(400);
    assertThat(webapp.body()).contains("no-expressions");
    assertThat(tasklist.post("/camunda/api/engine/engine/", "{}").statusCode())
        .as("a path the gate cannot place is never changed").isEqualTo(403);

    String teamFilter = filterIdNamed(TestStaff.WORKER, "My team's tasks");
    String teamFilterName = filterService.getFilter(teamFilter).getName();
    assertRefusedAsExpression(as(TestStaff.WORKER).post("/engine-rest/filter/" + teamFilter + "/list", orQuery),
        "orQueries[0].assigneeExpression");
    assertRefusedAsExpression(admin().put("/engine-rest/filter/" + teamFilter,
        "{\"resourceType\":\"Task\",\"name\":\"" + teamFilterName + "\",\"query\":" + orQuery + "}"), "query.orQueries[0].assigneeExpression");
    assertRefusedAsExpression(admin().post("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Probe\",\"query\":" + orQuery + "}"), "query.orQueries[0].assigneeExpression");
    assertThat(as(TestStaff.WORKER).put("/engine-rest/filter/" + teamFilter,
        "{\"resourceType\":\"Task\",\"name\":\"Mine now\",\"query\":{}}").status()).as("filters are changed by administrators only")
        .isEqualTo(403);

    assertThat(identityService.createUserQuery().userId(probe).count()).as("the expression never ran").isZero();
    Filter unchanged = filterService.getFilter(teamFilter);
    assertThat(unchanged.getName()).isEqualTo(teamFilterName);
    assertThat(as(TestStaff.WORKER).post("/engine-rest/task", "{\"orQueries\":[{\"assignee\":\"" + TestStaff.WORKER + "\"}]}").status())
        .as("the same query without an expression").isEqualTo(200);
  }

  @Test
  void aStoredFilterThatStillHoldsAnExpressionIsRemovedAtStartUp() {
    // Written with the Java API, as a filter stored before the gate existed would have been.
    Filter planted = filterService.saveFilter(filterService.newTaskFilter("Planted")
        .setQuery(taskService.createTaskQuery().or().taskAssigneeExpression("${\"nobody\"}").endOr()));
    Filter honest = filterService.saveFilter(filterService.newTaskFilter("Honest")
        .setQuery(taskService.createTaskQuery().or().taskAssignee("nobody").endOr()));
    try {
      storedFilterExpressions.removeFiltersWithExpressions();
      assertThat(filterService.getFilter(planted.getId())).isNull();
      assertThat(filterService.getFilter(honest.getId())).isNotNull();
    } finally {
      filterService.deleteFilter(honest.getId());
    }
  }

  // Finding 2: variable injection

  @Test
  void aCompletionSetsOnlyWhatItsFormAsksFor_throughEveryCompletionPath() throws Exception {
    Task meeting = openTask("Task_HoldStepDownMeeting");
    Map<String, Object> withInjection = formVariables(StepDownDriver.stepDownMeeting());
    withInjection.put(StepDownVariables.TEAM_MANAGER.name(), Map.of("value", TestStaff.WORKER));

    Reply completed = as(TestStaff.WORKER).post("/engine-rest/task/" + meeting.getId() + "/complete", Map.of("variables", withInjection));
    assertThat(completed.status()).as(completed.body()).isEqualTo(400);
    assertThat(completed.json().path("errors").get(0).path("field").asText()).isEqualTo("variables.teamManager");
    assertThat(completed.json().path("errors").get(0).path("rule").asText())
        .as("the form names the team manager in words, with no field for it").isEqualTo("not-on-form");
    Map<String, Object> otherChild = formVariables(StepDownDriver.stepDownMeeting());
    otherChild.put(StepDownVariables.CHILD_REF.name(), Map.of("value", "C-ANOTHER"));
    Reply readOnly = as(TestStaff.WORKER).post("/engine-rest/task/" + meeting.getId() + "/complete", Map.of("variables", otherChild));
    assertThat(readOnly.status()).as(readOnly.body()).isEqualTo(400);
    assertThat(readOnly.json().path("errors").get(0).path("field").asText()).isEqualTo("variables.childRef");
    assertThat(readOnly.json().path("errors").get(0).path("rule").asText()).as("the form shows the child reference, read-only")
        .isEqualTo("read-only");
    Map<String, Object> withReportFigure = formVariables(StepDownDriver.stepDownMeeting());
    withReportFigure.put("stepDownDecision", Map.of("value", "APPROVED"));
    Reply notOnForm = as(TestStaff.WORKER).post("/engine-rest/task/" + meeting.getId() + "/complete", Map.of("variables", withReportFigure));
    assertThat(notOnForm.status()).as(notOnForm.body()).isEqualTo(400);
    assertThat(notOnForm.json().path("errors").get(0).path("rule").asText()).isEqualTo("not-on-form");
    assertThat(as(TestStaff.WORKER).post("/engine-rest/task/" + meeting.getId() + "/submit-form", Map.of("variables", withInjection))
        .status()).isEqualTo(400);

    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.logIn("tasklist", TestStaff.WORKER, TestStaff.PASSWORD)).isEqualTo(200);
    tasklist.get("/camunda/api/engine/engine/");
    var inTasklist = tasklist.post("/camunda/api/engine/engine/default/task/" + meeting.getId() + "/submit-form",
        new ObjectMapper().writeValueAsString(Map.of("variables", withInjection)));
    assertThat(inTasklist.statusCode()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(inTasklist.body()).path("message").asText())
        .as("Tasklist shows the message, in words").contains("teamManager is not a field of this task's form").doesNotContain("Exception");

    Map<String, Object> setManager = Map.of("modifications", Map.of(StepDownVariables.TEAM_MANAGER.name(), Map.of("value", TestStaff.WORKER)));
    assertThat(as(TestStaff.WORKER).post("/engine-rest/task/" + meeting.getId() + "/variables", setManager).status()).isEqualTo(403);
    assertThat(as(TestStaff.WORKER).put("/engine-rest/task/" + meeting.getId() + "/variables/teamManager",
        Map.of("value", TestStaff.WORKER)).status()).isEqualTo(403);
    assertThat(as(TestStaff.TEAM_MANAGER).post("/engine-rest/process-instance/" + meeting.getProcessInstanceId() + "/variables",
        setManager).status()).isEqualTo(403);
    assertThat(as(TestStaff.WORKER).post("/engine-rest/message", Map.of("messageName", StepDownVariables.MESSAGE_CONCERN_REPORTED,
        "businessKey", childRef)).status()).as("concerns go through the domain API").isEqualTo(403);

    assertThat(taskService.createTaskQuery().taskId(meeting.getId()).count()).as("the meeting is still to be held").isOne();
    assertThat(runtimeService.getVariable(meeting.getProcessInstanceId(), StepDownVariables.TEAM_MANAGER.name())).isEqualTo(TestStaff.TEAM_MANAGER);

    Reply honest = as(TestStaff.WORKER).post("/engine-rest/task/" + meeting.getId() + "/complete",
        Map.of("variables", formVariables(StepDownDriver.stepDownMeeting())));
    assertThat(honest.status()).as(honest.body()).isEqualTo(204);
    assertThat(runtimeService.getVariable(meeting.getProcessInstanceId(), StepDownVariables.TEAM_MANAGER.name())).isEqualTo(TestStaff.TEAM_MANAGER);
  }

  // Finding 5: engine REST starts

  @Test
  void everyStartPathKeepsTheDomainRules() {
    String newChild = "C-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> start = formVariables(StepDownDriver.startVariables(newChild, "CHILD_IN_NEED"));
    String definition = "/engine-rest/process-definition/key/stepDownFromProtection";

    assertThat(as(TestStaff.WORKER).post(definition + "/start", Map.of("variables", start, "businessKey", newChild)).status())
        .as("starts go through a start form or the domain API").isEqualTo(403);
    Reply xss = as(TestStaff.WORKER).post(definition + "/submit-form",
        Map.of("variables", start, "businessKey", "<script>alert(1)</script>"));
    assertThat(xss.status()).as(xss.body()).isEqualTo(400);
    Reply anotherChildsKey = as(TestStaff.WORKER).post(definition + "/submit-form", Map.of("variables", start, "businessKey", childRef));
    assertThat(anotherChildsKey.status()).as(anotherChildsKey.body()).isEqualTo(400);
    Map<String, Object> withDecision = new LinkedHashMap<>(start);
    withDecision.put("stepDownDecision", Map.of("value", "APPROVED"));
    assertThat(as(TestStaff.WORKER).post(definition + "/submit-form", Map.of("variables", withDecision)).status()).isEqualTo(400);
    Map<String, Object> secondJourney = formVariables(StepDownDriver.startVariables(childRef, "CHILD_IN_NEED"));
    assertThat(as(TestStaff.WORKER).post(definition + "/submit-form", Map.of("variables", secondJourney)).status())
        .as("a second journey for the child").isEqualTo(400);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("<script>alert(1)</script>").count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).count()).isOne();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(newChild).count()).isZero();

    Reply honest = as(TestStaff.WORKER).post(definition + "/submit-form", Map.of("variables", start));
    assertThat(honest.status()).as(honest.body()).isEqualTo(200);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(newChild).count()).isOne();
  }

  // Finding 7: the Admin webapp's setup page

  @Test
  void theFirstUserSetupIsClosed_evenWhenNoOneIsADirectAdministrator() {
    String probe = "setup-" + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"profile\":{\"id\":\"" + probe + "\",\"firstName\":\"Set\",\"lastName\":\"Up\",\"email\":\"s@example.org\"},"
        + "\"credentials\":{\"password\":\"Probe-pass-2026!\"}}";
    identityService.deleteMembership(ADMIN, Role.ADMINS.groupId());
    try {
      Reply refused = Api.anonymous(port).post("/camunda/api/admin/setup/default/user/create", body);
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.headers().getContentType().toString()).startsWith("application/problem+json");
    } finally {
      identityService.createMembership(ADMIN, Role.ADMINS.groupId());
    }
    assertThat(identityService.createUserQuery().userId(probe).count()).isZero();
  }

  // Finding 8: lockout as denial of service

  @Test
  void wrongPasswordsSlowAnAttackerButNeverLockStaffOutForGood() {
    String user = "lock-" + UUID.randomUUID().toString().substring(0, 8);
    User probe = identityService.newUser(user);
    probe.setFirstName("Lock");
    probe.setLastName("Probe");
    probe.setPassword(TestStaff.PASSWORD);
    identityService.saveUser(probe);
    identityService.createMembership(user, Role.SOCIAL_WORKERS.groupId());
    try {
      // Twelve wrong passwords, each after the previous delay has passed (the engine's clock is moved, not waited for):
      // Camunda's default locks an account for good after ten.
      for (int attempt = 1; attempt <= 12; attempt++) {
        assertThat(Api.as(port, user, "Wrong-pass-" + attempt).get("/api/step-downs/" + childRef).status()).isEqualTo(401);
        Date lockedUntil = ((UserEntity) identityService.createUserQuery().userId(user).singleResult()).getLockExpirationTime();
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), lockedUntil.toInstant()))
            .as("the delay after attempt " + attempt).isLessThanOrEqualTo(Duration.ofSeconds(60));
        ClockUtil.setCurrentTime(new Date(lockedUntil.getTime() + 1000));
      }
      assertThat(Api.as(port, user).get("/engine-rest/task").status()).as("the right password, once the delay has passed")
          .isEqualTo(200);

      assertThat(Api.as(port, user, "Wrong-pass-again").get("/engine-rest/task").status()).isEqualTo(401);
      assertThat(admin().post("/engine-rest/user/" + user + "/unlock", Map.of()).status()).as("an administrator unlocks").isEqualTo(204);
      assertThat(Api.as(port, user).get("/engine-rest/task").status()).isEqualTo(200);
    } finally {
      ClockUtil.reset();
      identityService.deleteUser(user);
    }
  }

  // Finding 10: Java objects

  @Test
  void javaObjectsFromClientsAreRefused_evenFromAnAdministrator() {
    Task meeting = openTask("Task_HoldStepDownMeeting");
    Map<String, Object> gadget = Map.of("value", "{\"host\":\"example.org\"}", "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.net.URL", "serializationDataFormat", "application/json"));
    Reply refused = admin().post("/engine-rest/process-instance/" + meeting.getProcessInstanceId() + "/variables",
        Map.of("modifications", Map.of("probe", gadget)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("errors").get(0).path("rule").asText()).isEqualTo("no-java-objects");
    Map<String, Object> meetingWithGadget = formVariables(StepDownDriver.stepDownMeeting());
    meetingWithGadget.put(StepDownVariables.WHAT_CHANGED.name(), gadget);
    assertThat(as(TestStaff.WORKER).post("/engine-rest/task/" + meeting.getId() + "/complete",
        Map.of("variables", meetingWithGadget)).status()).isEqualTo(400);
    assertThat(runtimeService.getVariable(meeting.getProcessInstanceId(), "probe")).isNull();
    assertThat(taskService.createTaskQuery().taskId(meeting.getId()).count()).isOne();
  }

  // Finding 11: the smaller ones

  @Test
  void duplicateKeysAndImpossibleYearsAreRefused_andTheApiAnswers401AsProblemJson() {
    String twice = "{\"childRef\":\"C-dup-1\",\"childRef\":\"C-dup-2\",\"planStartDate\":\"2025-01-01\"}";
    Reply domain = as(TestStaff.WORKER).post("/api/step-downs", twice);
    assertThat(domain.status()).as(domain.body()).isEqualTo(400);
    assertThat(as(TestStaff.WORKER).post("/engine-rest/task", "{\"assignee\":\"a\",\"assignee\":\"b\"}").status()).isEqualTo(400);

    Map<String, Object> ancient = new LinkedHashMap<>(StepDownDriver.startVariables("C-" + UUID.randomUUID().toString().substring(0, 8), "CHILD_IN_NEED"));
    ancient.put("planStartDate", "-0001-01-01");
    Reply year = as(TestStaff.WORKER).post("/api/step-downs", ancient);
    assertThat(year.status()).as(year.body()).isEqualTo(400);
    assertThat(year.body()).contains("\"field\":\"planStartDate\",\"rule\":\"date\"");

    Reply anonymous = Api.anonymous(port).get("/api/step-downs/" + childRef);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.headers().getContentType().toString()).startsWith("application/problem+json");
    assertThat(anonymous.json().path("status").asInt()).isEqualTo(401);
  }

  @Test
  void theLosersOfARaceToStartTheSameJourneyHear409_never500_andOneJourneyIsStarted() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
    try {
      // Several rounds of 20: a race is won by timing, and one round may by chance not overlap.
      for (int round = 0; round < 3; round++) {
        String raced = "C-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> plan = StepDownDriver.startVariables(raced, "CHILD_IN_NEED");
        List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
          replies.add(pool.submit(() -> as(TestStaff.WORKER).post("/api/step-downs", plan)));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var reply : replies) {
          statuses.add(reply.get().status());
        }
        assertThat(statuses).as(statuses.toString()).containsOnly(201, 409);
        assertThat(statuses).as("a 201 means a journey: " + statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(raced).count()).isOne();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRefusedStaffNameDoesNotTellWhetherThePersonWorksHere() {
    Map<String, Object> nobody = new LinkedHashMap<>(StepDownDriver.startVariables("C-" + UUID.randomUUID().toString().substring(0, 8), "CHILD_IN_NEED"));
    nobody.put(StepDownVariables.TEAM_MANAGER.name(), "no.such.person");
    Map<String, Object> otherRole = new LinkedHashMap<>(nobody);
    otherRole.put(StepDownVariables.TEAM_MANAGER.name(), TestStaff.LEGAL);
    Reply unknown = as(TestStaff.WORKER).post("/api/step-downs", nobody);
    Reply wrongRole = as(TestStaff.WORKER).post("/api/step-downs", otherRole);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(staffInRole(unknown)).isNotEmpty().isEqualTo(staffInRole(wrongRole));
  }

  private static List<String> staffInRole(Reply reply) {
    List<String> problems = new java.util.ArrayList<>();
    reply.json().path("errors").forEach(error -> {
      if ("staff-in-role".equals(error.path("rule").asText())) {
        problems.add(error.toString());
      }
    });
    return problems;
  }

  private void assertRefusedAsExpression(Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
    assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    assertThat(reply.json().path("errors").get(0).path("rule").asText()).isEqualTo("no-expressions");
  }

  /** The id of the user's filter whose name starts so ("My team's tasks" is followed by the team's name). */
  private String filterIdNamed(String user, String name) {
    for (var filter : as(user).get("/engine-rest/filter").json()) {
      if (filter.path("name").asText().startsWith(name)) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError(user + " has no filter " + name);
  }

  private Task openTask(String definitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(childRef).taskDefinitionKey(definitionKey).singleResult();
  }

  /** Camunda REST's variable format as Tasklist sends it: lists as JSON. */
  private static Map<String, Object> formVariables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (value instanceof List<?> list) {
        try {
          variables.put(name, Map.of("value", new ObjectMapper().writeValueAsString(list), "type", "Json"));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      } else {
        variables.put(name, Map.of("value", value));
      }
    });
    return variables;
  }

  private Api admin() {
    return Api.as(port, ADMIN, ADMIN_PASSWORD);
  }

  private Api as(String user) {
    return Api.as(port, user);
  }
}
