package org.safeguardingworkflows.repeaticpc;

import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.InstanceDriver;
import org.safeguardingworkflows.testsupport.TestStaff;

/**
 * Drives a proposal for a repeat ICPC the way practitioners would, with answers a real form would send. Tasks that
 * need a holder of a role are claimed by that person first, as Tasklist makes them do.
 */
class RepeatIcpcDriver extends InstanceDriver<RepeatIcpcDriver> {

  private final PlanHistory planHistory;
  final String childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
  ProcessInstance proposal;

  RepeatIcpcDriver(ProcessEngine engine, PlanHistory planHistory) {
    super(engine);
    this.planHistory = planHistory;
  }

  /** An earlier plan of this child, as imported from the case-management system. */
  RepeatIcpcDriver hadPlan(String start, String end, String category, String iro) {
    planHistory.insert(new CpPlan(null, childRef, LocalDate.parse(start), LocalDate.parse(end), category, category, iro,
        "CHILD_IN_NEED", "CLOSED", null, CpPlan.Source.IMPORT));
    return this;
  }

  /** The usual history: one neglect plan that ended a year before the strategy discussion, chaired by iro.one. */
  RepeatIcpcDriver hadAPlanLastYear() {
    return hadPlan("2024-01-08", "2025-01-10", "NEG", TestStaff.IRO);
  }

  static Map<String, Object> proposalVariables(String childRef, LocalDate strategyDiscussion) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CHILD_REF.name(), childRef);
    variables.put(STRATEGY_DISCUSSION_DATE.name(), strategyDiscussion.toString());
    variables.put(CATEGORY_OF_ABUSE.name(), "NEG");
    variables.put(CONCERNS_SUMMARY.name(), "Home conditions have deteriorated again and health appointments are being missed");
    variables.put(PROPOSED_BY.name(), TestStaff.WORKER);
    return variables;
  }

  /** The proposal's declaration of an earlier plan held by another local authority. */
  static Map<String, Object> earlierPlanElsewhere(String authority, String start, String end) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(EARLIER_PLAN_AUTHORITY.name(), authority);
    variables.put(EARLIER_PLAN_START.name(), start);
    variables.put(EARLIER_PLAN_END.name(), end);
    return variables;
  }

  /** Proposed through Tasklist's start form or the API: the strategy discussion was on the Friday before today. */
  RepeatIcpcDriver proposed() {
    return proposed(EngineClock.today().minusDays(3));
  }

  RepeatIcpcDriver proposed(LocalDate strategyDiscussion) {
    proposal = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, childRef, proposalVariables(childRef, strategyDiscussion));
    return this;
  }

  /** A step-down journey's contingency review proposes the conference (what startLinkedProcess sends). */
  RepeatIcpcDriver proposedFromStepDown(String stepDownInstanceId) {
    Map<String, Object> variables = proposalVariables(childRef, EngineClock.today().minusDays(3));
    variables.put(ORIGIN_PROCESS_INSTANCE_ID.name(), stepDownInstanceId);
    variables.put(ORIGIN_PROCESS_KEY.name(), "stepDownFromProtection");
    proposal = engine.getRuntimeService().createMessageCorrelation(MESSAGE_PROPOSED)
        .processInstanceBusinessKey(childRef)
        .setVariables(variables)
        .correlateStartMessage();
    return this;
  }

  /** The social worker's summary: reasons and the work done after each previous plan. */
  RepeatIcpcDriver summariseHistory() {
    complete("Task_PrepareHistorySummary", historySummary(rows(PREVIOUS_PLAN_REASONS)));
    return this;
  }

  static Map<String, Object> historySummary(List<Map<String, Object>> planRows) {
    List<Map<String, Object>> reasons = new ArrayList<>();
    for (Map<String, Object> row : planRows) {
      Map<String, Object> filled = new LinkedHashMap<>(row);
      filled.put("reasons", "Neglect: home conditions and missed health appointments");
      filled.put("workAfterPlan", "Family support worker for three months, then closed");
      reasons.add(filled);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(PREVIOUS_PLAN_REASONS.name(), reasons);
    variables.put(WHAT_WAS_NOT_SUSTAINED.name(), "Routines lapsed within weeks of the support ending");
    variables.put(WHAT_IS_DIFFERENT_NOW.name(), "A new partner has moved in; the school is now the main source of concern");
    return variables;
  }

  /** One of the four views, given by this user (who claims the task first). */
  RepeatIcpcDriver view(FourPartyView view, String user, String framework) {
    Task task = task(view.taskKey());
    engine.getTaskService().setAssignee(task.getId(), user);
    engine.getTaskService().complete(task.getId(), viewAnswers(view, framework));
    return this;
  }

  static Map<String, Object> viewAnswers(FourPartyView view, String framework) {
    Map<String, Object> answers = new HashMap<>(Map.of(view.thresholdVariable().name(), "MET", view.frameworkVariable().name(), framework,
        view.reasonsVariable().name(), "Third referral for neglect; the same support did not last last time"));
    if (view == FourPartyView.LEGAL) {
      answers.putAll(legalAdvice("YES", "YES", EngineClock.today().plusDays(14)));
    }
    return Map.copyOf(answers);
  }

  /** Legal's own questions: the threshold for proceedings, pre-proceedings, and the meeting needed by (or null). */
  static Map<String, Object> legalAdvice(String proceedingsThreshold, String ploRecommended, LocalDate meetingBy) {
    Map<String, Object> advice = new HashMap<>(Map.of(LEGAL_PROCEEDINGS_THRESHOLD.name(), proceedingsThreshold,
        LEGAL_PLO_RECOMMENDED.name(), ploRecommended));
    if (meetingBy != null) {
      advice.put(LEGAL_PLANNING_MEETING_BY.name(), meetingBy.toString());
    }
    return advice;
  }

  RepeatIcpcDriver teamManagerView() { return view(FourPartyView.TEAM_MANAGER, TestStaff.TEAM_MANAGER, "LEGAL_ROUTE"); }
  RepeatIcpcDriver seniorManagerView() { return view(FourPartyView.SENIOR_MANAGER, TestStaff.SENIOR_MANAGER, "ICPC_AND_LEGAL_ROUTE"); }
  RepeatIcpcDriver iroView() { return view(FourPartyView.IRO, TestStaff.IRO, "ICPC"); }
  RepeatIcpcDriver legalView() { return view(FourPartyView.LEGAL, TestStaff.LEGAL, "LEGAL_ROUTE"); }

  RepeatIcpcDriver allFourViews() {
    return teamManagerView().seniorManagerView().iroView().legalView();
  }

  RepeatIcpcDriver chaseMissingViews(String chaseDecision, String overrideReasons) {
    Task task = task("Task_ChaseMissingViews");
    engine.getTaskService().setAssignee(task.getId(), TestStaff.SENIOR_MANAGER);
    Map<String, Object> answers = new HashMap<>();
    answers.put(CHASE_DECISION.name(), chaseDecision);
    answers.put(CHASE_NOTES.name(), "Phoned and emailed; the IRO is on leave until after the deadline");
    if (overrideReasons != null) {
      answers.put(OVERRIDE_REASONS.name(), overrideReasons);
    }
    engine.getTaskService().complete(task.getId(), answers);
    return this;
  }

  /** The senior manager records the joint decision, with an alternative and what will be different. */
  RepeatIcpcDriver decide(String decision) {
    Task task = task("Task_RecordJointDecision");
    engine.getTaskService().setAssignee(task.getId(), TestStaff.SENIOR_MANAGER);
    engine.getTaskService().complete(task.getId(), jointDecision(decision));
    return this;
  }

  static Map<String, Object> jointDecision(String decision) {
    Map<String, Object> answers = new HashMap<>();
    answers.put(DECISION.name(), decision);
    answers.put(ALTERNATIVES_CONSIDERED.name(), List.of(Map.of("framework", "PLO", "whyNotChosen", "Parents are engaging with the new worker")));
    answers.put(DECISION_REASONS.name(), "The four views agree the threshold is met; a legal route is kept in view");
    answers.put(WHAT_WILL_BE_DIFFERENT.name(), "The same IRO chairs, a parenting assessment starts at once, and a legal planning meeting is held if two visits are missed");
    return answers;
  }

  RepeatIcpcDriver schedule(LocalDate conferenceDate, String chair) {
    return schedule(Map.of(CONFERENCE_DATE.name(), conferenceDate.toString(), CHAIR.name(), chair));
  }

  RepeatIcpcDriver schedule(Map<String, Object> answers) {
    complete("Task_ScheduleIcpc", answers);
    return this;
  }

  /** The conference coordinator records the outcome in Tasklist ("PLAN_MADE" or "NO_PLAN"). */
  RepeatIcpcDriver recordOutcome(String decision, LocalDate planStart) {
    Map<String, Object> answers = new HashMap<>();
    answers.put(CONFERENCE_DECISION.name(), decision);
    answers.put(PLAN_START_DATE.name(), planStart == null ? null : planStart.toString());
    complete("Task_RecordConferenceOutcome", answers);
    return this;
  }

  /** The case management system sends the outcome (what the API correlates). */
  RepeatIcpcDriver conferenceOutcome(boolean planMade, LocalDate planStart) {
    Map<String, Object> outcome = new HashMap<>();
    outcome.put(PLAN_MADE.name(), planMade);
    outcome.put(PLAN_START_DATE.name(), planStart == null ? null : planStart.toString());
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_CONFERENCE_OUTCOME)
        .processInstanceId(proposal.getId())
        .setVariables(outcome)
        .correlateWithResult();
    return this;
  }

  /** The child's social worker, team manager or IRO changes (what the children API correlates to every process). */
  RepeatIcpcDriver holderChanges(String changedRole, String newHolder) {
    Map<String, Object> change = new HashMap<>();
    change.put(CHANGED_ROLE.name(), changedRole);
    change.put(NEW_HOLDER.name(), newHolder);
    if ("SOCIAL_WORKER".equals(changedRole)) {
      change.put(NEW_WORKER.name(), newHolder);
    }
    engine.getRuntimeService().createMessageCorrelation("WorkerChanged")
        .processInstanceId(proposal.getId())
        .setVariablesLocal(change)
        .correlateWithResult();
    return this;
  }

  Object variable(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(proposal.getId())
        .variableName(name).list().stream()
        .filter(variable -> proposal.getId().equals(variable.getActivityInstanceId()))
        .findFirst()
        .map(variable -> variable.getValue())
        .orElse(null);
  }

  /** How many times the proposal passed this flow node. */
  long passes(String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(proposal.getId())
        .activityId(activityId).count();
  }

  List<Map<String, Object>> rows(ProcessVariable<List<Map<String, Object>>> list) {
    return list.read(variable(list.name()));
  }

  @Override
  protected String processInstanceId() {
    return proposal.getId();
  }
}
