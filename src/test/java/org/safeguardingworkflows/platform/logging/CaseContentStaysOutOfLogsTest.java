package org.safeguardingworkflows.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Nothing a practitioner writes reaches the logs: a step-down journey and a repeat ICPC discussion, started through the
 * API and completed through the engine's REST API with every text field of every form holding a sentinel, together
 * with refused input carrying it (a field too long for its form, a malformed child reference, a field the API does not
 * know, a value of the wrong type, a broken JSON value). Afterwards the console output of the whole run holds neither
 * the sentinel nor the reference of a child whose input was refused, and no stack trace came from a refusal.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class CaseContentStaysOutOfLogsTest {

  private static final String SENTINEL = "SENTINEL-7Q2";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The answers that carry each journey to its end rather than round a loop (first option otherwise). */
  private static final Map<String, String> CHOICES = Map.of(
      "contingencyDecision", "CONTINUE_WITH_ACTIONS",
      "decision", "ICPC",
      "chaseDecision", "KEEP_CHASING",
      "supervisionDifficultiesReemerging", "NO",
      "reviewDifficultiesReemerging", "NO");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired PlanHistory planHistory;

  @AfterEach
  void clockBackToNow() {
    EngineClock.reset();
  }

  @Test
  void aFullRunWithEveryTextFieldFilledLogsNoneOfIt(CapturedOutput output) throws Exception {
    String stepDownChild = newChild();
    Map<String, Object> plan = new HashMap<>();
    plan.put("childRef", stepDownChild);
    plan.put("planStartDate", EngineClock.today().minusMonths(9).toString());
    plan.put("planEndDate", EngineClock.today().minusDays(3).toString());
    plan.put("categoryOfAbuse", "NEG");
    plan.put("destination", "CHILD_IN_NEED");
    plan.put("allocatedWorker", TestStaff.WORKER);
    plan.put("teamManager", TestStaff.TEAM_MANAGER);
    plan.put("iro", TestStaff.IRO);
    assertThat(worker().post("/api/step-downs", plan).status()).isEqualTo(201);

    refusedInputCarryingTheSentinel(plan, stepDownChild);
    anEngineFault(stepDownChild);

    completeEveryTask(stepDownChild, 3);
    assertThat(worker().post("/api/step-downs/" + stepDownChild + "/concerns",
        Map.of("kind", "RECURRENCE", "summary", SENTINEL + " concern")).status()).isEqualTo(202);
    completeEveryTask(stepDownChild, 80);

    String repeatChild = newChild();
    planHistory.insert(new CpPlan(null, repeatChild, LocalDate.parse("2024-01-08"), LocalDate.parse("2025-01-10"), "NEG",
        "NEG", TestStaff.IRO, null, null, null, CpPlan.Source.IMPORT));
    Map<String, Object> proposal = new HashMap<>();
    proposal.put("childRef", repeatChild);
    proposal.put("strategyDiscussionDate", EngineClock.today().minusDays(1).toString());
    proposal.put("categoryOfAbuse", "NEG");
    proposal.put("concernsSummary", SENTINEL + " concerns");
    proposal.put("proposedBy", TestStaff.WORKER);
    assertThat(worker().post("/api/repeat-icpc-proposals", proposal).status()).isEqualTo(201);
    completeEveryTask(repeatChild, 40);

    assertThat(completedFormsWithText).as("forms completed with the sentinel in every text field")
        .contains("Task_HoldStepDownMeeting", "Task_ApproveStepDownPlan", "Task_HoldContingencyReview",
            "Task_HoldManagementSupervision", "Task_ReviewCinServices", "Task_HoldImpactReview",
            "Task_ScheduleIcpc");
    assertThat(completedFormsWithText.size()).isGreaterThanOrEqualTo(12);
    String logs = output.getAll();
    assertThat(logs).as("console output of the run").doesNotContain(SENTINEL);
    assertThat(logs).as("references of the children whose input was refused").doesNotContain(stepDownChild)
        .doesNotContain(repeatChild);
    List<String> stackTraced = Arrays.stream(logs.split("\\R(?=\\d{4}-\\d{2}-\\d{2}T)"))
        .filter(event -> event.contains("\n\tat ")).map(event -> event.lines().findFirst().orElseThrow()).toList();
    assertThat(stackTraced).as("log events with a stack trace: only faults, each with an error id")
        .isNotEmpty().allMatch(event -> event.contains(" ERROR ") && event.contains("failed: error "));
  }

  /**
   * A contingency plan sent as a string rather than a list: the meeting's check cannot read it and fails, which the
   * engine's REST API answers with 500. A fault, not a refusal, so it is logged with an error id and a stack trace,
   * printed without messages.
   */
  private void anEngineFault(String childRef) throws Exception {
    Task meeting = openTasks(childRef).get(0);
    Map<String, Object> variables = filled(formOf(meeting, TestStaff.WORKER).path("components"));
    variables.put("contingencyPlan", Map.of("value", SENTINEL + " [not a list"));
    Reply fault = worker().post("/engine-rest/task/" + meeting.getId() + "/complete", Map.of("variables", variables));
    assertThat(fault.status()).as(fault.body()).isEqualTo(500);
  }

  private final List<String> completedFormsWithText = new ArrayList<>();

  /** Input every door refuses, each piece of it carrying the sentinel. */
  private void refusedInputCarryingTheSentinel(Map<String, Object> plan, String childRef) throws Exception {
    Map<String, Object> badChild = new HashMap<>(plan);
    badChild.put("childRef", "C-" + SENTINEL + " <a href=x>");
    assertThat(worker().post("/api/step-downs", badChild).status()).isEqualTo(400);

    Map<String, Object> unknownFields = new HashMap<>(plan);
    unknownFields.put("childName", SENTINEL + " Smith");
    unknownFields.put(SENTINEL, "x");
    assertThat(worker().post("/api/step-downs", unknownFields).status()).isEqualTo(400);

    assertThat(worker().post("/api/step-downs", MediaType.APPLICATION_JSON, "{\"childRef\": \"" + SENTINEL)
        .status()).isEqualTo(400);
    assertThat(worker().get("/api/step-downs/" + childRef + "/" + SENTINEL).status()).isEqualTo(404);
    assertThat(worker().get("/engine-rest/task/" + SENTINEL).status()).isEqualTo(404);

    Task meeting = openTasks(childRef).get(0);
    JsonNode form = formOf(meeting, TestStaff.WORKER);
    Map<String, Object> variables = filled(form.path("components"));
    variables.put("whatChanged", Map.of("value", (SENTINEL + " ").repeat(400)));
    Reply tooLong = worker().post("/engine-rest/task/" + meeting.getId() + "/complete", Map.of("variables", variables));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("at most");

    Reply tooLongThroughTheForm = worker().post("/engine-rest/task/" + meeting.getId() + "/submit-form",
        Map.of("variables", variables));
    assertThat(tooLongThroughTheForm.status()).isEqualTo(400);

    Reply wrongType = worker().post("/engine-rest/task/" + meeting.getId() + "/complete",
        Map.of("variables", Map.of("whatChanged", Map.of("value", SENTINEL, "type", "Integer"))));
    assertThat(wrongType.status()).isEqualTo(400);

    Reply brokenJson = worker().post("/engine-rest/task/" + meeting.getId() + "/complete",
        Map.of("variables", Map.of("services", Map.of("value", "[{\"provider\": \"" + SENTINEL, "type", "Json"))));
    assertThat(brokenJson.status()).isBetween(400, 599);
    assertThat(openTasks(childRef)).extracting(Task::getId).contains(meeting.getId());
  }

  /** Completes the child's open tasks through the engine REST API, firing the next timer when none is open. */
  private void completeEveryTask(String childRef, int rounds) throws Exception {
    for (int round = 0; round < rounds; round++) {
      List<Task> tasks = openTasks(childRef);
      if (tasks.isEmpty()) {
        if (!fireNextTimer(childRef)) {
          return;
        }
        continue;
      }
      for (Task task : tasks) {
        String user = whoDoes(task);
        JsonNode form = formOf(task, user);
        Map<String, Object> variables = filled(form.path("components"));
        if (variables.containsKey("chair")) {
          // The schedule check names a chair who is not an IRO in its refusal: the refusal must not reach the logs.
          Map<String, Object> notAnIro = new LinkedHashMap<>(variables);
          notAnIro.put("chair", Map.of("value", SENTINEL + "-chair"));
          Reply refused = Api.as(port, user).post("/engine-rest/task/" + task.getId() + "/complete",
              Map.of("variables", notAnIro));
          assertThat(refused.status()).as("a chair who is not an IRO").isEqualTo(400);
        }
        Reply completed = Api.as(port, user).post("/engine-rest/task/" + task.getId() + "/complete",
            Map.of("variables", variables));
        assertThat(completed.status()).as(task.getTaskDefinitionKey() + ": " + completed.body()).isEqualTo(204);
        completedFormsWithText.add(task.getTaskDefinitionKey());
      }
    }
  }

  private boolean fireNextTimer(String childRef) {
    List<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).list()
        .stream().map(instance -> instance.getId()).toList();
    return instances.stream()
        .flatMap(id -> managementService.createJobQuery().processInstanceId(id).timers().list().stream())
        .min(Comparator.comparing(Job::getDuedate))
        .map(job -> {
          // Time passes to the timer, so that the next cycle falls after it and the watch period can end.
          EngineClock.setTo(job.getDuedate());
          managementService.executeJob(job.getId());
          return true;
        })
        .orElse(false);
  }

  private List<Task> openTasks(String childRef) {
    return taskService.createTaskQuery().processInstanceBusinessKey(childRef).orderByTaskCreateTime().asc().list();
  }

  private String whoDoes(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (TestStaff.TEAM.equals(link.getGroupId())) {
        // A team task: the diagram's candidate groups say whether the team's worker or its manager does it.
        String roles = ((org.camunda.bpm.model.bpmn.instance.UserTask) repositoryService
            .getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey()))
            .getCamundaCandidateGroups();
        return roles.contains(Role.SOCIAL_WORKERS.groupId()) ? TestStaff.WORKER : TestStaff.TEAM_MANAGER;
      }
      if (link.getGroupId() != null) {
        return memberOf(link.getGroupId());
      }
    }
    throw new AssertionError("Nobody can do " + task.getTaskDefinitionKey());
  }

  private static String memberOf(String groupId) {
    Map<String, String> members = new LinkedHashMap<>();
    members.put(Role.SOCIAL_WORKERS.groupId(), TestStaff.WORKER);
    members.put(Role.TEAM_MANAGERS.groupId(), TestStaff.TEAM_MANAGER);
    members.put(Role.SENIOR_MANAGERS.groupId(), TestStaff.SENIOR_MANAGER);
    members.put(Role.IROS.groupId(), TestStaff.IRO);
    members.put(Role.LEGAL.groupId(), TestStaff.LEGAL);
    members.put(Role.CONFERENCE_COORDINATORS.groupId(), TestStaff.COORDINATOR);
    return members.get(groupId);
  }

  private JsonNode formOf(Task task, String user) throws Exception {
    Reply form = Api.as(port, user).get("/engine-rest/task/" + task.getId() + "/deployed-form");
    assertThat(form.status()).as(task.getTaskDefinitionKey() + " form").isEqualTo(200);
    return JSON.readTree(form.body());
  }

  /** Every field of the form answered: text with the sentinel, choices from their options, lists with one row. */
  private static Map<String, Object> filled(JsonNode components) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Map.Entry<String, Object> answer : answers(components).entrySet()) {
      Object value = answer.getValue();
      variables.put(answer.getKey(), value instanceof List<?>
          ? Map.of("value", JSON.writeValueAsString(value), "type", "Json")
          : Map.of("value", value));
    }
    return variables;
  }

  private static Map<String, Object> answers(JsonNode components) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.path("readonly").asBoolean() || component.path("disabled").asBoolean()) {
        continue;
      }
      if ("group".equals(type)) {
        answers.putAll(answers(component.path("components")));
      } else if ("dynamiclist".equals(type)) {
        answers.put(component.path("path").asText(), rows(component.path("components")));
      } else if (component.has("key")) {
        Object answer = answer(component);
        if (answer != null) {
          answers.put(component.path("key").asText(), answer);
        }
      }
    }
    return answers;
  }

  /** One row, or one row for each option of the list's choice (a contingency plan must cover every trigger). */
  private static List<Map<String, Object>> rows(JsonNode fields) {
    Map<String, Object> row = answers(fields);
    for (JsonNode field : fields) {
      if (field.path("values").isArray() && field.has("key")) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode option : field.path("values")) {
          Map<String, Object> optionRow = new LinkedHashMap<>(row);
          optionRow.put(field.path("key").asText(), option.path("value").asText());
          rows.add(optionRow);
        }
        return rows;
      }
    }
    return List.of(row);
  }

  private static Object answer(JsonNode field) {
    String key = field.path("key").asText();
    JsonNode rules = field.path("validate");
    return switch (field.path("type").asText()) {
      case "textfield", "textarea" -> field.path("properties").has("formatRule") ? userFor(key) : SENTINEL + " " + key;
      // A staff picker (a select listing the role's holders, tasks/StaffPickers) names a person
      case "select" -> field.has("valuesKey") ? userFor(key) : CHOICES.getOrDefault(key, field.path("values").get(0).path("value").asText());
      case "radio" -> CHOICES.getOrDefault(key, field.path("values").get(0).path("value").asText());
      case "checkbox" -> true;
      case "checklist", "taglist" -> List.of(field.path("values").get(0).path("value").asText());
      // The next supervision or review left empty keeps the usual cycle: booked for today, it would fall due again
      // today, and the watch period would never reach its end within the rounds of this test.
      case "datetime" -> key.startsWith("next") ? null : EngineClock.today().toString();
      case "number" -> rules.has("min") ? rules.path("min").asInt() : 1;
      default -> null;
    };
  }

  /** Staff pickers and fields with a format rule hold user ids: the person the form asks for. */
  private static String userFor(String key) {
    return switch (key) {
      case "legalRepresentative" -> TestStaff.LEGAL;
      case "chair" -> TestStaff.IRO;
      case "teamManager" -> TestStaff.TEAM_MANAGER;
      case "iro" -> TestStaff.IRO;
      default -> TestStaff.WORKER;
    };
  }

  private Api worker() {
    return Api.as(port, TestStaff.WORKER);
  }

  private static String newChild() {
    return "C-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
