package org.safeguardingworkflows.supervisionorder;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Supervision orders for case management systems: JSON over HTTP Basic, problem+json on refusal. */
@RestController
@RequestMapping(path = "/api/supervision-orders", produces = MediaType.APPLICATION_JSON_VALUE)
public class SupervisionOrderApi {

  public record Started(String childRef, String processInstanceId, LocalDate orderEndDate,
      LocalDate latestPermittedEndDate, LocalDate extensionDecisionDueDate) {}

  private final SupervisionOrders orders;

  public SupervisionOrderApi(SupervisionOrders orders) {
    this.orders = orders;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Started> record(@Valid @RequestBody SupervisionOrderMade order) {
    ProcessInstance instance = orders.start(order);
    Map<String, Object> dates = orders.dates(instance.getId());
    return ResponseEntity.status(HttpStatus.CREATED).body(new Started(order.childRef(), instance.getId(),
            SupervisionOrderVariables.ORDER_END_DATE.from(dates),
            SupervisionOrderVariables.LATEST_PERMITTED_END_DATE.from(dates),
            SupervisionOrderVariables.EXTENSION_DECISION_DUE_DATE.from(dates)));
  }
}
