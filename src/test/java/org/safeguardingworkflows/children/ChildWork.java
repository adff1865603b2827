package org.safeguardingworkflows.children;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.legal.LegalPlanningVariables;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.TestStaff;

/**
 * Starts each kind of work a child can have, as the application starts it (a case management system's start, or one
 * process starting another), with {@link TestStaff#WORKER} of {@link TestStaff#TEAM} as the child's worker.
 */
final class ChildWork {

  /** The four kinds of process a child can have running before a life event or a worker change. */
  enum Kind { STEP_DOWN, REPEAT_ICPC, LEGAL_PLANNING, SUPERVISION_ORDER }

  private ChildWork() {
  }

  static ProcessInstance start(ProcessEngine engine, PlanHistory planHistory, Kind kind, String childRef) {
    var runtime = engine.getRuntimeService();
    return switch (kind) {
      case STEP_DOWN -> runtime.startProcessInstanceByKey(StepDownVariables.PROCESS_KEY, childRef,
          StepDownDriver.startVariables(childRef, "CHILD_IN_NEED"));
      case REPEAT_ICPC -> {
        planHistory.insert(new CpPlan(null, childRef, EngineClock.today().minusYears(2), EngineClock.today().minusYears(1),
            "NEG", "NEG", TestStaff.IRO, "CHILD_IN_NEED", "CLOSED", null, CpPlan.Source.IMPORT));
        Map<String, Object> variables = new HashMap<>();
        variables.put(RepeatIcpcVariables.CHILD_REF.name(), childRef);
        variables.put(RepeatIcpcVariables.STRATEGY_DISCUSSION_DATE.name(), EngineClock.today().minusDays(1).toString());
        variables.put(RepeatIcpcVariables.CATEGORY_OF_ABUSE.name(), "NEG");
        variables.put(RepeatIcpcVariables.CONCERNS_SUMMARY.name(), "Home conditions have deteriorated again");
        variables.put(RepeatIcpcVariables.PROPOSED_BY.name(), TestStaff.WORKER);
        yield runtime.startProcessInstanceByKey(RepeatIcpcVariables.PROCESS_KEY, childRef, variables);
      }
      case LEGAL_PLANNING -> {
        Map<String, Object> variables = new HashMap<>();
        variables.put(LegalPlanningVariables.CHILD_REF.name(), childRef);
        variables.put(LegalPlanningVariables.REASON.name(), "The same concerns as the first plan");
        variables.put(LegalPlanningVariables.RECOMMENDED_BY.name(), TestStaff.TEAM_MANAGER);
        variables.put(LegalPlanningVariables.ORIGIN.name(), "STEP_DOWN");
        variables.put(LegalPlanningVariables.ALLOCATED_WORKER.name(), TestStaff.WORKER);
        yield runtime.createMessageCorrelation(LegalPlanningVariables.MESSAGE_LEGAL_PLANNING_REQUESTED)
            .processInstanceBusinessKey(childRef).setVariables(variables).correlateStartMessage();
      }
      case SUPERVISION_ORDER -> {
        Map<String, Object> variables = new HashMap<>();
        variables.put(SupervisionOrderVariables.CHILD_REF.name(), childRef);
        variables.put(SupervisionOrderVariables.ORDER_DATE.name(), EngineClock.today().toString());
        variables.put(SupervisionOrderVariables.LENGTH_MONTHS.name(), 12);
        variables.put(SupervisionOrderVariables.ALLOCATED_WORKER.name(), TestStaff.WORKER);
        yield runtime.startProcessInstanceByKey(SupervisionOrderVariables.PROCESS_KEY, childRef, variables);
      }
    };
  }

  /** The child is on a plan now (an ICPC made it a month ago), as the plan history records it. */
  static void onAPlan(PlanHistory planHistory, String childRef) {
    planHistory.insert(new CpPlan(null, childRef, EngineClock.today().minusMonths(1), null, "NEG", "NEG", TestStaff.IRO,
        null, null, null, CpPlan.Source.IMPORT));
  }

  static LocalDate today() {
    return EngineClock.today();
  }
}
