package org.safeguardingworkflows.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.safeguardingworkflows.legal.LegalPlanningVariables;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables;
import org.safeguardingworkflows.stepdown.StepDownDriver;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.EngineClock;
import org.safeguardingworkflows.testsupport.Race;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Twenty people pressing the same button for one child at the same moment, for every rule that allows one of a
 * thing per child: exactly one request wins (201, or 202 for a life event), every other one is refused with 409 or
 * 422 as {@code application/problem+json} (never a 500), and the database afterwards holds one running journey,
 * proposal, request or order for the child, and no two plans of a child that overlap. Written once, run on
 * PostgreSQL ({@link RacesForOneChildTest}) and on the demo's H2 ({@link RacesForOneChildOnH2Test}).
 */
final class RacesForOneChild {

  static final int CALLERS = 20;

  private static final Logger log = LoggerFactory.getLogger(RacesForOneChild.class);

  /**
   * Pairs of plans of one child that overlap (an open plan runs on; a plan ending on the day another starts overlaps
   * it, as the CIN census validator says): there must never be any.
   */
  static final String OVERLAPPING_PLANS = """
      select a.child_ref, a.plan_start, a.plan_end, b.plan_start as other_start, b.plan_end as other_end
      from cp_plan a
      join cp_plan b on b.child_ref = a.child_ref and b.id > a.id
      where a.plan_start <= coalesce(b.plan_end, DATE '9999-12-31')
        and b.plan_start <= coalesce(a.plan_end, DATE '9999-12-31')
        and a.child_ref in (:children)""";

  /** Running instances of a process for a child, from the engine's own table. */
  static final String RUNNING_INSTANCES = """
      select count(*)
      from act_ru_execution e
      join act_re_procdef d on d.id_ = e.proc_def_id_
      where e.parent_id_ is null and e.business_key_ = ? and d.key_ = ?""";

  private static final MediaType CSV = MediaType.parseMediaType("text/csv");

  private final int port;
  private final JdbcClient jdbc;
  private final PlanHistory planHistory;

  RacesForOneChild(int port, DataSource dataSource, PlanHistory planHistory) {
    this.port = port;
    this.jdbc = JdbcClient.create(dataSource);
    this.planHistory = planHistory;
  }

  /** The review conference ended the child's open plan, and twenty starts of the step-down journey arrive at once. */
  void identicalStepDownStarts() {
    String childRef = knownChild();
    Map<String, Object> plan = StepDownDriver.startVariables(childRef, "CHILD_IN_NEED");
    assertThat(worker().post("/api/children/" + childRef + "/plans", Map.of("planStartDate", plan.get(StepDownVariables.PLAN_START_DATE.name()),
        "categoryOfAbuse", "NEG", "iro", TestStaff.IRO)).status()).isEqualTo(201);

    List<Reply> replies = Race.of(CALLERS, caller -> worker().post("/api/step-downs", plan));

    oneWinner(replies, 201, Set.of(409));
    assertThat(running(childRef, StepDownVariables.PROCESS_KEY)).as("journeys of " + childRef).isEqualTo(1);
    assertThat(planHistory.plansOf(childRef)).as("the earlier plan and the one ended").hasSize(2);
    noOverlappingPlans(List.of(childRef));
  }

  /** Each caller ends a plan with other dates: all of them overlap, so one journey and one plan at most. */
  void stepDownStartsWithDifferentDates() {
    String childRef = knownChild();

    List<Reply> replies = Race.of(CALLERS, caller -> {
      Map<String, Object> plan = StepDownDriver.startVariables(childRef, "CHILD_IN_NEED");
      plan.put(StepDownVariables.PLAN_START_DATE.name(), EngineClock.today().minusMonths(9).plusDays(caller).toString());
      plan.put(StepDownVariables.PLAN_END_DATE.name(), EngineClock.today().minusDays(3 + caller).toString());
      return worker().post("/api/step-downs", plan);
    });

    oneWinner(replies, 201, Set.of(409, 422));
    assertThat(running(childRef, StepDownVariables.PROCESS_KEY)).as("journeys of " + childRef).isEqualTo(1);
    assertThat(planHistory.plansOf(childRef)).as("the earlier plan and one ended").hasSize(2);
    noOverlappingPlans(List.of(childRef));
  }

  /** A child whose plan ended 11 months ago: a conference now would be a repeat one. */
  void repeatIcpcProposals() {
    String childRef = knownChild();
    Map<String, Object> proposal = new HashMap<>();
    proposal.put(RepeatIcpcVariables.CHILD_REF.name(), childRef);
    proposal.put(RepeatIcpcVariables.STRATEGY_DISCUSSION_DATE.name(), EngineClock.today().minusDays(1).toString());
    proposal.put(RepeatIcpcVariables.CATEGORY_OF_ABUSE.name(), "NEG");
    proposal.put(RepeatIcpcVariables.CONCERNS_SUMMARY.name(), "Neglect concerns have returned");
    proposal.put(RepeatIcpcVariables.PROPOSED_BY.name(), TestStaff.WORKER);

    List<Reply> replies = Race.of(CALLERS, caller -> worker().post("/api/repeat-icpc-proposals", proposal));

    oneWinner(replies, 201, Set.of(409));
    assertThat(running(childRef, RepeatIcpcVariables.PROCESS_KEY)).as("proposals of " + childRef).isEqualTo(1);
  }

  void legalPlanningRequests() {
    String childRef = knownChild();
    Map<String, Object> request = new HashMap<>();
    request.put(LegalPlanningVariables.CHILD_REF.name(), childRef);
    request.put(LegalPlanningVariables.REASON.name(), "Neglect has re-emerged");
    request.put(LegalPlanningVariables.RECOMMENDED_BY.name(), TestStaff.TEAM_MANAGER);

    List<Reply> replies = Race.of(CALLERS, caller -> manager().post("/api/legal-planning-requests", request));

    oneWinner(replies, 201, Set.of(409));
    assertThat(running(childRef, LegalPlanningVariables.PROCESS_KEY)).as("requests of " + childRef).isEqualTo(1);
  }

  void supervisionOrders() {
    String childRef = knownChild();

    List<Reply> replies = Race.of(CALLERS, caller -> worker().post("/api/supervision-orders", supervisionOrder(childRef)));

    oneWinner(replies, 201, Set.of(409));
    assertThat(running(childRef, SupervisionOrderVariables.PROCESS_KEY)).as("orders of " + childRef).isEqualTo(1);
  }

  /** Twenty conferences record a plan for one child, each from another day: one plan, one chronology entry. */
  void plansRecorded() {
    String childRef = knownChild();

    List<Reply> replies = Race.of(CALLERS, caller -> worker().post("/api/children/" + childRef + "/plans",
        Map.of("planStartDate", EngineClock.today().minusMonths(2).plusDays(caller).toString(), "categoryOfAbuse", "NEG",
            "iro", TestStaff.IRO)));

    oneWinner(replies, 201, Set.of(409, 422));
    assertThat(planHistory.plansOf(childRef)).as("the earlier plan and one new plan").hasSize(2);
    assertThat(jdbc.sql("select count(*) from child_event where child_ref = ? and kind = 'PLAN_STARTED'").param(childRef)
        .query(Long.class).single()).as("plans started in the chronology: the earlier one and one new").isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from child where child_ref = ?").param(childRef).query(Long.class).single())
        .as("child rows").isEqualTo(1);
    noOverlappingPlans(List.of(childRef));
  }

  /** A child under a supervision order moves away, reported twenty times at once: one life event process. */
  void lifeEvents() {
    String childRef = knownChild();
    assertThat(worker().post("/api/supervision-orders", supervisionOrder(childRef)).status()).isEqualTo(201);

    List<Reply> replies = Race.of(CALLERS, caller -> manager().post("/api/children/" + childRef + "/life-events",
        Map.of("kind", "MOVED_TO_ANOTHER_AUTHORITY", "date", EngineClock.today().minusDays(1).toString())));

    oneWinner(replies, 202, Set.of(409));
    assertThat(jdbc.sql("select count(*) from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?")
        .params(childRef, ChildLifeEventVariables.PROCESS_KEY).query(Long.class).single())
        .as("life event processes of " + childRef).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from child_event where child_ref = ? and kind = 'LIFE_EVENT'").param(childRef)
        .query(Long.class).single()).as("life events in the chronology").isLessThanOrEqualTo(1);
  }

  /**
   * A plan history file racing step-down starts for the same children, in rounds: the file's plan for each child
   * overlaps the plan the step-down ends. Whoever comes first wins: either the file is imported (all of it) and
   * every step-down is refused (422, or 409 when the file came in between the API's check and the journey's), or a step-down started first and the file is refused whole (400, the import's
   * own answer for a file that breaks the plan rules); never both, never an overlap.
   */
  void importRacingStepDowns(int rounds, int children) {
    for (int round = 0; round < rounds; round++) {
      List<String> childRefs = new ArrayList<>();
      StringBuilder file = new StringBuilder("child_ref,plan_start,plan_end,initial_category,latest_category,iro\n");
      for (int child = 0; child < children; child++) {
        String childRef = knownChild();
        childRefs.add(childRef);
        file.append(childRef).append(',').append(EngineClock.today().minusMonths(10)).append(',')
            .append(EngineClock.today().minusMonths(5)).append(",NEG,NEG,\n");
      }

      List<Reply> replies = Race.of(children + 1, caller -> caller == children
          ? Api.as(port, TestStaff.PROCESS_OWNER).post("/api/plan-history", CSV, file.toString())
          : worker().post("/api/step-downs", StepDownDriver.startVariables(childRefs.get(caller), "CHILD_IN_NEED")));

      String summary = summary(replies);
      log.info("Import racing step-downs, round {}: replies by status {}", round + 1, summary);
      Reply imported = replies.get(children);
      List<Reply> stepDowns = replies.subList(0, children);
      assertThat(replies).as(summary).noneMatch(reply -> reply.status() >= 500);
      assertThat(imported.status()).as(summary).isIn(200, 400);
      if (imported.status() == 200) {
        assertThat(stepDowns).as("the file came first: " + summary).allMatch(reply -> reply.status() == 409 || reply.status() == 422);
        assertThat(imported.json().path("imported").asLong()).isEqualTo(children);
      } else {
        assertThat(imported.json().path("errors").findValuesAsText("rule")).as(summary).containsOnly("plans-do-not-overlap");
        assertThat(stepDowns).as("a step-down came first: " + summary).anyMatch(reply -> reply.status() == 201);
        assertThat(stepDowns).as(summary).allMatch(reply -> reply.status() == 201);
      }
      problemsOnly(replies.stream().filter(reply -> reply.status() >= 400).toList());
      for (int child = 0; child < children; child++) {
        String childRef = childRefs.get(child);
        assertThat(running(childRef, StepDownVariables.PROCESS_KEY)).as("journeys of " + childRef)
            .isEqualTo(stepDowns.get(child).status() == 201 ? 1 : 0);
        assertThat(planHistory.plansOf(childRef)).as("plans of " + childRef).hasSize(2);
      }
      noOverlappingPlans(childRefs);
    }
  }

  /**
   * Twenty concerns about one child's step-down journey at once. Each concern is one of its own (not a one-per-child
   * rule), and all of them reach the same process instance: each either opens a contingency review (202) or, when
   * the engine finds the journey changed by another concern (OptimisticLockingException), is refused with 409 and
   * nothing stored. Never a 500; as many reviews opened as concerns accepted.
   */
  void concernsDuringAStepDown() {
    String childRef = knownChild();
    Reply started = worker().post("/api/step-downs", StepDownDriver.startVariables(childRef, "CHILD_IN_NEED"));
    assertThat(started.status()).isEqualTo(201);
    String journey = started.json().path("processInstanceId").asText();

    List<Reply> replies = Race.of(CALLERS, caller -> worker().post("/api/step-downs/" + childRef + "/concerns",
        Map.of("kind", "DISENGAGEMENT", "summary", "Missed visit " + caller)));

    String summary = summary(replies);
    log.info("Concerns about one journey at once: replies by status {}", summary);
    assertThat(replies).as(summary).allMatch(reply -> reply.status() == 202 || reply.status() == 409);
    problemsOnly(replies.stream().filter(reply -> reply.status() == 409).toList());
    long accepted = replies.stream().filter(reply -> reply.status() == 202).count();
    assertThat(accepted).as(summary).isPositive();
    assertThat(jdbc.sql("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = 'StartEvent_ConcernReported'")
        .param(journey).query(Long.class).single()).as("contingency reviews opened: " + summary).isEqualTo(accepted);
  }

  /** Whatever the code in front of it, the database keeps a child to one open plan. */
  void theDatabaseRefusesASecondOpenPlan() {
    String childRef = knownChild();
    planHistory.insert(openPlan(childRef, EngineClock.today().minusMonths(2)));

    assertThatThrownBy(() -> planHistory.insert(openPlan(childRef, EngineClock.today().minusMonths(1))))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(planHistory.plansOf(childRef)).filteredOn(CpPlan::isOpen).hasSize(1);
  }

  private static CpPlan openPlan(String childRef, LocalDate start) {
    return new CpPlan(null, childRef, start, null, "NEG", "NEG", TestStaff.IRO, null, null, null, CpPlan.Source.PROCESS);
  }

  private void noOverlappingPlans(List<String> childRefs) {
    assertThat(jdbc.sql(OVERLAPPING_PLANS).param("children", childRefs)
        .query((rs, row) -> rs.getString(1) + " " + rs.getDate(2) + ".." + rs.getDate(3) + " overlaps "
            + rs.getDate(4) + ".." + rs.getDate(5)).list())
        .as("plans that overlap").isEmpty();
  }

  private long running(String childRef, String processKey) {
    return jdbc.sql(RUNNING_INSTANCES).params(childRef, processKey).query(Long.class).single();
  }

  /** Exactly one reply with the winner's status; every other one a refusal with one of the losers' statuses. */
  private static void oneWinner(List<Reply> replies, int winner, Set<Integer> losers) {
    String summary = summary(replies);
    log.info("Race for one child: replies by status {}", summary);
    assertThat(replies).as("no 500: " + summary).noneMatch(reply -> reply.status() >= 500);
    assertThat(replies.stream().filter(reply -> reply.status() == winner).count()).as("one winner: " + summary).isEqualTo(1);
    List<Reply> refused = replies.stream().filter(reply -> reply.status() != winner).toList();
    assertThat(refused).as("losers: " + summary).allMatch(reply -> losers.contains(reply.status()));
    problemsOnly(refused);
  }

  private static void problemsOnly(List<Reply> refusals) {
    assertThat(refusals).allSatisfy(reply -> {
      assertThat(reply.headers().getContentType()).hasToString("application/problem+json");
      assertThat(reply.json().path("detail").asText()).isNotBlank();
      assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
    });
  }

  /** How many replies of each status, for the assertion messages (the numbers to write down). */
  static String summary(List<Reply> replies) {
    Map<Integer, Long> byStatus = replies.stream()
        .collect(Collectors.groupingBy(Reply::status, TreeMap::new, Collectors.counting()));
    // One unexpected answer in full: what went wrong shows in the failure message.
    String unexpected = replies.stream().filter(reply -> reply.status() >= 500 || reply.status() == 404 || reply.status() < 300 && reply.status() != 200
        && reply.status() != 201 && reply.status() != 202).map(Reply::body).findFirst().map(body -> ", e.g. " + body).orElse("");
    return byStatus + unexpected;
  }

  private static Map<String, Object> supervisionOrder(String childRef) {
    Map<String, Object> order = new HashMap<>();
    order.put(SupervisionOrderVariables.CHILD_REF.name(), childRef);
    order.put(SupervisionOrderVariables.ORDER_DATE.name(), EngineClock.today().toString());
    order.put(SupervisionOrderVariables.LENGTH_MONTHS.name(), 12);
    order.put(SupervisionOrderVariables.ALLOCATED_WORKER.name(), TestStaff.WORKER);
    return order;
  }

  /**
   * A child the record already holds, as most children are when a second request arrives: a plan from 20 to 11
   * months ago, recorded and ended through the API. (For a child never seen before, the creation of the child's row
   * happens to make racing writers wait for each other, and would hide a missing lock.)
   */
  private String knownChild() {
    String childRef = "C-RACE-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(worker().post("/api/children/" + childRef + "/plans", Map.of("planStartDate",
        EngineClock.today().minusMonths(20).toString(), "categoryOfAbuse", "NEG", "iro", TestStaff.IRO)).status()).isEqualTo(201);
    assertThat(manager().post("/api/children/" + childRef + "/plans/current/end", Map.of("planEndDate",
        EngineClock.today().minusMonths(11).toString(), "reason", "REVIEW_CONFERENCE")).status()).isEqualTo(200);
    return childRef;
  }

  private Api worker() {
    return Api.as(port, TestStaff.WORKER);
  }

  private Api manager() {
    return Api.as(port, TestStaff.TEAM_MANAGER);
  }
}
