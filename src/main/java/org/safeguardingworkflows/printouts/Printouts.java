package org.safeguardingworkflows.printouts;

import static org.safeguardingworkflows.pages.StaffPage.date;
import static org.safeguardingworkflows.pages.StaffPage.text;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.safeguardingworkflows.branding.Branding;
import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.children.ChildVisibility;
import org.safeguardingworkflows.pages.RecordedAnswers;
import org.safeguardingworkflows.pages.StaffPage;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.repeaticpc.ChildHistory;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two pages made to be printed, both from the child record, behind the webapps' login and with the child record's
 * visibility (a child the caller may not see answers 404, as the API does):
 * <ul>
 *   <li>{@code /pages/children/{childRef}/contingency-plan}: the contingency plan agreed at the last step-down meeting,
 *   for the family (briefing point 1: written down before the plan ends, and shared), in plain words, without the
 *   application's codes or ids;</li>
 *   <li>{@code /pages/children/{childRef}/history-pack}: the history in front of the four parties and the conference
 *   before a repeat ICPC (briefing point 6), the same {@link ChildHistory} the discussion's forms show.</li>
 * </ul>
 */
@RestController
public class Printouts {

  /** The contingency plan's triggers and agencies, in words a family reads (the form's codes, never shown). */
  static final Map<String, String> TRIGGERS = Map.of(
      "DISENGAGEMENT", "If the family stops working with the services",
      "RECURRENCE", "If the worries that led to the child protection plan come back",
      "NEW_REFERRAL", "If someone tells children's services about a new worry",
      "OTHER", "If something else happens");
  static final Map<String, String> AGENCIES = Map.of(
      "SCHOOL", "School",
      "HEALTH", "Health (GP, health visitor, school nurse)",
      "POLICE", "Police",
      "EARLY_HELP", "Early help",
      "OTHER", "Others, named above");

  private final ChildVisibility visibility;
  private final ChildRecord record;
  private final PlanHistory planHistory;
  private final ChildHistory childHistory;
  private final WorkingDays workingDays;
  private final Branding branding;

  public Printouts(ChildVisibility visibility, ChildRecord record, PlanHistory planHistory, ChildHistory childHistory,
      WorkingDays workingDays, Branding branding) {
    this.visibility = visibility;
    this.record = record;
    this.planHistory = planHistory;
    this.childHistory = childHistory;
    this.workingDays = workingDays;
    this.branding = branding;
  }

  @GetMapping("/pages/children/{childRef}/contingency-plan")
  ResponseEntity<String> contingencyPlan(@PathVariable String childRef) {
    requireVisible(childRef);
    List<ChildEvent> meetings = record.entriesOf(childRef, ChildEvent.Kind.STEP_DOWN_MEETING);
    StringBuilder main = new StringBuilder("<h1>What happens if things go wrong: your family's contingency plan</h1>");
    main.append("<p class=\"no-print\"><button type=\"button\" class=\"print-button\" onclick=\"window.print()\">Print this plan</button></p>");
    if (meetings.isEmpty()) {
      main.append("<p data-contingency=\"none\">No contingency plan has been agreed yet. It is agreed at the meeting "
          + "held before the child protection plan ends.</p>");
      return html("Contingency plan", main.toString());
    }
    Map<String, Object> meeting = meetings.get(0).details();
    main.append("<p>This plan was agreed at the meeting on ").append(text(date(StepDownVariables.MEETING_DATE.optionalFrom(meeting).orElse(meetings.get(0).date()))))
        .append(", when the child protection plan was ending. It says what will happen, and who will act, if things "
            + "become difficult again. Please keep it, and ask your social worker if anything in it is not clear.</p>");
    main.append("<h2>If things become difficult again</h2>");
    List<Map<String, Object>> plan = StepDownVariables.CONTINGENCY_PLAN.from(meeting);
    main.append("<table data-contingency=\"").append(plan.size()).append("\"><caption>Your contingency plan</caption><thead><tr>")
        .append("<th scope=\"col\">If this happens</th><th scope=\"col\">What will happen</th><th scope=\"col\">Who will act</th>")
        .append("<th scope=\"col\">Who else knows about this part</th></tr></thead><tbody>");
    for (Map<String, Object> row : plan) {
      String trigger = String.valueOf(row.get("trigger"));
      main.append("<tr><th scope=\"row\">").append(text(TRIGGERS.getOrDefault(trigger, "If something else happens")))
          .append("</th><td>").append(text(row.get("response"))).append("</td><td>").append(text(row.get("whoActs")))
          .append("</td><td>").append(text(agencies(row.get("heldBy")))).append("</td></tr>");
    }
    main.append("</tbody></table>");
    List<Map<String, Object>> services = StepDownVariables.SERVICES.from(meeting);
    if (!services.isEmpty()) {
      main.append("<h2>Services that keep working with your family</h2><ul>");
      services.forEach(service -> main.append("<li><strong>").append(text(service.get("provider"))).append("</strong>: ")
          .append(text(service.get("purpose"))).append("</li>"));
      main.append("</ul>");
    }
    main.append("<p class=\"note\">Printed on ").append(date(workingDays.today())).append(" by ")
        .append(text(branding.councilName())).append(" children's services.</p>");
    return html("Contingency plan", main.toString());
  }

  @GetMapping("/pages/children/{childRef}/history-pack")
  ResponseEntity<String> historyPack(@PathVariable String childRef) {
    requireVisible(childRef);
    LocalDate today = workingDays.today();
    StringBuilder main = new StringBuilder("<h1>History pack for the conference: ").append(text(childRef)).append("</h1>");
    main.append("<p class=\"no-print\"><button type=\"button\" class=\"print-button\" onclick=\"window.print()\">Print this pack</button></p>");
    boolean endedPlan = planHistory.plansOf(childRef).stream().anyMatch(plan -> !plan.isOpen())
        || !record.entriesOf(childRef, ChildEvent.Kind.OTHER_AUTHORITY_PLAN).isEmpty();
    if (!endedPlan) {
      main.append("<p data-history=\"none\">The child has no ended child protection plan on record: a conference now "
          + "would not be a repeat conference.</p>");
      return html("History pack " + childRef, main.toString());
    }
    ChildHistory.Snapshot history = childHistory.of(childRef, today);
    main.append("<p>As on ").append(date(today)).append(". From the child's record.</p>");
    main.append("<h2>Summary</h2><dl class=\"details\" data-history=\"summary\">")
        .append("<dt>Previous plans</dt><dd>").append(history.numberOfPreviousPlans()).append("</dd>")
        .append("<dt>Last plan ended</dt><dd>").append(date(history.lastPlanEnd())).append("</dd>")
        .append("<dt>Months since then</dt><dd>").append(history.monthsSinceLastPlan()).append("</dd>")
        .append("<dt>Within the repeat window</dt><dd>").append(history.withinRepeatWindow() ? "Yes" : "No").append("</dd>")
        .append("<dt>Previous plan's IRO</dt><dd>").append(text(history.previousIro() == null ? "not recorded" : history.previousIro())).append("</dd>")
        .append("<dt>Same IRO available to chair</dt><dd>").append(history.continuityIro() == null ? "No" : "Yes, " + text(history.continuityIro())).append("</dd>")
        .append("<dt>Changes of social worker in the last step-down</dt><dd>")
        .append(history.workerChangesDuringStepDown() == null ? "no step-down recorded" : history.workerChangesDuringStepDown()).append("</dd></dl>");
    main.append("<h2>Previous plans</h2><table data-history=\"plans\"><caption>Previous child protection plans, oldest first</caption><thead><tr>")
        .append("<th scope=\"col\">Started</th><th scope=\"col\">Ended</th><th scope=\"col\">Category at the start</th>")
        .append("<th scope=\"col\">Category at the end</th><th scope=\"col\">IRO or authority</th><th scope=\"col\">Stepped down to</th>")
        .append("<th scope=\"col\">Outcome</th></tr></thead><tbody>");
    for (Map<String, Object> plan : history.planRows()) {
      main.append("<tr><td>").append(date((Object) plan.get("planStart"))).append("</td><td>").append(date((Object) plan.get("planEnd")))
          .append("</td><td>").append(text(category(plan.get("initialCategory"))))
          .append("</td><td>").append(text(category(plan.get("latestCategory")))).append("</td><td>")
          .append(text(plan.containsKey("heldBy") ? plan.get("heldBy") : plan.get("iro"))).append("</td><td>")
          .append(text(RecordedAnswers.words((String) plan.get("stepDownDestination")))).append("</td><td>")
          .append(text(plan.get("stepDownOutcome"))).append("</td></tr>");
    }
    main.append("</tbody></table>");
    main.append("<h2>The last step-down: its contingency plan</h2>");
    if (history.lastContingencyPlan().isEmpty()) {
      main.append("<p>No contingency plan was recorded.</p>");
    } else {
      main.append("<ul data-history=\"contingency\">");
      history.lastContingencyPlan().forEach(row -> main.append("<li>").append(RecordedAnswers.details(row)).append("</li>"));
      main.append("</ul>");
    }
    main.append("<h2>Concerns raised during the last step-down, and the decisions on them</h2>");
    if (history.lastStepDownConcerns().isEmpty()) {
      main.append("<p>None recorded.</p>");
    } else {
      main.append("<ul data-history=\"concerns\">");
      history.lastStepDownConcerns().forEach(row -> main.append("<li>").append(RecordedAnswers.details(row)).append("</li>"));
      main.append("</ul>");
    }
    return html("History pack " + childRef, main.toString());
  }

  private void requireVisible(String childRef) {
    if (!visibility.isKnown(childRef) || !visibility.callerMaySee(childRef)) {
      throw ApiProblem.notFound("Child " + childRef + " is not known.");
    }
  }

  private ResponseEntity<String> html(String title, String main) {
    return ResponseEntity.ok().header("Content-Type", StaffPage.HTML).body(StaffPage.page(branding, title, main));
  }

  private static String category(Object code) {
    return code == null ? "" : switch (String.valueOf(code)) {
      case "NEG" -> "Neglect";
      case "PHY" -> "Physical abuse";
      case "SAB" -> "Sexual abuse";
      case "EMO" -> "Emotional abuse";
      case "MUL" -> "Multiple";
      default -> String.valueOf(code);
    };
  }

  private static String agencies(Object heldBy) {
    if (!(heldBy instanceof Collection<?> codes) || codes.isEmpty()) {
      return "";
    }
    return String.join(", ", codes.stream().map(code -> AGENCIES.getOrDefault(String.valueOf(code), String.valueOf(code))).toList());
  }
}
