package org.safeguardingworkflows.deployments;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The only beans, besides the application's own delegates, that a deployed diagram may name in an expression.
 * Each is the application's own code and is safe to call with any arguments from a process owner's diagram: it
 * reads configuration or computes a date, and changes nothing. Adding a helper here is a code change, reviewed like
 * one; a diagram alone can never widen what expressions reach.
 */
public final class TrustedHelpers {

  /**
   * A helper bean and what a diagram may use of it.
   *
   * @param bean the Spring bean name used in expressions
   * @param methods the methods a diagram may call (none: properties only)
   * @param readsProperties whether {@code ${bean.property}} reads are allowed (getters of configuration beans)
   * @param why why a diagram needs it, and why it is harmless
   */
  public record Helper(String bean, Set<String> methods, boolean readsProperties, String why) {}

  public static final List<Helper> HELPERS = List.of(
      new Helper("workingDays", Set.of("after", "fromToday"), false,
          "Deadlines in working days (England and Wales bank holidays), so a task's due date and its escalation "
              + "timer come from the same calculation; returns a date and changes nothing."),
      new Helper("calendarDates", Set.of("endOfDay", "after", "dayFromToday"), false,
          "Calendar deadlines (end of a day, a date plus an ISO period, the date a period from today) in the service's "
              + "time zone; returns a date and changes nothing."),
      new Helper("stepDownSettings", Set.of(), true,
          "The step-down journey's timescales from configuration (safeguarding.step-down), so durations are never "
              + "literals in the diagram; read only: its setters are not reachable because only property reads are allowed."),
      new Helper("repeatIcpcSettings", Set.of(), true,
          "The repeat-ICPC discussion's timescales from configuration (safeguarding.repeat-icpc); read only."),
      new Helper("legalPlanningSettings", Set.of(), true,
          "Legal planning and Public Law Outline timescales from configuration (safeguarding.legal-planning); read only."),
      new Helper("supervisionOrderSettings", Set.of(), true,
          "Supervision order timescales from configuration (safeguarding.supervision-order); read only."),
      new Helper("concernSettings", Set.of(), true,
          "Timescales of a concern raised about a child from configuration (safeguarding.concerns); read only."),
      new Helper("lifeEventSettings", Set.of(), true,
          "Timescales after a life event that ends or moves a child's work from configuration (safeguarding.life-events); read only."));

  private TrustedHelpers() {
  }

  public static Optional<Helper> named(String bean) {
    return HELPERS.stream().filter(helper -> helper.bean().equals(bean)).findFirst();
  }
}
