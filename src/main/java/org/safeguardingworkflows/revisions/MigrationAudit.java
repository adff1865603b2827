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
 * {@code process_migration} and {@code process_migration_instance}, Liquibase 010). Journeys are named by instance id
 * and the child's pseudonymous reference only.
 */
@Component
public class MigrationAudit {

  /** One journey's outcome: MOVED, or REFUSED with the reason. */
  public record InstanceOutcome(String processInstanceId, String childRef, String outcome, String reason) {}

  /** A recorded migration, as read back. */
  public record RecordedMigration(String id, String processKey, int fromVersion, int toVersion, String migratedBy,
      int instancesMoved, int instancesRefused) {}

  private static final int REASON_LENGTH = 4000;

  private final JdbcClient jdbc;

  public MigrationAudit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public String record(String processKey, ProcessDefinition from, ProcessDefinition to, String migratedBy,
      List<Mapping> mappings, List<InstanceOutcome> outcomes) {
    String id = UUID.randomUUID().toString();
    long moved = outcomes.stream().filter(outcome -> "MOVED".equals(outcome.outcome())).count();
    jdbc.sql("""
        insert into process_migration (id, process_key, from_version, to_version, from_definition_id, to_definition_id,
          migrated_by, migrated_at, mappings, instances_moved, instances_refused)
        values (:id, :processKey, :fromVersion, :toVersion, :fromId, :toId, :migratedBy, :migratedAt, :mappings, :moved, :refused)
        """)
        .param("id", id).param("processKey", processKey)
        .param("fromVersion", from.getVersion()).param("toVersion", to.getVersion())
        .param("fromId", from.getId()).param("toId", to.getId())
        .param("migratedBy", migratedBy).param("migratedAt", OffsetDateTime.now(ZoneOffset.UTC))
        .param("mappings", mappings.isEmpty() ? null
            : mappings.stream().map(mapping -> mapping.from() + " -> " + mapping.to()).collect(Collectors.joining(", ")))
        .param("moved", (int) moved).param("refused", outcomes.size() - (int) moved)
        .update();
    for (InstanceOutcome outcome : outcomes) {
      jdbc.sql("""
          insert into process_migration_instance (migration_id, process_instance_id, child_ref, outcome, reason)
          values (:migrationId, :instanceId, :childRef, :outcome, :reason)
          """)
          .param("migrationId", id).param("instanceId", outcome.processInstanceId()).param("childRef", outcome.childRef())
          .param("outcome", outcome.outcome())
          .param("reason", outcome.reason() == null || outcome.reason().length() <= REASON_LENGTH ? outcome.reason()
              : outcome.reason().substring(0, REASON_LENGTH))
          .update();
    }
    return id;
  }

  public RecordedMigration find(String id) {
    return jdbc.sql("""
        select id, process_key, from_version, to_version, migrated_by, instances_moved, instances_refused
        from process_migration where id = :id
        """).param("id", id)
        .query((rs, row) -> new RecordedMigration(rs.getString("id"), rs.getString("process_key"), rs.getInt("from_version"),
            rs.getInt("to_version"), rs.getString("migrated_by"), rs.getInt("instances_moved"), rs.getInt("instances_refused")))
        .optional().orElse(null);
  }

  /** Each journey's outcome in a recorded migration, by instance id. */
  public List<InstanceOutcome> outcomes(String migrationId) {
    return jdbc.sql("""
        select process_instance_id, child_ref, outcome, reason from process_migration_instance
        where migration_id = :id order by process_instance_id
        """).param("id", migrationId)
        .query((rs, row) -> new InstanceOutcome(rs.getString("process_instance_id"), rs.getString("child_ref"),
            rs.getString("outcome"), rs.getString("reason")))
        .list();
  }
}
