package org.safeguardingworkflows.supervisionorder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.safeguardingworkflows.platform.RunningInstances;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.validation.StartRules;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The rules a supervision order must meet to be recorded, whichever way it arrives (domain API, Tasklist start
 * form, engine REST): a real child reference, a date that has passed, a length of 1 to 12 months (Children Act
 * 1989 Sch 3 para 6: an order lasts at most a year when made), never beyond three years from the date it was
 * made, an order that is still running, and a social worker to supervise it.
 */
@Component
public class SupervisionOrderRules extends StartRules<SupervisionOrderMade> {

  private final Teams teams;
  private final WorkingDays workingDays;
  private final SupervisionOrderSettings settings;

  public SupervisionOrderRules(FieldRules fieldRules, RunningInstances runningInstances, WorkingDays workingDays,
      SupervisionOrderSettings settings, Teams teams) {
    super(fieldRules, runningInstances, SupervisionOrderVariables.PROCESS_KEY);
    this.teams = teams;
    this.workingDays = workingDays;
    this.settings = settings;
  }

  /**
   * The rules that need the settings, the date or other records: the length, the three-year limit, an order still in
   * force, the worker's team.
   */
  @Override
  protected void addRulesAcrossRecords(SupervisionOrderMade order, List<FieldProblem> problems) {
    LocalDate orderDate = refused("orderDate", problems) ? null : LocalDate.parse(order.orderDate());
    int months = order.lengthOrDefault(settings.getDefaultLengthMonths());
    boolean lengthValid = months >= 1 && months <= settings.getMaxLengthMonths();
    if (!lengthValid) {
      problems.add(new FieldProblem("lengthMonths", "range",
          "lengthMonths must be a whole number of months from 1 to " + settings.getMaxLengthMonths()
              + " (leave it out for " + settings.getDefaultLengthMonths() + ")."));
    }
    if (orderDate != null && lengthValid) {
      LocalDate end = OrderDates.end(orderDate, months);
      LocalDate latest = OrderDates.latestPermittedEnd(orderDate, settings);
      if (end.isAfter(latest)) {
        problems.add(new FieldProblem("lengthMonths", "three-year-limit",
            "A supervision order can never run beyond 3 years from the date it was made: the latest permitted end date is "
                + OrderDates.inWords(latest) + "."));
      } else if (end.isBefore(workingDays.today())) {
        problems.add(new FieldProblem("orderDate", "order-ended",
            "The order ended on " + OrderDates.inWords(end) + ": only an order that is still in force can be supervised."));
      }
    }
    teams.checkHasOneTeam(order.allocatedWorker(), "allocatedWorker", problems);
  }

  /** The supervision order process running for this child, if any (one at a time). */
  public Optional<String> openOrder(String childRef, String exceptInstanceId) {
    return running(childRef, exceptInstanceId);
  }
}
