package org.safeguardingworkflows.legal;

import static org.safeguardingworkflows.legal.LegalPlanningVariables.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.InstanceDriver;
import org.safeguardingworkflows.testsupport.TestStaff;

/**
 * Drives legal planning the way the people involved would, with answers a real form would send. Each method
 * names the step in their words; the test reads as the story of one recommendation.
 */
class LegalPlanningDriver extends InstanceDriver<LegalPlanningDriver> {

  static final String REASONS = "Neglect has re-emerged four months after the plan ended, as it did after the first plan";

  final String childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
  ProcessInstance legalPlanning;

  LegalPlanningDriver(ProcessEngine engine) {
    super(engine);
  }

  /** A team manager recommends the meeting from the Tasklist start form (who they are is recorded by the engine). */
  LegalPlanningDriver recommendedDirectlyBy(String teamManager, String allocatedWorker) {
    Map<String, Object> form = new HashMap<>();
    form.put(CHILD_REF, childRef);
    form.put(REASON, REASONS);
    if (allocatedWorker != null) {
      form.put(ALLOCATED_WORKER, allocatedWorker);
    }
    // As Tasklist does: the user and all their groups (role and team), so that the grants for starting legal planning
    // and the team check apply.
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(teamManager).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(teamManager, groups);
    try {
      legalPlanning = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, childRef, form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return this;
  }

  /** Another process (a repeat-ICPC decision) throws LegalPlanningRequested, exactly as StartLinkedProcess sends it. */
  LegalPlanningDriver requestedByAnotherProcess(String origin) {
    legalPlanning = engine.getRuntimeService().createMessageCorrelation(MESSAGE_LEGAL_PLANNING_REQUESTED)
        .processInstanceBusinessKey(childRef)
        .setVariables(requestedMessage(origin))
        .correlateStartMessage();
    return this;
  }

  /** Recommended by another process, passing on the date the legal view said the meeting is needed by. */
  LegalPlanningDriver requestedByAnotherProcessNeededBy(String origin, LocalDate neededBy) {
    Map<String, Object> message = requestedMessage(origin);
    message.put(MEETING_NEEDED_BY, neededBy.toString());
    legalPlanning = engine.getRuntimeService().createMessageCorrelation(MESSAGE_LEGAL_PLANNING_REQUESTED)
        .processInstanceBusinessKey(childRef)
        .setVariables(message)
        .correlateStartMessage();
    return this;
  }

  Map<String, Object> requestedMessage(String origin) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REASON, "Second ICPC proposed; the same concerns as the first plan");
    variables.put(RECOMMENDED_BY, TestStaff.SENIOR_MANAGER);
    variables.put(ORIGIN, origin);
    variables.put(ALLOCATED_WORKER, TestStaff.WORKER);
    variables.put(CHILD_REF, childRef);
    variables.put(ORIGIN_PROCESS_INSTANCE_ID, "repeat-icpc-instance-1");
    variables.put(ORIGIN_PROCESS_KEY, "repeatIcpc");
    return variables;
  }

  static Map<String, Object> meeting(String outcome) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(MEETING_DATE, EngineClock.today().toString());
    variables.put(LEGAL_REPRESENTATIVE, TestStaff.LEGAL);
    variables.put(LEGAL_ADVICE, "Threshold met on the evidence of chronic neglect; the chronology is complete");
    variables.put(LEGAL_PLANNING_OUTCOME, outcome);
    variables.put(LEGAL_PLANNING_REASONS, "Second episode of the same neglect; the family has had support before");
    if ("CONTINUE_CURRENT_PLAN".equals(outcome)) {
      variables.put(PLAN_REVIEW_DATE, EngineClock.today().plusWeeks(6).toString());
    }
    return variables;
  }

  LegalPlanningDriver holdMeeting(String outcome) {
    complete("Task_HoldLegalPlanningMeeting", meeting(outcome));
    return this;
  }

  /** The team manager reviews a continued plan on its review date. */
  LegalPlanningDriver reviewCurrentPlan(String decision) {
    complete("Task_ReviewCurrentPlan", Map.of(WHAT_HAS_CHANGED, "School attendance is up but the home conditions are as before",
        PLAN_REVIEW_DECISION, decision, PLAN_REVIEW_REASONS, "Read with the legal advice given at the meeting"));
    return this;
  }

  LegalPlanningDriver sendLetter() {
    complete("Task_SendLetterBeforeProceedings", Map.of(LETTER_SENT_DATE, EngineClock.today().toString(),
        LETTER_SENT_TO, "Both parents, by hand at a home visit"));
    return this;
  }

  LegalPlanningDriver holdPreProceedingsMeeting() {
    complete("Task_HoldPreProceedingsMeeting", Map.of(PRE_PROCEEDINGS_MEETING_DATE, EngineClock.today().toString(),
        PARENTS_ATTENDED, "YES", PARENTS_LEGALLY_REPRESENTED, "YES",
        PRE_PROCEEDINGS_PLAN, "Parenting assessment; school every day; home kept safe, checked at unannounced visits"));
    return this;
  }

  LegalPlanningDriver inPreProceedings() {
    return recommendedDirectlyBy(TestStaff.TEAM_MANAGER, TestStaff.WORKER).holdMeeting("PRE_PROCEEDINGS").sendLetter()
        .holdPreProceedingsMeeting();
  }

  LegalPlanningDriver review(String progress) {
    complete("Task_ReviewPreProceedings", Map.of(PLO_PROGRESS, progress, PLO_REVIEW_NOTES, "School attendance up to 90%"));
    return this;
  }

  LegalPlanningDriver decide(String decision) {
    complete("Task_DecidePreProceedings", Map.of(PLO_DECISION, decision, PLO_DECISION_REASONS, "Read with the legal advice"));
    return this;
  }

  LegalPlanningDriver seniorManagerDecides(String decision, Integer weeks) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(PLO_EXTENSION_DECISION, decision);
    variables.put(PLO_EXTENSION_REASONS, "The parenting assessment reports in three weeks");
    if (weeks != null) {
      variables.put(PLO_EXTENSION_WEEKS, weeks);
    }
    complete("Task_DecideAtTimeLimit", variables);
    return this;
  }

  LegalPlanningDriver recordApplication() {
    complete("Task_RecordApplicationToCourt", Map.of(APPLICATION_DATE, EngineClock.today().toString(), ORDER_SOUGHT, "CARE_ORDER"));
    return this;
  }

  LegalPlanningDriver chase(String taskKey) {
    complete(taskKey, Map.of(CHASE_ACTION, "Spoke to the team manager; meeting booked with legal for Thursday"));
    return this;
  }

  LegalPlanningDriver workerChangesTo(String newWorker) {
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_WORKER_CHANGED)
        .processInstanceId(legalPlanning.getId())
        .setVariablesLocal(Map.of(NEW_WORKER, newWorker))
        .correlateWithResult();
    return this;
  }

  Object variable(String name) {
    return engine.getRuntimeService().getVariable(legalPlanning.getId(), name);
  }

  Object historicVariable(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(legalPlanning.getId())
        .variableName(name).singleResult().getValue();
  }

  LocalDate today() {
    return EngineClock.today();
  }

  @Override
  protected String processInstanceId() {
    return legalPlanning.getId();
  }
}
