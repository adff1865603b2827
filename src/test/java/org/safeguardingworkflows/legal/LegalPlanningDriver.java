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
    form.put(CHILD_REF.name(), childRef);
    form.put(REASON.name(), REASONS);
    if (allocatedWorker != null) {
      form.put(ALLOCATED_WORKER.name(), allocatedWorker);
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
    MEETING_NEEDED_BY.putIn(message, neededBy);
    legalPlanning = engine.getRuntimeService().createMessageCorrelation(MESSAGE_LEGAL_PLANNING_REQUESTED)
        .processInstanceBusinessKey(childRef)
        .setVariables(message)
        .correlateStartMessage();
    return this;
  }

  Map<String, Object> requestedMessage(String origin) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REASON.name(), "Second ICPC proposed; the same concerns as the first plan");
    variables.put(RECOMMENDED_BY.name(), TestStaff.SENIOR_MANAGER);
    variables.put(ORIGIN.name(), origin);
    variables.put(ALLOCATED_WORKER.name(), TestStaff.WORKER);
    variables.put(CHILD_REF.name(), childRef);
    variables.put(ORIGIN_PROCESS_INSTANCE_ID.name(), "repeat-icpc-instance-1");
    variables.put(ORIGIN_PROCESS_KEY.name(), "repeatIcpc");
    return variables;
  }

  static Map<String, Object> meeting(String outcome) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(MEETING_DATE.name(), EngineClock.today().toString());
    variables.put(LEGAL_REPRESENTATIVE.name(), TestStaff.LEGAL);
    variables.put(LEGAL_ADVICE.name(), "Threshold met on the evidence of chronic neglect; the chronology is complete");
    variables.put(LEGAL_PLANNING_OUTCOME.name(), outcome);
    variables.put(LEGAL_PLANNING_REASONS.name(), "Second episode of the same neglect; the family has had support before");
    if ("CONTINUE_CURRENT_PLAN".equals(outcome)) {
      variables.put(PLAN_REVIEW_DATE.name(), EngineClock.today().plusWeeks(6).toString());
    }
    return variables;
  }

  LegalPlanningDriver holdMeeting(String outcome) {
    complete("Task_HoldLegalPlanningMeeting", meeting(outcome));
    return this;
  }

  /** The team manager reviews a continued plan on its review date. */
  LegalPlanningDriver reviewCurrentPlan(String decision) {
    complete("Task_ReviewCurrentPlan", Map.of(WHAT_HAS_CHANGED.name(), "School attendance is up but the home conditions are as before",
        PLAN_REVIEW_DECISION.name(), decision, PLAN_REVIEW_REASONS.name(), "Read with the legal advice given at the meeting"));
    return this;
  }

  LegalPlanningDriver sendLetter() {
    complete("Task_SendLetterBeforeProceedings", Map.of(LETTER_SENT_DATE.name(), EngineClock.today().toString(),
        LETTER_SENT_TO.name(), "Both parents, by hand at a home visit"));
    return this;
  }

  LegalPlanningDriver holdPreProceedingsMeeting() {
    complete("Task_HoldPreProceedingsMeeting", Map.of(PRE_PROCEEDINGS_MEETING_DATE.name(), EngineClock.today().toString(),
        PARENTS_ATTENDED.name(), "YES", PARENTS_LEGALLY_REPRESENTED.name(), "YES",
        PRE_PROCEEDINGS_PLAN.name(), "Parenting assessment; school every day; home kept safe, checked at unannounced visits"));
    return this;
  }

  LegalPlanningDriver inPreProceedings() {
    return recommendedDirectlyBy(TestStaff.TEAM_MANAGER, TestStaff.WORKER).holdMeeting("PRE_PROCEEDINGS").sendLetter()
        .holdPreProceedingsMeeting();
  }

  LegalPlanningDriver review(String progress) {
    complete("Task_ReviewPreProceedings", Map.of(PLO_PROGRESS.name(), progress, PLO_REVIEW_NOTES.name(), "School attendance up to 90%"));
    return this;
  }

  LegalPlanningDriver decide(String decision) {
    complete("Task_DecidePreProceedings", Map.of(PLO_DECISION.name(), decision, PLO_DECISION_REASONS.name(), "Read with the legal advice"));
    return this;
  }

  LegalPlanningDriver seniorManagerDecides(String decision, Integer weeks) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(PLO_EXTENSION_DECISION.name(), decision);
    variables.put(PLO_EXTENSION_REASONS.name(), "The parenting assessment reports in three weeks");
    if (weeks != null) {
      variables.put(PLO_EXTENSION_WEEKS.name(), weeks);
    }
    complete("Task_DecideAtTimeLimit", variables);
    return this;
  }

  LegalPlanningDriver recordApplication() {
    complete("Task_RecordApplicationToCourt", Map.of(APPLICATION_DATE.name(), EngineClock.today().toString(), ORDER_SOUGHT.name(), "CARE_ORDER"));
    return this;
  }

  LegalPlanningDriver chase(String taskKey) {
    complete(taskKey, Map.of(CHASE_ACTION.name(), "Spoke to the team manager; meeting booked with legal for Thursday"));
    return this;
  }

  LegalPlanningDriver workerChangesTo(String newWorker) {
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_WORKER_CHANGED)
        .processInstanceId(legalPlanning.getId())
        .setVariablesLocal(Map.of(NEW_WORKER.name(), newWorker))
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
