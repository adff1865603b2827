package org.safeguardingworkflows.planhistory;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The child's plan history ({@code cp_plan}): written by the processes inside the engine's transaction (same
 * data source) and by imports, read by the APIs and the audit report. Every write numbers the child's plans again in
 * the same transaction ({@link #NUMBER_PLANS}), so the report reads each plan's number and the previous plan's end
 * from the plan's own row.
 */
@Repository
public class PlanHistory {

  /** Stands for "still open" when an open plan is compared with dates (CIN census: an open plan runs on). */
  private static final String OPEN_END = "DATE '9999-12-31'";

  /**
   * Sets each plan's number among the child's plans (1 for the first, by start date) and the end of the child's
   * previous plan (the one that started last before it; null for a first plan or when that plan is still open), for
   * the plans of the children chosen by the condition completing it. A plan recorded or imported before plans already
   * held renumbers those. Liquibase changeset 004-plan-numbers numbered the plans already recorded the same way.
   * Writers first take the child's lock ({@link #lockChild}): two transactions adding plans for the same child at
   * once then number one after the other, each seeing the other's plan.
   */
  static final String NUMBER_PLANS = """
      update cp_plan p
      set plan_number = (select count(*) from cp_plan e
                         where e.child_ref = p.child_ref and e.plan_start <= p.plan_start),
          previous_plan_end = (select e.plan_end from cp_plan e
                               where e.child_ref = p.child_ref
                                 and e.plan_start = (select max(x.plan_start) from cp_plan x
                                                     where x.child_ref = p.child_ref and x.plan_start < p.plan_start))
      where\s""";

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  /**
   * PostgreSQL, as in real deployments, rather than the demo's H2: the statement creating a child's lock row is
   * written in each one's dialect, and only PostgreSQL's import refreshes the staging table's statistics (H2 plans
   * without them, and its ANALYZE, like all its DDL, would commit the import half-way).
   */
  private final boolean postgres;

  public PlanHistory(JdbcTemplate jdbcTemplate) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.batches = jdbcTemplate;
    String database = jdbcTemplate.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
    this.postgres = "PostgreSQL".equals(database);
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
    lockChild(plan.childRef());
    jdbc.sql("""
        insert into cp_plan (child_ref, plan_start, plan_end, initial_category, latest_category, iro,
                             step_down_destination, step_down_outcome, step_down_instance_id, source, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(plan.childRef(), Date.valueOf(plan.planStart()), plan.planEnd() == null ? null : Date.valueOf(plan.planEnd()),
            plan.initialCategory(), plan.latestCategory(), plan.iro(), plan.stepDownDestination(),
            plan.stepDownOutcome(), plan.stepDownInstanceId(), plan.source().name(), now())
        .update();
    numberPlansOf(plan.childRef());
    return planStartingOn(plan.childRef(), plan.planStart()).orElseThrow().id();
  }

  /** A plan that was open (or imported) ends, and the step-down journey after it begins. */
  public void recordEnd(long planId, LocalDate planEnd, String latestCategory, String destination, String instanceId) {
    String childRef = jdbc.sql("select child_ref from cp_plan where id = ?").param(planId).query(String.class).single();
    lockChild(childRef);
    jdbc.sql("""
        update cp_plan set plan_end = ?, latest_category = ?, step_down_destination = ?, step_down_instance_id = ?
        where id = ?""")
        .params(Date.valueOf(planEnd), latestCategory, destination, instanceId, planId)
        .update();
    // The end is the next plan's "previous plan end" (there is none while the plan was open, but an imported plan
    // may be recorded again with another end).
    numberPlansOf(childRef);
  }

  /**
   * Until the transaction ends, the child's lock: its row in {@code child_lock} (Liquibase changeset 008-child-lock),
   * locked for update, on PostgreSQL and H2 alike, by every node. Under read committed, a writer that waited here
   * reads what the other writer committed meanwhile in its next statement: without the wait, the renumbering's
   * subqueries would not see a plan committed while they ran, and two checks of a one-per-child rule would both pass.
   *
   * <p>Each process's first step takes it too, before its one-per-child check: two starts for the same child then run
   * one after the other, and the second sees the first's journey (a 201 for each of two parallel identical starts,
   * two journeys for one child, was seen without it). A plan history import takes the locks of every child in its
   * file ({@link #lockChildrenOfImport}).
   */
  public void lockChild(String childRef) {
    Set<String> held = childLocksOfThisTransaction();
    if (held.contains(childRef)) {
      return;
    }
    boolean locked = !jdbc.sql("select child_ref from child_lock where child_ref = ? for update")
        .param(childRef).query(String.class).list().isEmpty();
    if (!locked) {
      // The child's first writer creates the row, locked. Another transaction creating it at the same moment makes
      // this statement wait for that one to end, then lock the row it committed (an insert alone would fail).
      jdbc.sql(postgres ? ADD_LOCKED_ROW_POSTGRES : ADD_LOCKED_ROW_H2).param(childRef).update();
    }
    held.add(childRef);
  }

  /** Creates the child's lock row, or locks it when it exists or another transaction has just created it. */
  private static final String ADD_LOCKED_ROW_POSTGRES =
      "insert into child_lock (child_ref) values (?) on conflict (child_ref) do update set child_ref = excluded.child_ref";
  /** H2's MERGE waits for a transaction that inserted the key, then updates (locks) the row. */
  private static final String ADD_LOCKED_ROW_H2 = "merge into child_lock key (child_ref) values (?)";

  /**
   * Until the import's transaction ends, no plan is recorded for any child of the staged file: the import checks the
   * file against the recorded history and numbers those children's plans. Journeys recording a plan for one of them
   * meanwhile wait for it (about 5 seconds for 100,000 lines). The rows are locked in the order of the references,
   * so two imports sharing children wait for each other instead of deadlocking.
   */
  public void lockChildrenOfImport(String importId) {
    jdbc.sql(postgres ? """
        insert into child_lock (child_ref)
        select distinct child_ref from cp_plan_import_line where import_id = ? order by child_ref
        on conflict (child_ref) do nothing""" : """
        merge into child_lock key (child_ref)
        select distinct child_ref from cp_plan_import_line where import_id = ? order by child_ref""")
        .param(importId).update();
    jdbc.sql("""
        select child_ref from child_lock
        where child_ref in (select s.child_ref from cp_plan_import_line s where s.import_id = ?)
        order by child_ref for update""")
        .param(importId).query(String.class).list();
  }

  /**
   * The children this transaction has locked: each lock is taken once per transaction, though every write for the
   * child asks for it. Outside a transaction (a statement on its own) nothing is remembered.
   */
  private static Set<String> childLocksOfThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashSet<>();
    }
    @SuppressWarnings("unchecked")
    Set<String> held = (Set<String>) TransactionSynchronizationManager.getResource(CHILD_LOCKS_HELD);
    if (held == null) {
      Set<String> locks = new HashSet<>();
      TransactionSynchronizationManager.bindResource(CHILD_LOCKS_HELD, locks);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(CHILD_LOCKS_HELD);
        }
      });
      held = locks;
    }
    return held;
  }

  private static final String CHILD_LOCKS_HELD = PlanHistory.class.getName() + ".childLocksHeld";

  private void numberPlansOf(String childRef) {
    jdbc.sql(NUMBER_PLANS + "p.child_ref = ?").param(childRef).update();
  }

  public void recordStepDownOutcome(String stepDownInstanceId, String outcome) {
    jdbc.sql("update cp_plan set step_down_outcome = ? where step_down_instance_id = ?")
        .params(outcome, stepDownInstanceId)
        .update();
  }

  // ---- Import: lines are staged in cp_plan_import_line, checked with SQL, then copied in one statement ----

  /** One line of an import file, as staged for the checks that need the whole file and the recorded history. */
  public record ImportLine(long lineNo, String childRef, LocalDate planStart, LocalDate planEnd, String initialCategory,
      String latestCategory, String iro) {}

  /** A staged line that breaks a rule of the plan history; {@code rule} is the stable code the API reports. */
  public record ImportConflict(long lineNo, String rule, String message) {}

  /** Writes one batch of lines to the staging table (one JDBC batch; the caller bounds the batch size). */
  public void stage(String importId, List<ImportLine> lines) {
    batches.batchUpdate("""
        insert into cp_plan_import_line (import_id, line_no, child_ref, plan_start, plan_end, initial_category,
                                         latest_category, iro)
        values (?, ?, ?, ?, ?, ?, ?, ?)""",
        lines.stream().map(line -> new Object[] {importId, line.lineNo(), line.childRef(), Date.valueOf(line.planStart()),
            line.planEnd() == null ? null : Date.valueOf(line.planEnd()), line.initialCategory(), line.latestCategory(),
            line.iro()}).toList());
  }

  /**
   * Every staged line that cannot join the history, streamed to {@code sink}. The rules are the DfE CIN census
   * validator's: a child has at most one open plan and a child's plans never overlap (an open plan runs until further
   * notice; a plan ending on the day another starts overlaps it, as {@link CpPlan#overlaps} says). A line for a plan
   * already recorded (same child and start) must say what the history says: re-importing a file changes nothing, and
   * an import never silently rewrites a recorded plan.
   */
  public void stagedConflicts(String importId, Consumer<ImportConflict> sink) {
    // The staging table is empty between imports, so its statistics (autoanalyze) often say so; planned from those,
    // the self-joins below become nested loops over every staged line (a 100,000-line file then ran for more than
    // 25 minutes in the shared test database, found by the performance benchmark). Statistics of the lines just
    // staged (ANALYZE sees this transaction's own rows) keep them hash joins.
    if (postgres) {
      jdbc.sql("analyze cp_plan_import_line").update();
    }
    // Two lines for the same plan (same child and start date).
    jdbc.sql("""
        select coalesce(later.source_line, later.line_no) as line_no,
               coalesce(earlier.source_line, earlier.line_no) as other_line, later.child_ref, later.plan_start
        from cp_plan_import_line later
        join cp_plan_import_line earlier on earlier.import_id = later.import_id and earlier.child_ref = later.child_ref
             and earlier.plan_start = later.plan_start and earlier.line_no < later.line_no
        where later.import_id = ?""")
        .param(importId)
        .query(rs -> {
          sink.accept(new ImportConflict(rs.getLong("line_no"), "one-line-per-plan",
              "Child " + rs.getString("child_ref") + "'s plan starting " + rs.getDate("plan_start").toLocalDate()
                  + " is already on line " + rs.getLong("other_line") + "."));
        });
    // Lines of the file that overlap each other: reported on the plan that starts later.
    jdbc.sql("""
        select coalesce(later.source_line, later.line_no) as line_no,
               coalesce(earlier.source_line, earlier.line_no) as other_line, later.child_ref, earlier.plan_start as other_start,
               earlier.plan_end as other_end, later.plan_end as this_end
        from cp_plan_import_line later
        join cp_plan_import_line earlier on earlier.import_id = later.import_id and earlier.child_ref = later.child_ref
             and earlier.plan_start < later.plan_start
        where later.import_id = ? and coalesce(earlier.plan_end, %s) >= later.plan_start""".formatted(OPEN_END))
        .param(importId)
        .query(rs -> {
          sink.accept(overlap(rs.getLong("line_no"), rs.getString("child_ref"), rs.getDate("this_end"),
              rs.getDate("other_start"), rs.getDate("other_end"), "on line " + rs.getLong("other_line")));
        });
    // Lines that overlap a recorded plan of the child (other than the same plan). A recorded plan the file restates is
    // checked as the return states it, against the return's other plans above: a return may end a plan held open. (A CSV
    // line restating a recorded plan must say what the history says, so the recorded plan is checked here.)
    jdbc.sql("""
        select coalesce(s.source_line, s.line_no) as line_no, s.child_ref, s.plan_end as this_end,
               e.plan_start as other_start, e.plan_end as other_end
        from cp_plan_import_line s
        join cp_plan e on e.child_ref = s.child_ref and e.plan_start <> s.plan_start
        where s.import_id = ?
          and e.plan_start <= coalesce(s.plan_end, %1$s) and s.plan_start <= coalesce(e.plan_end, %1$s)
          and not exists (select 1 from cp_plan_import_line r
                          where r.import_id = s.import_id and r.child_ref = e.child_ref and r.plan_start = e.plan_start
                            and r.census_reference_date is not null)"""
        .formatted(OPEN_END))
        .param(importId)
        .query(rs -> {
          sink.accept(overlap(rs.getLong("line_no"), rs.getString("child_ref"), rs.getDate("this_end"),
              rs.getDate("other_start"), rs.getDate("other_end"), "already recorded"));
        });
    // Lines for a recorded plan that say something else about it.
    jdbc.sql("""
        select s.line_no, s.child_ref, s.plan_start, e.plan_end, e.initial_category, e.latest_category, e.iro
        from cp_plan_import_line s
        join cp_plan e on e.child_ref = s.child_ref and e.plan_start = s.plan_start
        where s.import_id = ? and s.census_reference_date is null
          and (e.plan_end is distinct from s.plan_end or e.initial_category <> s.initial_category
               or e.latest_category <> s.latest_category or e.iro is distinct from s.iro)""")
        .param(importId)
        .query(rs -> {
          Date end = rs.getDate("plan_end");
          sink.accept(new ImportConflict(rs.getLong("line_no"), "matches-recorded-plan",
              "Child " + rs.getString("child_ref") + "'s plan starting " + rs.getDate("plan_start").toLocalDate()
                  + " is already recorded differently (end " + (end == null ? "open" : end.toLocalDate().toString())
                  + ", categories " + rs.getString("initial_category") + "/" + rs.getString("latest_category")
                  + ", IRO " + (rs.getString("iro") == null ? "none" : rs.getString("iro"))
                  + "); an import does not change a recorded plan."));
        });
  }

  /**
   * Copies the staged plans that are not recorded yet, numbered among the child's recorded and staged plans as they
   * are copied (the same numbers as {@link #NUMBER_PLANS}, worked out for the whole file in one pass: numbering each
   * copied plan again afterwards made a 100,000-line import take 12.6 s instead of 7.2 s in PlanHistoryApiTest).
   * Lines equal to a recorded plan change nothing: the checks refused any line that differs from the plan it names.
   * Returns the plans added.
   */
  public int insertStaged(String importId) {
    jdbc.sql("""
        delete from cp_plan_import_line s
        where s.import_id = ?
          and exists (select 1 from cp_plan e where e.child_ref = s.child_ref and e.plan_start = s.plan_start)""")
        .param(importId).update();
    int inserted = jdbc.sql("""
        insert into cp_plan (child_ref, plan_start, plan_end, initial_category, latest_category, iro, source, recorded_at,
                             plan_number, previous_plan_end, previous_cpp, census_reference_date)
        select n.child_ref, n.plan_start, n.plan_end, n.initial_category, n.latest_category, n.iro, ?, ?,
               n.plan_number, n.previous_plan_end, n.previous_cpp, n.census_reference_date
        from (select h.*,
                     row_number() over (partition by h.child_ref order by h.plan_start) as plan_number,
                     lag(h.plan_end) over (partition by h.child_ref order by h.plan_start) as previous_plan_end
              from (select s.child_ref, s.plan_start, s.plan_end, s.initial_category, s.latest_category, s.iro,
                           s.previous_cpp, s.census_reference_date, 1 as staged
                    from cp_plan_import_line s
                    where s.import_id = ?
                    union all
                    select e.child_ref, e.plan_start, e.plan_end, null, null, null, null, null, 0
                    from cp_plan e
                    where e.child_ref in (select s.child_ref from cp_plan_import_line s where s.import_id = ?)) h) n
        where n.staged = 1""")
        .params(CpPlan.Source.IMPORT.name(), now(), importId, importId)
        .update();
    // Older history imported after live plans: the recorded plans after an imported one move up.
    jdbc.sql(NUMBER_PLANS + """
        exists (select 1 from cp_plan_import_line s
                where s.import_id = ? and s.child_ref = p.child_ref and s.plan_start < p.plan_start)
          and not exists (select 1 from cp_plan_import_line s
                          where s.import_id = ? and s.child_ref = p.child_ref and s.plan_start = p.plan_start)""")
        .params(importId, importId).update();
    return inserted;
  }

  public void clearStaged(String importId) {
    jdbc.sql("delete from cp_plan_import_line where import_id = ?").param(importId).update();
    jdbc.sql("delete from cp_plan_import_review where import_id = ?").param(importId).update();
  }

  // ---- CIN census returns: the same staging, with what a return adds, merged across the years' returns ----

  /**
   * One plan of a CIN census return: its number in the file ({@code planNo}, the staging key), the line it is on, the
   * CP plan items and the reference date of the return. Review dates are staged beside it ({@link #stageReviews}).
   */
  public record CensusPlan(long planNo, long sourceLine, String childRef, LocalDate planStart, LocalDate planEnd,
      String initialCategory, String latestCategory, int previousCpp, LocalDate referenceDate) {}

  /** A review date of a staged census plan. */
  public record CensusReview(String childRef, LocalDate planStart, LocalDate reviewDate) {}

  public void stageCensus(String importId, List<CensusPlan> plans) {
    batches.batchUpdate("""
        insert into cp_plan_import_line (import_id, line_no, source_line, child_ref, plan_start, plan_end,
                                         initial_category, latest_category, previous_cpp, census_reference_date)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        plans.stream().map(plan -> new Object[] {importId, plan.planNo(), plan.sourceLine(), plan.childRef(),
            Date.valueOf(plan.planStart()), plan.planEnd() == null ? null : Date.valueOf(plan.planEnd()),
            plan.initialCategory(), plan.latestCategory(), plan.previousCpp(), Date.valueOf(plan.referenceDate())}).toList());
  }

  public void stageReviews(String importId, List<CensusReview> reviews) {
    batches.batchUpdate("insert into cp_plan_import_review (import_id, child_ref, plan_start, review_date) values (?, ?, ?, ?)",
        reviews.stream().map(review -> new Object[] {importId, review.childRef(), Date.valueOf(review.planStart()),
            Date.valueOf(review.reviewDate())}).toList());
  }

  /** The staged census plan that restates a recorded one (same child and start date). */
  private static final String RECORDED = "from cp_plan e where e.child_ref = s.child_ref and e.plan_start = s.plan_start";

  /**
   * Before the checks, a return older than the one that last described a recorded plan takes what the newer one
   * said: its end (an older return never re-opens a plan a newer one ended), its latest category and its number of
   * previous plans. A re-import of the same return that finds the plan ended meanwhile leaves it ended too.
   */
  public void adoptNewerReturns(String importId) {
    jdbc.sql("""
        update cp_plan_import_line s
        set plan_end = coalesce(s.plan_end, (select e.plan_end %1$s)),
            latest_category = (select e.latest_category %1$s),
            previous_cpp = (select e.previous_cpp %1$s)
        where s.import_id = ? and s.census_reference_date is not null
          and exists (select 1 %1$s and e.census_reference_date > s.census_reference_date)""".formatted(RECORDED))
        .param(importId).update();
    jdbc.sql("""
        update cp_plan_import_line s
        set plan_end = (select e.plan_end %1$s)
        where s.import_id = ? and s.census_reference_date is not null and s.plan_end is null
          and exists (select 1 %1$s and e.census_reference_date = s.census_reference_date and e.plan_end is not null)"""
        .formatted(RECORDED))
        .param(importId).update();
  }

  /**
   * Census plans that contradict the recorded plan they restate: another initial category; an end other than the
   * recorded end, unless a return as new as the one that last described the plan ends a plan held open; any difference
   * from a plan the application recorded itself (a journey or a CSV import), which a return does not rewrite.
   */
  public void censusConflicts(String importId, Consumer<ImportConflict> sink) {
    jdbc.sql("""
        select s.source_line, s.child_ref, s.plan_start, e.plan_end, e.initial_category, e.latest_category,
               e.census_reference_date
        from cp_plan_import_line s
        join cp_plan e on e.child_ref = s.child_ref and e.plan_start = s.plan_start
        where s.import_id = ? and s.census_reference_date is not null
          and (e.initial_category <> s.initial_category
               or (e.census_reference_date is null
                   and (e.plan_end is distinct from s.plan_end or e.latest_category <> s.latest_category))
               or (e.census_reference_date is not null and e.plan_end is distinct from s.plan_end
                   and (e.plan_end is not null or s.census_reference_date < e.census_reference_date)))""")
        .param(importId)
        .query(rs -> {
          Date end = rs.getDate("plan_end");
          Date reference = rs.getDate("census_reference_date");
          sink.accept(new ImportConflict(rs.getLong("source_line"), "matches-recorded-plan",
              "Child " + rs.getString("child_ref") + "'s plan starting " + rs.getDate("plan_start").toLocalDate()
                  + " is already held differently (end " + (end == null ? "open" : end.toLocalDate().toString())
                  + ", categories " + rs.getString("initial_category") + "/" + rs.getString("latest_category")
                  + (reference == null ? ", recorded by this application" : ", from the return of " + reference.toLocalDate())
                  + "); a return may end a plan held open, but does not change an ended plan or an initial category."));
        });
  }

  /**
   * Applies what the return says about plans already held (their end, latest category, number of previous plans and
   * the return's reference date), where that changes something, and numbers the children's plans again (a plan's end
   * is the next plan's "previous plan end"). Run after the checks passed; returns the plans changed.
   */
  public int mergeRestatedCensusPlans(String importId) {
    jdbc.sql("""
        update cp_plan_import_line s set changes_recorded = true
        where s.import_id = ? and s.census_reference_date is not null
          and exists (select 1 %s
                      and (e.census_reference_date is null or e.census_reference_date <= s.census_reference_date)
                      and (e.plan_end is distinct from s.plan_end or e.latest_category <> s.latest_category
                           or e.previous_cpp is distinct from s.previous_cpp
                           or e.census_reference_date is distinct from s.census_reference_date))""".formatted(RECORDED))
        .param(importId).update();
    String staged = "from cp_plan_import_line s where s.import_id = ? and s.changes_recorded"
        + " and s.child_ref = p.child_ref and s.plan_start = p.plan_start";
    int changed = jdbc.sql("""
        update cp_plan p
        set plan_end = (select s.plan_end %1$s),
            latest_category = (select s.latest_category %1$s),
            previous_cpp = (select s.previous_cpp %1$s),
            census_reference_date = (select s.census_reference_date %1$s)
        where exists (select 1 %1$s)""".formatted(staged))
        .params(importId, importId, importId, importId, importId).update();
    if (changed > 0) {
      jdbc.sql(NUMBER_PLANS + """
          p.child_ref in (select s.child_ref from cp_plan_import_line s where s.import_id = ? and s.changes_recorded)""")
          .param(importId).update();
    }
    return changed;
  }

  /** Adds the staged review dates the plan history does not hold yet; returns how many. */
  public int insertStagedReviews(String importId) {
    return jdbc.sql("""
        insert into cp_plan_review (child_ref, plan_start, review_date)
        select distinct r.child_ref, r.plan_start, r.review_date
        from cp_plan_import_review r
        where r.import_id = ?
          and not exists (select 1 from cp_plan_review h
                          where h.child_ref = r.child_ref and h.plan_start = r.plan_start and h.review_date = r.review_date)""")
        .param(importId).update();
  }

  private static ImportConflict overlap(long lineNo, String childRef, Date thisEnd, Date otherStart, Date otherEnd,
      String where) {
    boolean bothOpen = thisEnd == null && otherEnd == null;
    String other = "the plan from " + otherStart.toLocalDate()
        + (otherEnd == null ? " that is still open" : " to " + otherEnd.toLocalDate()) + " (" + where + ")";
    return bothOpen
        ? new ImportConflict(lineNo, "one-open-plan", "Child " + childRef + " would have two open plans: this one and " + other + ".")
        : new ImportConflict(lineNo, "plans-do-not-overlap", "Child " + childRef + "'s plan overlaps " + other + ".");
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
