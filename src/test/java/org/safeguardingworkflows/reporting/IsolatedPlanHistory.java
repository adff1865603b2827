package org.safeguardingworkflows.reporting;

import java.time.LocalDate;
import java.util.function.Function;

import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a report on constructed data only: inside one transaction the plan history is emptied, the test's plans are
 * written and the report is read, then everything rolls back. Other tests' plans neither disturb the hand-computed
 * answers nor are disturbed.
 */
final class IsolatedPlanHistory {

  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;
  private final PlanHistory planHistory;

  IsolatedPlanHistory(PlatformTransactionManager transactionManager, JdbcClient jdbc, PlanHistory planHistory) {
    this.transaction = new TransactionTemplate(transactionManager);
    this.jdbc = jdbc;
    this.planHistory = planHistory;
  }

  <T> T with(Function<IsolatedPlanHistory, T> work) {
    return transaction.execute(status -> {
      status.setRollbackOnly();
      jdbc.sql("delete from cp_plan").update();
      return work.apply(this);
    });
  }

  /** A plan of a child; {@code end} null for an open plan. */
  IsolatedPlanHistory plan(String childRef, String start, String end, String initialCategory) {
    planHistory.insert(new CpPlan(null, childRef, LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
        initialCategory, initialCategory, "iro.one", null, null, null, CpPlan.Source.IMPORT));
    return this;
  }
}
