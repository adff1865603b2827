package org.safeguardingworkflows.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.safeguardingworkflows.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manager's caseload, the child's timeline and the two printouts over real HTTP with the webapps' login: a team
 * manager sees their team's child in a watch period with its next dates and late work, and nothing at all of another
 * team's child (not listed; timeline, contingency plan and history pack answer 404 without a word of it); the family's
 * contingency plan is in plain words without codes or ids; without a login nothing answers.
 */
@ApplicationTest
class CaseloadAndPrintoutsTest {

  static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  final String suffix = UUID.randomUUID().toString().substring(0, 8);
  final String ours = "C-" + suffix + "A";
  final String theirs = "C-" + suffix + "B";
  ProcessInstance ourJourney;
  ProcessInstance theirJourney;
  String ourPlanStart;

  /**
   * Our team's child stepped down 60 days ago: its first supervision fell due 32 days ago and is still open (late);
   * another team's child in its watch period since the same day.
   */
  @BeforeEach
  void twoChildrenInAWatchPeriod() {
    LocalDate today = EngineClock.today();
    EngineClock.setTo(today.minusDays(60), LocalTime.of(10, 0));
    try {
      ourJourney = intoTheWatchPeriod(ours, TestStaff.WORKER, TestStaff.TEAM_MANAGER);
      theirJourney = intoTheWatchPeriod(theirs, TestStaff.SECOND_WORKER, TestStaff.SECOND_TEAM_MANAGER);
      Job firstSupervision = managementService.createJobQuery().processInstanceId(ourJourney.getId())
          .activityId(Caseload.SUPERVISION_DUE).timers().orderByJobDuedate().asc().list().get(0);
      EngineClock.setTo(firstSupervision.getDuedate());
      managementService.executeJob(firstSupervision.getId());
    } finally {
      EngineClock.reset();
    }
  }

  @AfterEach
  void endThem() {
    for (ProcessInstance journey : List.of(ourJourney, theirJourney)) {
      if (journey != null && runtimeService.createProcessInstanceQuery().processInstanceId(journey.getId()).count() > 0) {
        runtimeService.deleteProcessInstance(journey.getId(), "test over");
      }
    }
  }

  @Test
  void aTeamManagerSeesTheirTeamsChildrenAndNothingOfAnotherTeams() throws Exception {
    WebappSession manager = WebappSession.login(port, "tasklist", TestStaff.TEAM_MANAGER, TestStaff.PASSWORD);
    assertThat(manager.loginStatus()).isEqualTo(200);

    HttpResponse<String> caseload = manager.get("/pages/caseload");
    assertThat(caseload.statusCode()).isEqualTo(200);
    assertThat(caseload.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    String page = caseload.body();
    assertThat(page).contains("data-child=\"" + ours + "\"").doesNotContain(theirs);
    String ourRow = row(page, ours);
    assertThat(ourRow).containsPattern("<li class=\"late\">Hold management supervision[^<]*, due \\d{2}/\\d{2}/\\d{4}");
    assertThat(ourRow).containsPattern("data-next=\"review\">\\d{2}/\\d{2}/\\d{4}<");
    assertThat(ourRow).containsPattern("data-next=\"supervision\">\\d{2}/\\d{2}/\\d{4}<");
    assertThat(ourRow).contains(EngineClock.today().minusDays(60).format(DMY));
    assertThat(page).contains("Northshire Council Safeguarding Workflows", "href=\"/accessibility-statement.html\"", "href=\"#main\"");

    for (String path : List.of("/timeline", "/contingency-plan", "/history-pack")) {
      HttpResponse<String> refused = manager.get("/pages/children/" + theirs + path);
      assertThat(refused.statusCode()).as(path).isEqualTo(404);
      assertThat(refused.body()).as(path).doesNotContain("Team manager reviews", "Family support service", TestStaff.SECOND_WORKER);
    }

    HttpResponse<String> timeline = manager.get("/pages/children/" + ours + "/timeline");
    assertThat(timeline.statusCode()).isEqualTo(200);
    assertThat(timeline.body()).contains("Step down meeting", "Plan ended", "Team manager reviews within 5 working days")
        .doesNotContain(ourJourney.getId());

    HttpResponse<String> plan = manager.get("/pages/children/" + ours + "/contingency-plan");
    assertThat(plan.statusCode()).isEqualTo(200);
    assertThat(plan.body())
        .contains("If the family stops working with the services", "If the worries that led to the child protection plan come back",
            "Team manager reviews within 5 working days", "School, Early help", "Family support service", "@media print")
        .doesNotContain("DISENGAGEMENT", "RECURRENCE", "EARLY_HELP", ourJourney.getId(), "stepDownFromProtection");

    HttpResponse<String> pack = manager.get("/pages/children/" + ours + "/history-pack");
    assertThat(pack.statusCode()).isEqualTo(200);
    assertThat(pack.body()).contains("data-history=\"plans\"", "Neglect", "Team manager reviews within 5 working days",
        LocalDate.parse(ourPlanStart).format(DMY));
  }

  @Test
  void aSeniorManagerSeesBothTeamsAndNobodyWithoutALogin() throws Exception {
    WebappSession senior = WebappSession.login(port, "tasklist", TestStaff.SENIOR_MANAGER, TestStaff.PASSWORD);
    String page = senior.get("/pages/caseload").body();
    assertThat(page).contains("data-child=\"" + ours + "\"", "data-child=\"" + theirs + "\"");

    WebappSession nobody = WebappSession.anonymous(port);
    for (String path : List.of("/pages/caseload", "/pages/children/" + ours + "/timeline",
        "/pages/children/" + ours + "/contingency-plan", "/pages/children/" + ours + "/history-pack")) {
      HttpResponse<String> refused = nobody.get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(401);
      assertThat(refused.body()).as(path).doesNotContain(ours);
    }
  }

  private ProcessInstance intoTheWatchPeriod(String childRef, String worker, String teamManager) {
    Map<String, Object> start = StepDownDriver.startVariables(childRef, "CHILD_IN_NEED");
    start.put(StepDownVariables.ALLOCATED_WORKER.name(), worker);
    start.put(StepDownVariables.TEAM_MANAGER.name(), teamManager);
    if (childRef.equals(ours)) {
      ourPlanStart = (String) start.get(StepDownVariables.PLAN_START_DATE.name());
    }
    ProcessInstance journey = runtimeService.startProcessInstanceByKey(StepDownVariables.PROCESS_KEY, childRef, start);
    complete(journey, "Task_HoldStepDownMeeting", StepDownDriver.stepDownMeeting());
    complete(journey, "Task_ApproveStepDownPlan", Map.of(StepDownVariables.STEP_DOWN_DECISION.name(), "APPROVE",
        StepDownVariables.STEP_DOWN_DECISION_REASONS.name(), "Considered in supervision"));
    return journey;
  }

  private void complete(ProcessInstance journey, String taskKey, Map<String, Object> variables) {
    String taskId = taskService.createTaskQuery().processInstanceId(journey.getId()).taskDefinitionKey(taskKey).singleResult().getId();
    taskService.complete(taskId, variables);
  }

  private static String row(String page, String childRef) {
    int start = page.indexOf("data-child=\"" + childRef + "\"");
    return page.substring(start, page.indexOf("</tr>", start));
  }
}
