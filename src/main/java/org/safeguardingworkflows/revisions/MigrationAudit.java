package org.safeguardingworkflows.revisions;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.safeguardingworkflows.revisions.ProcessRevisions.Mapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who moved which journeys from one version of a diagram to another, and what became of each (tables
 * {@code process_migration} and {@code process_migration_instance}, Liquibase 010; the engine's batch id and each
 * journey's activities, 011). Journeys are named by instance id
 * and the child's pseudonymous reference only.
 */
@Component
public class MigrationAudit {

  /**
   * One journey's outcome: REFUSED with the reason (it could not move), PENDING (handed to the batch), then MOVED or
   * FAILED with the reason; with the activities it was waiting at when the migration was asked for.
   */
  public record InstanceOutcome(String processInstanceId, String childRef, String outcome, String reason,
      List<String> activities) {

    public InstanceOutcome(String processInstanceId, String childRef, String outcome, String reason) {
      this(processInstanceId, childRef, outcome, reason, List.of());
    }
  }

  /** A recorded migration, as read back. */
  public record RecordedMigration(String id, String processKey, int fromVersion, int toVersion, String migratedBy,
      int instancesMoved, int instancesRefused, String batchId, String fromDefinitionId, String toDefinitionId) {}

  public static final String PENDING = "PENDING";
  public static final String MOVED = "MOVED";
  public static final String FAILED = "FAILED";
  public static final String REFUSED = "REFUSED";

  private static final int REASON_LENGTH = 4000;

  private final JdbcClient jdbc;

  public MigrationAudit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public String record(String processKey, ProcessDefinition from, ProcessDefinition to, String migratedBy,
      List<Mapping> mappings, List<InstanceOutcome> outcomes, String batchId) {
    String id = UUID.randomUUID().toString();
    long moved = outcomes.stream().filter(outcome -> MOVED.equals(outcome.outcome())).count();
    long refused = outcomes.stream().filter(outcome -> REFUSED.equals(outcome.outcome()) || FAILED.equals(outcome.outcome())).count();
    jdbc.sql("""
        insert into process_migration (id, process_key, from_version, to_version, from_definition_id, to_definition_id,
          migrated_by, migrated_at, mappings, instances_moved, instances_refused, batch_id)
        values (:id, :processKey, :fromVersion, :toVersion, :fromId, :toId, :migratedBy, :migratedAt, :mappings, :moved,
          :refused, :batchId)
        """)
        .param("id", id).param("processKey", processKey)
        .param("fromVersion", from.getVersion()).param("toVersion", to.getVersion())
        .param("fromId", from.getId()).param("toId", to.getId())
        .param("migratedBy", migratedBy).param("migratedAt", OffsetDateTime.now(ZoneOffset.UTC))
        .param("mappings", mappings.isEmpty() ? null
            : mappings.stream().map(mapping -> mapping.from() + " -> " + mapping.to()).collect(Collectors.joining(", ")))
        .param("moved", (int) moved).param("refused", (int) refused).param("batchId", batchId)
        .update();
    for (InstanceOutcome outcome : outcomes) {
      jdbc.sql("""
          insert into process_migration_instance (migration_id, process_instance_id, child_ref, outcome, reason, activities)
          values (:migrationId, :instanceId, :childRef, :outcome, :reason, :activities)
          """)
          .param("migrationId", id).param("instanceId", outcome.processInstanceId()).param("childRef", outcome.childRef())
          .param("outcome", outcome.outcome())
          .param("reason", shortened(outcome.reason()))
          .param("activities", shortened(String.join(",", outcome.activities())))
          .update();
    }
    return id;
  }

  /** The batch has run: each journey handed to it is now MOVED or FAILED, and the totals follow. */
  @Transactional
  public void settle(String migrationId, List<InstanceOutcome> settled) {
    for (InstanceOutcome outcome : settled) {
      jdbc.sql("""
          update process_migration_instance set outcome = :outcome, reason = :reason
          where migration_id = :migrationId and process_instance_id = :instanceId and outcome = :pending
          """)
          .param("outcome", outcome.outcome()).param("reason", shortened(outcome.reason()))
          .param("migrationId", migrationId).param("instanceId", outcome.processInstanceId()).param("pending", PENDING)
          .update();
    }
    jdbc.sql("""
        update process_migration set
          instances_moved = (select count(*) from process_migration_instance i where i.migration_id = :id and i.outcome = :moved),
          instances_refused = (select count(*) from process_migration_instance i where i.migration_id = :id and i.outcome in (:refused, :failed))
        where id = :id
        """).param("id", migrationId).param("moved", MOVED).param("refused", REFUSED).param("failed", FAILED).update();
  }

  private static String shortened(String text) {
    return text == null || text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH);
  }

  public RecordedMigration find(String id) {
    return findWhere("id", id);
  }

  /** The migration the engine's batch runs, if it was asked for here. */
  public RecordedMigration findByBatch(String batchId) {
    return findWhere("batch_id", batchId);
  }

  private RecordedMigration findWhere(String column, String value) {
    return jdbc.sql("""
        select id, process_key, from_version, to_version, migrated_by, instances_moved, instances_refused, batch_id,
          from_definition_id, to_definition_id
        from process_migration where %s = :value
        """.formatted(column)).param("value", value)
        .query((rs, row) -> new RecordedMigration(rs.getString("id"), rs.getString("process_key"), rs.getInt("from_version"),
            rs.getInt("to_version"), rs.getString("migrated_by"), rs.getInt("instances_moved"), rs.getInt("instances_refused"),
            rs.getString("batch_id"), rs.getString("from_definition_id"), rs.getString("to_definition_id")))
        .optional().orElse(null);
  }

  /** Each journey's outcome in a recorded migration, by instance id. */
  public List<InstanceOutcome> outcomes(String migrationId) {
    return jdbc.sql("""
        select process_instance_id, child_ref, outcome, reason, activities from process_migration_instance
        where migration_id = :id order by process_instance_id
        """).param("id", migrationId)
        .query((rs, row) -> new InstanceOutcome(rs.getString("process_instance_id"), rs.getString("child_ref"),
            rs.getString("outcome"), rs.getString("reason"), activities(rs.getString("activities"))))
        .list();
  }

  private static List<String> activities(String stored) {
    return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(","));
  }
}
