package org.safeguardingworkflows.supervisionorder;

import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.InstanceDriver;
import org.safeguardingworkflows.testsupport.TestStaff;

/** Drives a supervision order the way the supervising worker and managers would, with answers a real form sends. */
class SupervisionOrderDriver extends InstanceDriver<SupervisionOrderDriver> {

  static final List<Map<String, Object>> OUTCOMES = List.of(
      Map.of("outcome", "Attends school every day", "measure", "Attendance above 95% each half term",
          "support", "School and the family support worker"),
      Map.of("outcome", "The home is safe and clean", "measure", "Unannounced visits every two weeks",
          "support", "Family support worker"));

  final String childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
  ProcessInstance order;

  SupervisionOrderDriver(ProcessEngine engine) {
    super(engine);
  }

  Map<String, Object> orderMade(Object lengthMonths) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CHILD_REF.name(), childRef);
    variables.put(ORDER_DATE.name(), EngineClock.today().toString());
    if (lengthMonths != null) {
      variables.put(LENGTH_MONTHS.name(), lengthMonths);
    }
    variables.put(ALLOCATED_WORKER.name(), TestStaff.WORKER);
    return variables;
  }

  SupervisionOrderDriver made(Map<String, Object> variables) {
    order = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, childRef, variables);
    return this;
  }

  SupervisionOrderDriver madeFor(int months) {
    return made(orderMade(months));
  }

  SupervisionOrderDriver writeSupportPlan() {
    complete("Task_WriteSupportPlan", Map.of(SUPPORT_PLAN_OUTCOMES.name(), OUTCOMES,
        SUPPORT_PLAN_FAMILY_VIEWS.name(), "Mother wants the family support worker to continue"));
    return this;
  }

  /** Progress and evidence against each outcome the review opened with, as a worker fills in the form. */
  SupervisionOrderDriver reviewOutcomes(String taskKey, String progress, Map<String, Object> more) {
    Task review = task(taskKey);
    List<Map<String, Object>> rows = new ArrayList<>();
    // Spin JSON when the review opens; the worker's own list when a review sent back reopens.
    for (Map<String, Object> row : OUTCOME_REVIEWS.read(engine.getTaskService().getVariable(review.getId(), OUTCOME_REVIEWS.name()))) {
      Map<String, Object> filled = new LinkedHashMap<>();
      filled.put("outcome", row.get("outcome"));
      filled.put("progress", progress);
      filled.put("evidence", "Seen at visits and confirmed by school");
      rows.add(filled);
    }
    Map<String, Object> variables = new HashMap<>(more);
    variables.put(OUTCOME_REVIEWS.name(), rows);
    engine.getTaskService().complete(review.getId(), variables);
    return this;
  }

  SupervisionOrderDriver reviewOutcomes(String progress) {
    return reviewOutcomes("Task_ReviewOutcomes", progress, Map.of(OUTCOME_REVIEW_SUMMARY.name(), "The order is helping"));
  }

  /** The team manager's scrutiny of the last outcome review, given by this user (who takes the task first). */
  SupervisionOrderDriver scrutinise(String user, String decision, String escalation) {
    return scrutinise("Task_ScrutiniseOutcomeReview", user, decision, escalation);
  }

  SupervisionOrderDriver scrutiniseEndOfOrderReview(String user, String decision, String escalation) {
    return scrutinise("Task_ScrutiniseEndOfOrderReview", user, decision, escalation);
  }

  private SupervisionOrderDriver scrutinise(String taskKey, String user, String decision, String escalation) {
    Task scrutiny = task(taskKey);
    engine.getTaskService().setAssignee(scrutiny.getId(), user);
    Map<String, Object> variables = new HashMap<>();
    variables.put(SCRUTINY_DECISION.name(), decision);
    variables.put(SCRUTINY_REASONS.name(), "SEND_BACK".equals(decision) ? "Say what the school actually reported for this half term"
        : "Attendance has not improved since the order was made");
    if (escalation != null) {
      variables.put(REVIEW_ESCALATION.name(), escalation);
    }
    engine.getTaskService().complete(scrutiny.getId(), variables);
    return this;
  }

  /** The team manager agrees the review, with no escalation. */
  SupervisionOrderDriver agreeReview() {
    return scrutinise(TestStaff.TEAM_MANAGER, "AGREE", "NONE");
  }

  SupervisionOrderDriver recordStrategyDiscussion(String held) {
    Task task = task("Task_RecordStrategyDiscussion");
    engine.getTaskService().setAssignee(task.getId(), TestStaff.TEAM_MANAGER);
    engine.getTaskService().complete(task.getId(), Map.of(STRATEGY_DISCUSSION_DATE.name(), held, SECTION_47_DECIDED.name(), "NO",
        STRATEGY_DISCUSSION_SUMMARY.name(), "School attendance has fallen again; daily check-ins by the family support worker agreed"));
    return this;
  }

  SupervisionOrderDriver chaseExtensionDecision() {
    Task task = task("Task_ChaseExtensionDecision");
    engine.getTaskService().setAssignee(task.getId(), TestStaff.SENIOR_MANAGER);
    engine.getTaskService().complete(task.getId(), Map.of(EXTENSION_CHASE_NOTES.name(),
        "Spoke to the team manager: the decision will be made at Friday's legal gateway"));
    return this;
  }

  /** The child's social worker, team manager or IRO changes, as the child-level worker change announces it. */
  SupervisionOrderDriver holderChanges(String role, String newHolder) {
    Map<String, Object> change = new HashMap<>();
    change.put(CHANGED_ROLE.name(), role);
    change.put(NEW_HOLDER.name(), newHolder);
    if ("SOCIAL_WORKER".equals(role)) {
      change.put(NEW_WORKER.name(), newHolder);
    }
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_WORKER_CHANGED).processInstanceId(order.getId())
        .setVariablesLocal(change).correlateWithResult();
    return this;
  }

  SupervisionOrderDriver writeHandoverNote() {
    complete("Task_WriteHandoverNote", Map.of(HANDOVER_HISTORY_READ.name(), true,
        HANDOVER_NOTE.name(), "Keep the school check-ins; I will visit on Thursday and meet the family support worker"));
    return this;
  }

  SupervisionOrderDriver decideExtension(String decision, Integer months) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(EXTENSION_DECISION.name(), decision);
    variables.put(EXTENSION_REASONS.name(), "Outcomes not yet sustained for long enough");
    if (months != null) {
      variables.put(EXTENSION_MONTHS.name(), months);
    }
    complete("Task_DecideExtension", variables);
    return this;
  }

  SupervisionOrderDriver courtDecides(String decision, String newEndDate) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(COURT_EXTENSION_DECISION.name(), decision);
    if (newEndDate != null) {
      variables.put(EXTENDED_ORDER_END_DATE.name(), newEndDate);
    }
    complete("Task_RecordCourtDecision", variables);
    return this;
  }

  SupervisionOrderDriver endOfOrderReview() {
    return endOfOrderReview("ACHIEVED");
  }

  SupervisionOrderDriver endOfOrderReview(String progress) {
    return reviewOutcomes("Task_HoldEndOfOrderReview", progress,
        Map.of(SUPPORT_AFTER_ORDER.name(), "CHILD_IN_NEED", END_OF_ORDER_SUMMARY.name(), "School attendance sustained; home safe"));
  }

  SupervisionOrderDriver checkReReferral(String reReferred) {
    complete("Task_CheckReReferral", Map.of(RE_REFERRED.name(), reReferred, RE_REFERRAL_NOTES.name(), "Checked the front door records"));
    return this;
  }

  Object variable(String name) {
    return engine.getRuntimeService().getVariable(order.getId(), name);
  }

  @Override
  protected String processInstanceId() {
    return order.getId();
  }
}
