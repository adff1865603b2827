package org.safeguardingworkflows.children;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.platform.Json;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The child record ({@code child}, {@code child_event}): who holds each child now and what happened to the child, in
 * order. Written by the processes inside the engine's transaction (same data source) and by the child-level API;
 * read by everything that tells the child's story. Writers take the child's lock first ({@link PlanHistory#lockChild}),
 * so that two writers for one child (two nodes included) never both create the child's row.
 */
@Repository
public class ChildRecord {

  /** Who holds the child now. Any of them may be unknown (null) until a process or the API names them. */
  public record Allocation(String childRef, String team, String allocatedWorker, String teamManager, String iro) {}

  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() { };

  private final JdbcClient jdbc;
  private final PlanHistory planHistory;

  public ChildRecord(JdbcTemplate jdbcTemplate, PlanHistory planHistory) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.planHistory = planHistory;
  }

  /** Appends an entry to the child's chronology, in the current transaction. */
  public void record(ChildEvent event) {
    planHistory.lockChild(event.childRef());
    ensureChild(event.childRef());
    jdbc.sql("""
        insert into child_event (child_ref, occurred_on, kind, recorded_by, process_key, process_instance_id, details, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(event.childRef(), Date.valueOf(event.date()), event.kind().name(), event.who(), event.processKey(),
            event.processInstanceId(), json(event.details()), now())
        .update();
  }

  /** The child's chronology, newest first (entries of one day in the reverse order they were recorded). */
  public List<ChildEvent> chronology(String childRef) {
    return jdbc.sql("select * from child_event where child_ref = ? order by occurred_on desc, id desc")
        .param(childRef)
        .query(ChildRecord::toEvent)
        .list();
  }

  /** The child's entries of these kinds, newest first. */
  public List<ChildEvent> entriesOf(String childRef, ChildEvent.Kind... kinds) {
    return jdbc.sql("select * from child_event where child_ref = :child and kind in (:kinds) order by occurred_on desc, id desc")
        .param("child", childRef)
        .param("kinds", Arrays.stream(kinds).map(Enum::name).toList())
        .query(ChildRecord::toEvent)
        .list();
  }

  /** The entries one process wrote, of these kinds, oldest first. */
  public List<ChildEvent> entriesOfProcess(String childRef, String processInstanceId, ChildEvent.Kind... kinds) {
    return entriesOf(childRef, kinds).stream()
        .filter(event -> processInstanceId.equals(event.processInstanceId()))
        .sorted((a, b) -> a.date().equals(b.date()) ? Long.compare(a.id(), b.id()) : a.date().compareTo(b.date()))
        .toList();
  }

  public boolean isKnown(String childRef) {
    return jdbc.sql("select count(*) from child where child_ref = ?").param(childRef).query(Integer.class).single() > 0;
  }

  public Optional<Allocation> allocation(String childRef) {
    return jdbc.sql("select * from child where child_ref = ?")
        .param(childRef)
        .query((rs, row) -> new Allocation(rs.getString("child_ref"), rs.getString("team"), rs.getString("allocated_worker"),
            rs.getString("team_manager"), rs.getString("iro")))
        .optional();
  }

  /** Records who now holds the role (the entry saying so is the caller's: it knows why). */
  public void allocate(String childRef, ChildRole role, String holder) {
    planHistory.lockChild(childRef);
    ensureChild(childRef);
    String column = switch (role) {
      case SOCIAL_WORKER -> "allocated_worker";
      case TEAM_MANAGER -> "team_manager";
      case IRO -> "iro";
    };
    jdbc.sql("update child set " + column + " = ?, updated_at = ? where child_ref = ?").params(holder, now(), childRef).update();
  }

  /** The team that works with the child now (its social worker's team). */
  public void assignTeam(String childRef, String team) {
    planHistory.lockChild(childRef);
    ensureChild(childRef);
    jdbc.sql("update child set team = ?, updated_at = ? where child_ref = ?").params(team, now(), childRef).update();
  }

  private void ensureChild(String childRef) {
    jdbc.sql("""
        insert into child (child_ref, updated_at)
        select ?, ? where not exists (select 1 from child where child_ref = ?)""")
        .params(childRef, now(), childRef)
        .update();
  }

  private static String json(Map<String, Object> details) {
    try {
      return Json.MAPPER.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The entry's details cannot be written as JSON.", e);
    }
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static ChildEvent toEvent(ResultSet rs, int row) throws SQLException {
    Map<String, Object> details;
    try {
      String text = rs.getString("details");
      details = text == null ? Map.of() : Json.MAPPER.readValue(text, DETAILS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A chronology entry's details are not JSON.", e);
    }
    LocalDate date = rs.getDate("occurred_on").toLocalDate();
    return new ChildEvent(rs.getLong("id"), rs.getString("child_ref"), date, ChildEvent.Kind.valueOf(rs.getString("kind")),
        rs.getString("recorded_by"), rs.getString("process_key"), rs.getString("process_instance_id"), details);
  }
}
