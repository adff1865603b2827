package org.safeguardingworkflows.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.legal.LegalPlanningVariables;
import org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.timescales.CalendarProperties;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the processes recorded about the briefing's recommendations (point 7), read from Camunda's history tables by
 * process key, activity id and variable name. Each figure's SQL is in one method here. The repeat-ICPC and legal
 * planning processes are built on other branches: their figures count zero until those processes have run.
 * Timestamps are compared with the period's days in the local authority's time zone.
 */
@Component
public class ProcessFigures {

  // Repeat ICPC pre-meeting (briefing point 7: TM, SM, IRO and legal discuss before a further ICPC).
  static final String REPEAT_ICPC = RepeatIcpcVariables.PROCESS_KEY;
  static final String DECISION = RepeatIcpcVariables.DECISION.name();
  static final String FOUR_PARTY_DISCUSSION_COMPLETE = RepeatIcpcVariables.FOUR_PARTY_DISCUSSION_COMPLETE.name();
  static final String OVERRIDE_USED = RepeatIcpcVariables.OVERRIDE_USED.name();
  static final String PREVIOUS_IRO_CHAIRS = RepeatIcpcVariables.PREVIOUS_IRO_CHAIRS.name();
  // Legal planning (briefing point 6: recommendations to a legal meeting or PLO were not progressed).
  static final String LEGAL_PLANNING = LegalPlanningVariables.PROCESS_KEY;
  static final String MEETING_DUE_DATE = LegalPlanningVariables.MEETING_DUE_DATE.name();
  static final String LEGAL_PLANNING_OUTCOME = LegalPlanningVariables.LEGAL_PLANNING_OUTCOME.name();
  // Step-down journey (briefing points 5 and 7).
  static final String STEP_DOWN = StepDownVariables.PROCESS_KEY;
  static final String HOLD_STEP_DOWN_MEETING = StepDownVariables.Elements.HOLD_STEP_DOWN_MEETING;
  static final String SUPERVISION = StepDownVariables.Elements.HOLD_MANAGEMENT_SUPERVISION;
  static final String CIN_REVIEW = StepDownVariables.Elements.REVIEW_CIN_SERVICES;
  static final String CONCERN_RAISED = ChildEvent.Kind.CONCERN_RAISED.name();
  /** The months after step-down by which concerns are counted. */
  static final int[] CONCERN_MONTHS = {3, 6, 12};

  /** A yes recorded as a boolean (Camunda Forms checkbox) or as text (TRUE / YES). */
  private static final String IS_YES = "((v.var_type_ = 'boolean' and v.long_ = 1) or (v.var_type_ = 'string' and upper(v.text_) in ('TRUE', 'YES')))";

  public record RepeatIcpc(long proposals, long fourPartyDiscussionBeforeScheduling, BigDecimal fourPartyDiscussionRate,
      long overridesUsed, long previousIroChaired, BigDecimal previousIroRate, Map<String, Long> decisions) {}

  public record StepDown(long endedPlans, long withMeetingAndContingency, BigDecimal meetingAndContingencyRate,
      long supervisionsDue, long supervisionsOnTime, BigDecimal supervisionsOnTimeRate,
      long reviewsDue, long reviewsOnTime, BigDecimal reviewsOnTimeRate,
      long concernsWithin3Months, long concernsWithin6Months, long concernsWithin12Months) {}

  public record LegalPlanning(long recommendations, long openPastDeadline) {}

  public record Figures(RepeatIcpc repeatIcpc, StepDown stepDown, LegalPlanning legalPlanning) {}

  private final JdbcClient jdbc;
  private final ZoneId zone;
  private final WorkingDays workingDays;

  public ProcessFigures(JdbcClient jdbc, CalendarProperties calendar, WorkingDays workingDays) {
    this.jdbc = jdbc;
    this.zone = calendar.zone();
    this.workingDays = workingDays;
  }

  public Figures of(LocalDate from, LocalDate to) {
    return new Figures(repeatIcpc(from, to), stepDown(from, to), legalPlanning(from, to));
  }

  /** Repeat-ICPC proposals started in the period, and what their pre-meetings recorded. */
  RepeatIcpc repeatIcpc(LocalDate from, LocalDate to) {
    long proposals = jdbc.sql("""
        select count(*) from act_hi_procinst p
        where p.proc_def_key_ = ? and p.start_time_ >= ? and p.start_time_ < ?""")
        .params(REPEAT_ICPC, startOf(from), startOf(to.plusDays(1)))
        .query(Long.class).single();
    long fourParty = proposalsWithYes(FOUR_PARTY_DISCUSSION_COMPLETE, from, to);
    long previousIro = proposalsWithYes(PREVIOUS_IRO_CHAIRS, from, to);
    Map<String, Long> decisions = new TreeMap<>();
    jdbc.sql("""
        select v.text_ as decision, count(distinct p.proc_inst_id_) as proposals
        from act_hi_procinst p join act_hi_varinst v on v.proc_inst_id_ = p.proc_inst_id_
        where p.proc_def_key_ = ? and p.start_time_ >= ? and p.start_time_ < ?
          and v.name_ = ? and v.var_type_ = 'string' and v.state_ = 'CREATED' and v.text_ is not null
        group by v.text_""")
        .params(REPEAT_ICPC, startOf(from), startOf(to.plusDays(1)), DECISION)
        .query(rs -> {
          decisions.put(rs.getString("decision"), rs.getLong("proposals"));
        });
    return new RepeatIcpc(proposals, fourParty, PlanFigures.rate(fourParty, proposals),
        proposalsWithYes(OVERRIDE_USED, from, to), previousIro, PlanFigures.rate(previousIro, proposals), decisions);
  }

  /** Repeat-ICPC proposals started in the period whose variable {@code name} says yes. */
  private long proposalsWithYes(String name, LocalDate from, LocalDate to) {
    return jdbc.sql("""
        select count(distinct p.proc_inst_id_)
        from act_hi_procinst p join act_hi_varinst v on v.proc_inst_id_ = p.proc_inst_id_
        where p.proc_def_key_ = ? and p.start_time_ >= ? and p.start_time_ < ?
          and v.name_ = ? and v.state_ = 'CREATED' and """ + IS_YES)
        .params(REPEAT_ICPC, startOf(from), startOf(to.plusDays(1)), name)
        .query(Long.class).single();
  }

  StepDown stepDown(LocalDate from, LocalDate to) {
    // Plans that ended in the period, and of those the ones whose step-down journey completed the step-down meeting
    // with a contingency plan (the meeting cannot complete without one for disengagement and for recurrence).
    long endedPlans = jdbc.sql("select count(*) from cp_plan c where c.plan_end between ? and ?")
        .params(from, to).query(Long.class).single();
    long withMeeting = jdbc.sql("""
        select count(*) from cp_plan c
        where c.plan_end between ? and ? and c.step_down_instance_id is not null
          and exists (select 1 from act_hi_taskinst t where t.proc_inst_id_ = c.step_down_instance_id
                      and t.task_def_key_ = ? and t.delete_reason_ = 'completed')
          and exists (select 1 from act_hi_varinst v where v.proc_inst_id_ = c.step_down_instance_id
                      and v.name_ = ? and v.state_ = 'CREATED')""")
        .params(from, to, HOLD_STEP_DOWN_MEETING, StepDownVariables.CONTINGENCY_PLAN.name())
        .query(Long.class).single();

    // Supervisions and CIN reviews of the watch period falling due in the period: on time when completed by their due
    // date. One still open and not yet due is not counted; one cancelled or completed late is not on time.
    Map<String, long[]> dueAndOnTime = new LinkedHashMap<>();
    dueAndOnTime.put(SUPERVISION, new long[2]);
    dueAndOnTime.put(CIN_REVIEW, new long[2]);
    Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
    jdbc.sql("""
        select t.task_def_key_ as task, count(*) as due,
               sum(case when t.delete_reason_ = 'completed' and t.end_time_ <= t.due_date_ then 1 else 0 end) as on_time
        from act_hi_taskinst t
        where t.proc_def_key_ = ? and t.task_def_key_ in (?, ?) and t.due_date_ >= ? and t.due_date_ < ?
          and not (t.end_time_ is null and t.due_date_ > ?)
        group by t.task_def_key_""")
        .params(STEP_DOWN, SUPERVISION, CIN_REVIEW, startOf(from), startOf(to.plusDays(1)), now)
        .query(rs -> {
          long[] counts = dueAndOnTime.get(rs.getString("task"));
          counts[0] = rs.getLong("due");
          counts[1] = rs.getLong("on_time");
        });

    // Concerns (disengagement, recurrence, new referral, consent withdrawn) raised about the children whose plans
    // ended in the period, by how soon after the plan ended, from the child record: during the step-down journey or
    // after it ended (a re-referral), until the child's next plan. The briefing saw difficulties re-emerge 3-6 months
    // after step-down.
    long[] concerns = new long[3];
    jdbc.sql("""
        select c.plan_end, e.occurred_on
        from cp_plan c
        join child_event e on e.child_ref = c.child_ref and e.kind = ? and e.occurred_on >= c.plan_end
        where c.plan_end between ? and ? and c.step_down_instance_id is not null
          and not exists (select 1 from cp_plan n
                          where n.child_ref = c.child_ref and n.plan_start > c.plan_end and n.plan_start <= e.occurred_on)""")
        .params(CONCERN_RAISED, from, to)
        .query(rs -> {
          LocalDate planEnd = rs.getDate("plan_end").toLocalDate();
          LocalDate raised = rs.getDate("occurred_on").toLocalDate();
          for (int i = 0; i < CONCERN_MONTHS.length; i++) {
            if (!raised.isAfter(planEnd.plusMonths(CONCERN_MONTHS[i]))) {
              concerns[i]++;
            }
          }
        });

    long[] supervisions = dueAndOnTime.get(SUPERVISION);
    long[] reviews = dueAndOnTime.get(CIN_REVIEW);
    return new StepDown(endedPlans, withMeeting, PlanFigures.rate(withMeeting, endedPlans),
        supervisions[0], supervisions[1], PlanFigures.rate(supervisions[1], supervisions[0]),
        reviews[0], reviews[1], PlanFigures.rate(reviews[1], reviews[0]), concerns[0], concerns[1], concerns[2]);
  }

  /**
   * Legal planning recommendations made in the period, and those still open (no outcome recorded, process not ended)
   * after their meeting was due.
   */
  LegalPlanning legalPlanning(LocalDate from, LocalDate to) {
    long[] counts = new long[2];
    LocalDate today = workingDays.today();
    jdbc.sql("""
        select p.proc_inst_id_, p.end_time_, due.var_type_ as due_type, due.text_ as due_text, due.long_ as due_long,
               (select count(*) from act_hi_varinst o where o.proc_inst_id_ = p.proc_inst_id_ and o.name_ = ?
                  and o.state_ = 'CREATED') as outcomes
        from act_hi_procinst p
        left join act_hi_varinst due on due.proc_inst_id_ = p.proc_inst_id_ and due.name_ = ? and due.state_ = 'CREATED'
        where p.proc_def_key_ = ? and p.start_time_ >= ? and p.start_time_ < ?""")
        .params(LEGAL_PLANNING_OUTCOME, MEETING_DUE_DATE, LEGAL_PLANNING, startOf(from), startOf(to.plusDays(1)))
        .query(rs -> {
          counts[0]++;
          boolean open = rs.getTimestamp("end_time_") == null && rs.getLong("outcomes") == 0;
          LocalDate due = dueDate(rs.getString("due_type"), rs.getString("due_text"), rs.getObject("due_long"));
          if (open && due != null && due.isBefore(today)) {
            counts[1]++;
          }
        });
    return new LegalPlanning(counts[0], counts[1]);
  }

  /** A due date stored as a Camunda date (epoch millis) or as ISO text (yyyy-MM-dd...); null when unreadable. */
  private LocalDate dueDate(String type, String text, Object millis) {
    if ("date".equals(type) && millis instanceof Number number) {
      return workingDays.localDate(new Date(number.longValue()));
    }
    if (text != null && text.length() >= 10) {
      try {
        return LocalDate.parse(text.substring(0, 10));
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private Timestamp startOf(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(zone).toInstant());
  }
}
