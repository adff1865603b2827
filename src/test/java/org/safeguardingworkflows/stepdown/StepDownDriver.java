package org.safeguardingworkflows.stepdown;

import static org.safeguardingworkflows.stepdown.StepDownVariables.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.InstanceDriver;
import org.safeguardingworkflows.testsupport.TestStaff;

/**
 * Drives a step-down journey the way practitioners would, with answers a real form would send. Each method
 * names the step in the practitioner's words; the test reads as the journey.
 */
public class StepDownDriver extends InstanceDriver<StepDownDriver> {

  final String childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
  ProcessInstance journey;

  StepDownDriver(ProcessEngine engine) {
    super(engine);
  }

  StepDownDriver planEnded(String destination) {
    journey = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, childRef, startVariables(childRef, destination));
    return this;
  }

  /** A plan that ended on this date, recorded only now. */
  StepDownDriver planEndedOn(LocalDate endDate) {
    Map<String, Object> variables = startVariables(childRef, "CHILD_IN_NEED");
    variables.put(PLAN_END_DATE.name(), endDate.toString());
    journey = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, childRef, variables);
    return this;
  }

  /** What a case management system sends when a review conference has ended the plan (ended three days ago). */
  public static Map<String, Object> startVariables(String childRef, String destination) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CHILD_REF.name(), childRef);
    variables.put(PLAN_START_DATE.name(), EngineClock.today().minusMonths(9).toString());
    variables.put(PLAN_END_DATE.name(), EngineClock.today().minusDays(3).toString());
    variables.put(CATEGORY_OF_ABUSE.name(), "NEG");
    variables.put(DESTINATION.name(), destination);
    variables.put(ALLOCATED_WORKER.name(), TestStaff.WORKER);
    variables.put(TEAM_MANAGER.name(), TestStaff.TEAM_MANAGER);
    variables.put(IRO.name(), TestStaff.IRO);
    return variables;
  }

  /** A complete step-down meeting record: services and a contingency for disengagement and recurrence. */
  public static Map<String, Object> stepDownMeeting() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(MEETING_DATE.name(), EngineClock.today().toString());
    variables.put(WHAT_CHANGED.name(), "Home conditions improved and sustained for four months");
    variables.put(EVIDENCE_OF_CHANGE.name(), "Unannounced visits, school attendance 96%");
    variables.put(SERVICES.name(), List.of(Map.of("provider", "Family support service", "purpose", "Weekly parenting sessions")));
    variables.put(CHILD_VIEWS.name(), "Says home feels calmer and wants to keep seeing the family support worker");
    variables.put(FAMILY_VIEWS.name(), "Parents agree with the plan");
    variables.put(AGENCY_VIEWS.name(), "School and health visitor agree");
    variables.put(CONTINGENCY_PLAN.name(), List.of(
        Map.of("trigger", "DISENGAGEMENT", "response", "Team manager reviews within 5 working days", "whoActs", "Allocated social worker",
            "heldBy", List.of("SCHOOL", "EARLY_HELP")),
        Map.of("trigger", "RECURRENCE", "response", "Strategy discussion considered the same day", "whoActs", "Team manager",
            "heldBy", List.of("SCHOOL", "HEALTH", "POLICE"))));
    variables.put(FAMILY_TOLD_OF_CONTINGENCY.name(), true);
    return variables;
  }

  /** A complete closure meeting record, held today. */
  public static Map<String, Object> closureMeeting() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CLOSURE_MEETING_DATE.name(), EngineClock.today().toString());
    variables.put(CLOSURE_CHILD_VIEWS.name(), "Happy that the social worker will stop visiting; knows to talk to the school nurse");
    variables.put(FAMILY_CONTACT.name(), "Duty team number given to both parents");
    variables.put(EARLY_HELP_WORKER.name(), "Named early-help worker");
    variables.put(CONTINGENCY_AFTER_CLOSURE.name(), "Any agency concern goes straight to the front door");
    return variables;
  }

  StepDownDriver holdStepDownMeeting() {
    complete("Task_HoldStepDownMeeting", stepDownMeeting());
    return this;
  }

  StepDownDriver managerDecidesStepDown(String decision) {
    complete("Task_ApproveStepDownPlan", Map.of(STEP_DOWN_DECISION.name(), decision, STEP_DOWN_DECISION_REASONS.name(), "Considered in supervision"));
    return this;
  }

  StepDownDriver seniorManagerDecidesEarlyStepDown(String decision) {
    complete("Task_ApproveEarlyClosure", Map.of(EARLY_CLOSURE_DECISION.name(), decision, EARLY_CLOSURE_REASONS.name(), "Read the whole file"));
    return this;
  }

  /** A supervision held today that books no next date: the next one comes round on the usual cycle. */
  StepDownDriver supervise(String engagement, String difficultiesReemerging) {
    complete("Task_HoldManagementSupervision", supervision(engagement, difficultiesReemerging));
    return this;
  }

  /** A supervision held today that books the next one for this date. */
  StepDownDriver superviseBookingNext(String engagement, String difficultiesReemerging, LocalDate next) {
    Map<String, Object> answers = supervision(engagement, difficultiesReemerging);
    answers.put(NEXT_SUPERVISION_ON.name(), next.toString());
    complete("Task_HoldManagementSupervision", answers);
    return this;
  }

  private static Map<String, Object> supervision(String engagement, String difficultiesReemerging) {
    return new HashMap<>(Map.of(SUPERVISION_ENGAGEMENT.name(), engagement,
        SUPERVISION_DIFFICULTIES_REEMERGING.name(), difficultiesReemerging, SUPERVISION_SAME_WORKER.name(), "YES",
        SUPERVISION_ACTIONS.name(), "Continue the plan", SUPERVISION_HELD_ON.name(), EngineClock.today().toString()));
  }

  /** A CIN review held today that books no next date: the next one comes round on the usual cycle. */
  StepDownDriver reviewCinServices(String engagement, String difficultiesReemerging) {
    complete("Task_ReviewCinServices", review(engagement, difficultiesReemerging));
    return this;
  }

  /** A CIN review held today that books the next one for this date. */
  StepDownDriver reviewCinServicesBookingNext(String engagement, String difficultiesReemerging, LocalDate next) {
    Map<String, Object> answers = review(engagement, difficultiesReemerging);
    answers.put(NEXT_REVIEW_ON.name(), next.toString());
    complete("Task_ReviewCinServices", answers);
    return this;
  }

  private static Map<String, Object> review(String engagement, String difficultiesReemerging) {
    return new HashMap<>(Map.of(
        SERVICE_REVIEWS.name(), List.of(Map.of("provider", "Family support service", "attended", "YES", "impact", "Routines in place")),
        REVIEW_OVERALL_PROGRESS.name(), "GOOD", REVIEW_ENGAGEMENT.name(), engagement, REVIEW_DIFFICULTIES_REEMERGING.name(), difficultiesReemerging,
        REVIEW_HELD_ON.name(), EngineClock.today().toString()));
  }

  StepDownDriver impactReview(String decision) {
    complete("Task_HoldImpactReview", Map.of(IMPACT_DECISION.name(), decision, IMPACT_REASONS.name(), "Reviewed the watch period"));
    return this;
  }

  StepDownDriver holdClosureMeeting() {
    complete("Task_HoldClosureMeeting", closureMeeting());
    return this;
  }

  /** The worker asks the partner agencies whether the difficulties are coming back ("YES" or "NO"). */
  StepDownDriver checkForReEmergence(String found) {
    complete("Task_CheckForReEmergence", Map.of(RE_EMERGENCE_AGENCIES_ASKED.name(), List.of("SCHOOL", "HEALTH"),
        RE_EMERGENCE_FOUND.name(), found, RE_EMERGENCE_NOTES.name(), "Spoke to the head of year and the school nurse"));
    return this;
  }

  /** An ICPC has made a new child protection plan for the child, starting on this date. */
  StepDownDriver newPlanMade(LocalDate planStart) {
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_NEW_PLAN_MADE)
        .processInstanceBusinessKey(childRef)
        .setVariablesLocal(Map.of(NEW_PLAN_START_DATE.name(), planStart.toString()))
        .correlateWithResult();
    return this;
  }

  /** Every timer waiting at this activity (the next supervision or review, each check still to fall due), earliest first. */
  List<Job> timers(String timerActivityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).activityId(timerActivityId)
        .timers().orderByJobDuedate().asc().list();
  }

  /** Time passes until the earliest of the timers waiting at this activity is due, and it fires. */
  StepDownDriver whenNextFires(String timerActivityId) {
    List<Job> waiting = timers(timerActivityId);
    if (waiting.isEmpty()) {
      throw new AssertionError("No timer waiting at " + timerActivityId);
    }
    EngineClock.setTo(waiting.get(0).getDuedate());
    engine.getManagementService().executeJob(waiting.get(0).getId());
    return this;
  }

  /**
   * The whole watch period passes well: each supervision and CIN review is held on the day it falls due and finds
   * nothing, until the watch period ends.
   */
  StepDownDriver watchPeriodPassesWell() {
    while (true) {
      Job next = null;
      String activity = null;
      for (String timer : List.of("Event_SupervisionDue", "Event_ReviewDue", "Event_WatchPeriodEnds")) {
        List<Job> waiting = timers(timer);
        if (!waiting.isEmpty() && (next == null || waiting.get(0).getDuedate().before(next.getDuedate()))) {
          next = waiting.get(0);
          activity = timer;
        }
      }
      EngineClock.setTo(next.getDuedate());
      engine.getManagementService().executeJob(next.getId());
      switch (activity) {
        case "Event_SupervisionDue" -> supervise("GOOD", "NO");
        case "Event_ReviewDue" -> reviewCinServices("GOOD", "NO");
        default -> {
          return this;
        }
      }
    }
  }

  StepDownDriver checkEarlyHelp(String engagement) {
    complete("Task_CheckEarlyHelpEngagement", Map.of(EARLY_HELP_ENGAGEMENT.name(), engagement, EARLY_HELP_NOTES.name(), "Spoke to the early-help worker"));
    return this;
  }

  StepDownDriver contingencyReview(String decision) {
    complete("Task_HoldContingencyReview", Map.of(CONTINGENCY_DECISION.name(), decision, CONTINGENCY_REASONS.name(), "Pattern matches the first plan",
        AGREED_ACTIONS.name(), "Visit within 2 days"));
    return this;
  }

  /** The team manager records the strategy discussion held today and whether it proposes a repeat ICPC. */
  StepDownDriver recordStrategyDiscussion(String repeatIcpcProposed) {
    complete("Task_RecordStrategyDiscussion", strategyDiscussion(EngineClock.today(), repeatIcpcProposed));
    return this;
  }

  static Map<String, Object> strategyDiscussion(LocalDate held, String repeatIcpcProposed) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(STRATEGY_DISCUSSION_DATE.name(), held.toString());
    variables.put(SECTION_47_DECIDED.name(), "YES");
    variables.put(STRATEGY_DISCUSSION_SUMMARY.name(), "Neglect has returned: school attendance down to 70%, home conditions poor again");
    variables.put(REPEAT_ICPC_PROPOSED.name(), repeatIcpcProposed);
    return variables;
  }

  StepDownDriver chase(String chaseTaskKey) {
    complete(chaseTaskKey, Map.of(CHASE_ACTION.name(), "Spoke to the team manager; booked for Thursday"));
    return this;
  }

  StepDownDriver reportConcern(String kind) {
    return reportConcern(kind, "School reports missed days");
  }

  StepDownDriver reportConcern(String kind, String summary) {
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_CONCERN_REPORTED)
        .processInstanceId(journey.getId())
        .setVariablesLocal(Map.of(CONCERN_KIND.name(), kind, CONCERN_SUMMARY.name(), summary))
        .correlateWithResult();
    return this;
  }

  StepDownDriver changeWorker(String newWorker) {
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_WORKER_CHANGED)
        .processInstanceId(journey.getId())
        .setVariablesLocal(Map.of(NEW_WORKER.name(), newWorker))
        .correlateWithResult();
    return this;
  }

  /** The child's social worker, team manager or IRO changes, as the child-level API sends it to every process. */
  StepDownDriver changeHolder(String role, String newHolder) {
    Map<String, Object> change = new HashMap<>(Map.of(CHANGED_ROLE.name(), role, NEW_HOLDER.name(), newHolder));
    if ("SOCIAL_WORKER".equals(role)) {
      change.put(NEW_WORKER.name(), newHolder);
    }
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_WORKER_CHANGED)
        .processInstanceBusinessKey(childRef)
        .setVariablesLocal(change)
        .correlateAllWithResult();
    return this;
  }

  List<Task> tasks(String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(journey.getId()).taskDefinitionKey(taskKey)
        .orderByTaskCreateTime().asc().list();
  }

  LocalDate today() {
    return EngineClock.today();
  }

  @Override
  protected String processInstanceId() {
    return journey.getId();
  }
}
