package org.safeguardingworkflows.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.repeaticpc.FourPartyView;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.Tasklist;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The four views before a repeat ICPC, each given in Tasklist's real form by the person who holds the role: team
 * manager, senior manager, IRO, legal representative. After each of the first three the conference coordinator
 * logs in and "Schedule the ICPC" is not in their list (and the engine has no such task); after the fourth and the
 * senior manager's joint decision, it is, and the coordinator opens it. Headless Chromium, a fresh browser each.
 */
@ApplicationTest
class RepeatIcpcFourViewsInTasklistTest {

  static final String SCENARIO = "repeat-icpc-four-views";
  static final String VIEWS_FILTER = "Awaiting my view - repeat ICPC";
  static final String COORDINATOR_FILTER = "Conferences to schedule";
  static final String CONFERENCE = "Hold the initial child protection conference";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired PlanHistory planHistory;

  final String childRef = "C-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  ProcessInstance proposal;
  int browserRun;

  @BeforeEach
  void aProposalWaitingForTheFourViews() {
    BpmnAwareTests.init(engine);
    // the child's previous plan, as imported from the case-management system, chaired by iro.one
    LocalDate today = EngineClock.today();
    planHistory.insert(new CpPlan(null, childRef, today.minusMonths(24), today.minusMonths(12), "NEG", "NEG", TestStaff.IRO,
        "CHILD_IN_NEED", "CLOSED", null, CpPlan.Source.IMPORT));
    Map<String, Object> proposed = new HashMap<>();
    proposed.put(CHILD_REF.name(), childRef);
    proposed.put(STRATEGY_DISCUSSION_DATE.name(), today.minusDays(1).toString());
    proposed.put(CATEGORY_OF_ABUSE.name(), "NEG");
    proposed.put(CONCERNS_SUMMARY.name(), "Home conditions have deteriorated again and health appointments are being missed");
    proposed.put(PROPOSED_BY.name(), TestStaff.WORKER);
    proposal = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, childRef, proposed);

    // the social worker's history summary comes first: the discussion opens when it is complete
    Task summary = openTask("Task_PrepareHistorySummary");
    assertThat(summary.getAssignee()).isEqualTo(TestStaff.WORKER);
    List<Map<String, Object>> reasons = new ArrayList<>();
    for (Map<String, Object> plan : PREVIOUS_PLAN_REASONS.read(engine.getTaskService().getVariable(summary.getId(), PREVIOUS_PLAN_REASONS.name()))) {
      Map<String, Object> row = new LinkedHashMap<>(plan);
      row.put("reasons", "Neglect: home conditions and missed health appointments");
      row.put("workAfterPlan", "Family support worker for three months, then closed");
      reasons.add(row);
    }
    assertThat(reasons).hasSize(1);
    engine.getTaskService().complete(summary.getId(), Map.of(PREVIOUS_PLAN_REASONS.name(), reasons,
        WHAT_WAS_NOT_SUSTAINED.name(), "Routines lapsed within weeks of the support ending",
        WHAT_IS_DIFFERENT_NOW.name(), "A new partner has moved in; the school is now the main source of concern"));
    assertThat(openTaskKeys()).containsExactlyInAnyOrder("Task_TeamManagerView", "Task_SeniorManagerView", "Task_IroView", "Task_LegalView");
  }

  /** The database is shared: leave no open task behind in other tests' task lists. */
  @AfterEach
  void reset() {
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(proposal.getId()).count() > 0) {
      engine.getRuntimeService().deleteProcessInstance(proposal.getId(), "browser test finished");
    }
    BpmnAwareTests.reset();
  }

  @Test
  void theFourViewsAreGivenInTasklist_andOnlyThenAndAfterTheDecisionDoesTheCoordinatorSeeScheduleTheIcpc() throws Exception {
    giveView(FourPartyView.TEAM_MANAGER, TestStaff.TEAM_MANAGER, "Hold the conference and start legal planning alongside it",
        "Third referral for neglect; the same support did not last last time");
    coordinatorHasNothingToSchedule("after-team-manager");
    try (Browser browser = Browser.open(scenario("senior-manager-sees-views-awaited"))) {
      Tasklist tasklist = new Tasklist(browser, port).logIn(TestStaff.SENIOR_MANAGER, TestStaff.PASSWORD)
          .filter("Four-party discussions: views awaited");
      assertThat(tasklist.listedTasks()).filteredOn(name -> name.contains(childRef)).containsExactlyInAnyOrder(
          "Give the senior manager's view - " + childRef, "Give the IRO's view - " + childRef, "Give the legal view - " + childRef);
      browser.screenshot("views-awaited");
    }

    giveView(FourPartyView.SENIOR_MANAGER, TestStaff.SENIOR_MANAGER, CONFERENCE,
        "The threshold is met; a conference with a different plan is proportionate");
    coordinatorHasNothingToSchedule("after-senior-manager");

    giveView(FourPartyView.IRO, TestStaff.IRO, CONFERENCE, "I chaired the last plan; the concerns are the same ones, returning");
    coordinatorHasNothingToSchedule("after-iro");

    giveView(FourPartyView.LEGAL, TestStaff.LEGAL, "Hold the conference and start legal planning alongside it",
        "The threshold for a conference is met; legal planning should run alongside");
    assertThat(openTaskKeys()).containsExactly("Task_RecordJointDecision");
    assertThat(engine.getRuntimeService().getVariable(proposal.getId(), FOUR_PARTY_DISCUSSION_COMPLETE.name())).isEqualTo(true);
    assertThat(engine.getRuntimeService().getVariable(proposal.getId(), OVERRIDE_USED.name())).isEqualTo(false);
    coordinatorHasNothingToSchedule("after-four-views-before-decision");

    try (Browser browser = Browser.open(scenario("senior-manager-decides"))) {
      Tasklist tasklist = new Tasklist(browser, port).logIn(TestStaff.SENIOR_MANAGER, TestStaff.PASSWORD).filter(VIEWS_FILTER);
      tasklist.openTask("Record the joint decision - " + childRef).claim();
      // Named as the staff list names them, not by login id (tasks/StaffNames).
      assertThat(tasklist.stated("Team manager's view given by")).isEqualTo(TestStaff.name(TestStaff.TEAM_MANAGER));
      assertThat(tasklist.stated("IRO's view given by")).isEqualTo(TestStaff.name(TestStaff.IRO));
      assertThat(tasklist.stated("Legal representative's view given by")).isEqualTo(TestStaff.name(TestStaff.LEGAL));
      assertThat(tasklist.stated("Proposed by")).isEqualTo(TestStaff.name(TestStaff.WORKER));
      browser.screenshot("joint-decision-shows-the-four-views");
      tasklist.choose(CONFERENCE)
          .select("Alternative considered", "Pre-proceedings under the Public Law Outline (PLO)")
          .fill("Why it was not chosen", "The parents are engaging with the new worker")
          .fill("Reasons for the decision", "All four views agree the threshold is met; legal planning is kept in view")
          .fill("What will be different this time", "The same IRO chairs and a parenting assessment starts at once");
      browser.screenshot("joint-decision-filled");
      assertThat(tasklist.complete()).isEmpty();
      browser.screenshot("joint-decision-recorded");
    }
    assertThat(engine.getRuntimeService().getVariable(proposal.getId(), DECISION.name())).isEqualTo("ICPC");
    assertThat(engine.getRuntimeService().getVariable(proposal.getId(), DECISION_BY.name())).isEqualTo(TestStaff.SENIOR_MANAGER);
    Task schedule = openTask("Task_ScheduleIcpc");
    assertThat(schedule.getName()).isEqualTo("Schedule the ICPC - " + childRef);
    assertThat(engine.getTaskService().createTaskQuery().taskId(schedule.getId()).taskCandidateUser(TestStaff.COORDINATOR).count()).isOne();

    try (Browser browser = Browser.open(scenario("coordinator-schedules"))) {
      Tasklist tasklist = new Tasklist(browser, port).logIn(TestStaff.COORDINATOR, TestStaff.PASSWORD).filter(COORDINATOR_FILTER);
      assertThat(tasklist.listedTasks()).contains("Schedule the ICPC - " + childRef);
      assertThat(tasklist.listedCount()).isEqualTo(coordinatorFilterCount());
      browser.screenshot("coordinator-sees-schedule-the-icpc");
      tasklist.openTask("Schedule the ICPC - " + childRef).claim();
      assertThat(browser.text()).contains("Schedule the initial child protection conference").contains(childRef).contains("Chair (IRO)");
      browser.screenshot("coordinator-opens-schedule-the-icpc");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(schedule.getId()).singleResult().getAssignee()).isEqualTo(TestStaff.COORDINATOR);
  }

  /** The holder of the role logs in, finds the view task in their filter, and records the view in the form. */
  private void giveView(FourPartyView view, String user, String framework, String reasons) throws Exception {
    String label = view.label();
    try (Browser browser = Browser.open(scenario(label.replace(' ', '-').toLowerCase() + "-view"))) {
      Tasklist tasklist = new Tasklist(browser, port).logIn(user, TestStaff.PASSWORD).filter(VIEWS_FILTER);
      String taskName = engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId())
          .taskDefinitionKey(view.taskKey()).singleResult().getName();
      assertThat(tasklist.listedTasks()).contains(taskName);
      browser.screenshot("filter-lists-the-view");
      tasklist.openTask(taskName).claim();
      assertThat(tasklist.shown("Child reference")).isEqualTo(childRef);
      // Everyone sees which views are in, and from whom, before giving their own (what each said comes at the decision).
      String progress = browser.text();
      for (FourPartyView other : FourPartyView.values()) {
        Object by = engine.getRuntimeService().getVariable(proposal.getId(), other.viewByVariable().name());
        assertThat(progress).contains(other.label() + " " + (by == null ? "awaited" : "in"));
      }
      assertThat(tasklist.stated("Team manager's view given by"))
          .isEqualTo(engine.getRuntimeService().getVariable(proposal.getId(), FourPartyView.TEAM_MANAGER.viewByVariable().name()) == null
              ? "not given yet" : TestStaff.name(TestStaff.TEAM_MANAGER));
      assertThat(tasklist.shown("What was not sustained, and why")).isEqualTo("Routines lapsed within weeks of the support ending");
      tasklist.choose("Yes: the threshold for a child protection conference is met");
      if (view == FourPartyView.LEGAL) {
        // Legal's own questions; the meeting date is asked for only once proceedings or pre-proceedings are in view.
        tasklist.choose("Yes: the threshold for proceedings is met").choose("Yes: start pre-proceedings")
            .date("A legal planning meeting is needed by", EngineClock.today().plusDays(14));
      }
      tasklist.choose(framework)
          .fill("Your reasons", reasons);
      browser.screenshot("view-filled");
      assertThat(tasklist.complete()).isEmpty();
      browser.screenshot("view-recorded");
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId()).taskDefinitionKey(view.taskKey()).count())
        .as("the " + label + "'s task is done").isZero();
    assertThat(engine.getRuntimeService().getVariable(proposal.getId(), view.viewByVariable().name())).isEqualTo(user);
    assertThat(engine.getRuntimeService().getVariable(proposal.getId(), view.thresholdVariable().name())).isEqualTo("MET");
    assertThat(engine.getRuntimeService().getVariable(proposal.getId(), view.reasonsVariable().name())).isEqualTo(reasons);
  }

  /** The coordinator's list, fully loaded, has no "Schedule the ICPC" for this child; nor has the engine. */
  private void coordinatorHasNothingToSchedule(String when) throws Exception {
    try (Browser browser = Browser.open(scenario("coordinator-" + when))) {
      Tasklist tasklist = new Tasklist(browser, port).logIn(TestStaff.COORDINATOR, TestStaff.PASSWORD).filter(COORDINATOR_FILTER);
      List<String> listed = tasklist.listedTasks();
      browser.screenshot("nothing-to-schedule-" + when);
      assertThat(listed).as(when).noneMatch(name -> name.contains(childRef));
      assertThat(tasklist.listedCount()).as("Tasklist and the engine agree on the coordinator's list").isEqualTo(coordinatorFilterCount());
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId()).taskDefinitionKey("Task_ScheduleIcpc").count())
        .as(when).isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(childRef).taskCandidateUser(TestStaff.COORDINATOR).count())
        .as(when).isZero();
  }

  /** What the coordinators' filter counts for cc.one, asked of the engine with cc.one's authorizations. */
  private long coordinatorFilterCount() {
    Filter filter = engine.getFilterService().createTaskFilterQuery().list().stream()
        .filter(candidate -> candidate.getProperties() != null
            && (Role.CONFERENCE_COORDINATORS.groupId() + ":team").equals(candidate.getProperties().get("definedBy")))
        .findFirst().orElseThrow();
    engine.getIdentityService().setAuthentication(TestStaff.COORDINATOR, List.of(Role.CONFERENCE_COORDINATORS.groupId()));
    try {
      return engine.getFilterService().count(filter.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private String scenario(String step) {
    return SCENARIO + "/" + String.format("%02d", ++browserRun) + "-" + step;
  }

  private Task openTask(String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId()).taskDefinitionKey(key).singleResult();
  }

  private List<String> openTaskKeys() {
    return engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }
}
