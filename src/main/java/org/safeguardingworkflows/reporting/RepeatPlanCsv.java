package org.safeguardingworkflows.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as CSV for a spreadsheet: one row per figure, with this period, the previous year and the change.
 * Values are figures and codes; any text from a process is quoted and kept from being read as a formula.
 */
public final class RepeatPlanCsv {

  public static final String HEADER = "figure,this_period,previous_period,change_percent";

  private RepeatPlanCsv() {
  }

  public static String of(RepeatPlanReport.Report report) {
    PlanFigures before = report.previousPeriod();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(HEADER.split(",")));
    row(rows, "from", report.from(), before.from(), null);
    row(rows, "to", report.to(), before.to(), null);
    row(rows, "plans_started", report.plansStarted(), before.plansStarted(), null);
    row(rows, "repeat_plans", report.repeatPlans(), before.repeatPlans(), report.change().repeatPlans());
    row(rows, "repeat_rate", report.repeatRate(), before.repeatRate(), null);
    row(rows, "repeat_plans_within_2_years", report.repeatPlansWithin2Years(), before.repeatPlansWithin2Years(),
        report.change().repeatPlansWithin2Years());
    row(rows, "repeat_rate_within_2_years", report.repeatRateWithin2Years(), before.repeatRateWithin2Years(), null);
    row(rows, "children_with_repeat_plan", report.childrenWithRepeatPlan(), before.childrenWithRepeatPlan(), null);
    row(rows, "children_starting_a_plan", report.nationalMeasure().childrenStartingAPlan(), before.childrenStartingAPlan(), null);
    row(rows, "child_repeat_rate", report.nationalMeasure().childRepeatRate(),
        PlanFigures.rate(before.childrenWithRepeatPlan(), before.childrenStartingAPlan()), null);
    row(rows, "repeat_plans_from_number_of_previous_cpp", report.repeatPlansFromNumberOfPreviousCpp(),
        before.repeatPlansFromNumberOfPreviousCpp(), null);
    row(rows, "third_or_later_plans", report.thirdOrLaterPlans(), before.thirdOrLaterPlans(), null);
    row(rows, "mean_months_between_plans", report.meanMonthsBetweenPlans(), before.meanMonthsBetweenPlans(), null);
    row(rows, "median_months_between_plans", report.medianMonthsBetweenPlans(), before.medianMonthsBetweenPlans(), null);
    for (Map.Entry<String, Long> category : report.byCategory().entrySet()) {
      row(rows, "repeat_plans_category_" + category.getKey(), category.getValue(),
          before.byCategory().get(category.getKey()), null);
    }
    ProcessFigures.RepeatIcpc icpc = report.processes().repeatIcpc();
    row(rows, "repeat_icpc_proposals", icpc.proposals(), null, null);
    row(rows, "repeat_icpc_four_party_discussion_before_scheduling", icpc.fourPartyDiscussionBeforeScheduling(), null, null);
    row(rows, "repeat_icpc_four_party_discussion_rate", icpc.fourPartyDiscussionRate(), null, null);
    row(rows, "repeat_icpc_overrides_used", icpc.overridesUsed(), null, null);
    row(rows, "repeat_icpc_previous_iro_chaired", icpc.previousIroChaired(), null, null);
    row(rows, "repeat_icpc_previous_iro_rate", icpc.previousIroRate(), null, null);
    for (Map.Entry<String, Long> decision : icpc.decisions().entrySet()) {
      row(rows, "repeat_icpc_decision_" + decision.getKey(), decision.getValue(), null, null);
    }
    ProcessFigures.StepDown stepDown = report.processes().stepDown();
    row(rows, "ended_plans", stepDown.endedPlans(), null, null);
    row(rows, "ended_plans_with_meeting_and_contingency", stepDown.withMeetingAndContingency(), null, null);
    row(rows, "ended_plans_with_meeting_and_contingency_rate", stepDown.meetingAndContingencyRate(), null, null);
    row(rows, "supervisions_due", stepDown.supervisionsDue(), null, null);
    row(rows, "supervisions_on_time", stepDown.supervisionsOnTime(), null, null);
    row(rows, "supervisions_on_time_rate", stepDown.supervisionsOnTimeRate(), null, null);
    row(rows, "cin_reviews_due", stepDown.reviewsDue(), null, null);
    row(rows, "cin_reviews_on_time", stepDown.reviewsOnTime(), null, null);
    row(rows, "cin_reviews_on_time_rate", stepDown.reviewsOnTimeRate(), null, null);
    row(rows, "concerns_within_3_months_of_step_down", stepDown.concernsWithin3Months(), null, null);
    row(rows, "concerns_within_6_months_of_step_down", stepDown.concernsWithin6Months(), null, null);
    row(rows, "concerns_within_12_months_of_step_down", stepDown.concernsWithin12Months(), null, null);
    ProcessFigures.LegalPlanning legal = report.processes().legalPlanning();
    row(rows, "legal_planning_recommendations", legal.recommendations(), null, null);
    row(rows, "legal_planning_open_past_deadline", legal.openPastDeadline(), null, null);
    StringBuilder csv = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return csv.toString();
  }

  private static void row(List<List<String>> rows, String figure, Object now, Object before, Object change) {
    rows.add(List.of(cell(figure), cell(now), cell(before), cell(change)));
  }

  /** A cell's text: empty for nothing, never starting like a spreadsheet formula (Commons CSV quotes it as needed). */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return text;
  }
}
