package org.safeguardingworkflows.planhistory;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The child's plan history ({@code cp_plan}): written by the processes inside the engine's transaction (same
 * data source), read by the APIs and the audit report.
 */
@Repository
public class PlanHistory {

  private final JdbcClient jdbc;

  public PlanHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<CpPlan> plansOf(String childRef) {
    return jdbc.sql("select * from cp_plan where child_ref = ? order by plan_start")
        .param(childRef)
        .query(PlanHistory::toPlan)
        .list();
  }

  /** The plan of this child that overlaps the given period, other than the one starting on {@code start}. */
  public Optional<CpPlan> overlappingPlan(String childRef, LocalDate start, LocalDate end) {
    return plansOf(childRef).stream()
        .filter(plan -> !plan.planStart().equals(start))
        .filter(plan -> plan.overlaps(start, end))
        .findFirst();
  }

  public Optional<CpPlan> planStartingOn(String childRef, LocalDate start) {
    return plansOf(childRef).stream().filter(plan -> plan.planStart().equals(start)).findFirst();
  }

  public long insert(CpPlan plan) {
    jdbc.sql("""
        insert into cp_plan (child_ref, plan_start, plan_end, initial_category, latest_category, iro,
                             step_down_destination, step_down_outcome, step_down_instance_id, source, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(plan.childRef(), Date.valueOf(plan.planStart()), plan.planEnd() == null ? null : Date.valueOf(plan.planEnd()),
            plan.initialCategory(), plan.latestCategory(), plan.iro(), plan.stepDownDestination(),
            plan.stepDownOutcome(), plan.stepDownInstanceId(), plan.source().name(), now())
        .update();
    return planStartingOn(plan.childRef(), plan.planStart()).orElseThrow().id();
  }

  /** A plan that was open (or imported) ends, and the step-down journey after it begins. */
  public void recordEnd(long planId, LocalDate planEnd, String latestCategory, String destination, String instanceId) {
    jdbc.sql("""
        update cp_plan set plan_end = ?, latest_category = ?, step_down_destination = ?, step_down_instance_id = ?
        where id = ?""")
        .params(Date.valueOf(planEnd), latestCategory, destination, instanceId, planId)
        .update();
  }

  public void recordStepDownOutcome(String stepDownInstanceId, String outcome) {
    jdbc.sql("update cp_plan set step_down_outcome = ? where step_down_instance_id = ?")
        .params(outcome, stepDownInstanceId)
        .update();
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static CpPlan toPlan(ResultSet rs, int row) throws SQLException {
    Date end = rs.getDate("plan_end");
    return new CpPlan(rs.getLong("id"), rs.getString("child_ref"), rs.getDate("plan_start").toLocalDate(),
        end == null ? null : end.toLocalDate(), rs.getString("initial_category"), rs.getString("latest_category"),
        rs.getString("iro"), rs.getString("step_down_destination"), rs.getString("step_down_outcome"),
        rs.getString("step_down_instance_id"), CpPlan.Source.valueOf(rs.getString("source")));
  }
}
