package org.safeguardingworkflows.supervisionorder;

import jakarta.validation.constraints.NotBlank;
import java.util.Map;

import org.safeguardingworkflows.platform.validation.ChildReference;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.validation.IsoDate;
import org.safeguardingworkflows.platform.validation.NotInFuture;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.StaffInRole;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What starts the supervision order process: the court has made a supervision order. The length is in whole
 * months (default from settings when not given); the date arrives as text so that a malformed date is reported
 * against its field like any other invalid value.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SupervisionOrderMade(
    @ChildReference String childRef,
    @NotBlank(message = FieldRules.REQUIRED) @IsoDate
    @NotInFuture(advice = "record the order once the court has made it") String orderDate,
    // Its limits come from settings: SupervisionOrderRules checks it.
    Integer lengthMonths,
    @NotBlank(message = FieldRules.REQUIRED) @StaffInRole(Role.SOCIAL_WORKERS) String allocatedWorker) {

  /** From the variables a start form or engine REST call sent; a length that is not a whole number becomes 0. */
  static SupervisionOrderMade from(Map<String, Object> variables) {
    String length = SupervisionOrderVariables.LENGTH_MONTHS.textFrom(variables);
    Integer months = null;
    if (length != null && !length.isBlank()) {
      Integer whole = SupervisionOrderVariables.LENGTH_MONTHS.from(variables);
      // Not a whole number: 0 is outside every permitted length, so the rules refuse it with their own message.
      months = whole == null ? Integer.valueOf(0) : whole;
    }
    return new SupervisionOrderMade(SupervisionOrderVariables.CHILD_REF.textFrom(variables),
        SupervisionOrderVariables.ORDER_DATE.textFrom(variables), months,
        SupervisionOrderVariables.ALLOCATED_WORKER.textFrom(variables));
  }

  int lengthOrDefault(int defaultMonths) {
    return lengthMonths == null ? defaultMonths : lengthMonths;
  }
}
