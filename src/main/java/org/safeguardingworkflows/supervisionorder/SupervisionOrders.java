package org.safeguardingworkflows.supervisionorder;

import org.safeguardingworkflows.platform.ProcessVariable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.safeguardingworkflows.deployments.StartsProcessWith;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Supervision orders as a case management system records them. Each refusal is raised before anything starts. */
@StartsProcessWith(process = SupervisionOrderVariables.PROCESS_KEY, variables = {"childRef", "orderDate", "lengthMonths", "allocatedWorker"})
@Service
public class SupervisionOrders {

  private final SupervisionOrderRules rules;
  private final RuntimeService runtimeService;
  private final SupervisionOrderSettings settings;
  private final SystemAccess systemAccess;

  public SupervisionOrders(SupervisionOrderRules rules, RuntimeService runtimeService, SupervisionOrderSettings settings,
      SystemAccess systemAccess) {
    this.systemAccess = systemAccess;
    this.rules = rules;
    this.runtimeService = runtimeService;
    this.settings = settings;
  }

  /** Starts supervision of the order as the calling user (who needs the right to); 400 or 409 otherwise. */
  @Transactional
  public ProcessInstance start(SupervisionOrderMade order) {
    List<FieldProblem> problems = rules.fieldProblems(order);
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    if (rules.openOrder(order.childRef(), null).isPresent()) {
      throw ApiProblem.conflict("Child " + order.childRef() + " already has a supervision order being supervised.");
    }
    return runtimeService.createProcessInstanceByKey(SupervisionOrderVariables.PROCESS_KEY)
        .businessKey(order.childRef())
        .setVariables(ProcessVariable.values(
            SupervisionOrderVariables.CHILD_REF.with(order.childRef()),
            SupervisionOrderVariables.ORDER_DATE.with(LocalDate.parse(order.orderDate())),
            SupervisionOrderVariables.LENGTH_MONTHS.with(order.lengthOrDefault(settings.getDefaultLengthMonths())),
            SupervisionOrderVariables.ALLOCATED_WORKER.with(order.allocatedWorker())))
        .execute();
  }

  /** The dates the started order runs to, as recorded by the process (its first steps' variables). */
  public Map<String, Object> dates(String processInstanceId) {
    return systemAccess.call(Reason.READ_A_VISIBLE_CHILD, () -> runtimeService.getVariables(processInstanceId,
        List.of(SupervisionOrderVariables.ORDER_END_DATE.name(), SupervisionOrderVariables.LATEST_PERMITTED_END_DATE.name(),
            SupervisionOrderVariables.EXTENSION_DECISION_DUE_DATE.name())));
  }
}
