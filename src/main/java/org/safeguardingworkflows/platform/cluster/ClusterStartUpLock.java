package org.safeguardingworkflows.platform.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One node at a time starts up. Every node of a cluster runs the same start-up on the same database: Liquibase
 * migrates the schema, the processes are deployed, roles, teams, filters, authorizations and the administrator are
 * created when missing. Run by two nodes at once these race (two nodes on an empty PostgreSQL: "relation
 * databasechangelog already exists"; check-then-create of filters and groups makes duplicates or fails a node).
 * Retrying would hide the race, not remove it, so the whole start-up is serialised: a session-level PostgreSQL
 * advisory lock, taken on a dedicated connection before Liquibase runs ({@link LiquibaseWaitsForStartUpLock}) and
 * released when the application is ready, after {@link org.safeguardingworkflows.platform.StartUpSequence} has run
 * every step and after every other ready listener. A node that dies while holding it
 * releases it with its connection. On H2 (the demo: one process owns the file) there is nothing to serialise.
 */
@Component(ClusterStartUpLock.BEAN_NAME)
public class ClusterStartUpLock implements ApplicationListener<ApplicationReadyEvent>, Ordered, DisposableBean {

  static final String BEAN_NAME = "clusterStartUpLock";
  /** The advisory lock's key, one for the whole database: the bytes of "SWstartu". */
  public static final long KEY = 0x5357737461727475L;

  private static final Logger log = LoggerFactory.getLogger(ClusterStartUpLock.class);

  private Connection connection;

  public ClusterStartUpLock(DataSource dataSource,
      @Value("${safeguarding.cluster.start-up-lock-timeout}") Duration timeout) throws SQLException {
    if (!isPostgres(dataSource)) {
      return;
    }
    connection = dedicatedConnection(dataSource);
    try {
      if (!tryLock()) {
        log.info("Another node is starting up on this database; waiting for it to finish (at most {})", timeout);
        try (Statement statement = connection.createStatement()) {
          // lock_timeout bounds the wait for advisory locks too: a node stuck in start-up does not block others forever.
          statement.execute("SET lock_timeout = " + timeout.toMillis());
          statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
          statement.execute("SET lock_timeout = 0");
        }
      }
      log.info("Start-up lock taken: this node migrates the schema and sets up alone");
    } catch (SQLException e) {
      close();
      throw new IllegalStateException("Could not take the cluster start-up lock within " + timeout
          + " (another node has been starting up for that long; see its log)", e);
    }
  }

  private boolean tryLock() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, KEY);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  /** Ready: everything this node sets up in the database is there, so the next node may start up. */
  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (connection != null) {
      close();
      log.info("Start-up lock released");
    }
  }

  /** After every other ready listener (they may still set things up). */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** A start-up that failed closes the context: the lock goes with the connection. */
  @Override
  public void destroy() {
    close();
  }

  private synchronized void close() {
    if (connection == null) {
      return;
    }
    try {
      // Closing the session releases its advisory locks.
      connection.close();
    } catch (SQLException e) {
      log.warn("Closing the start-up lock's connection failed; PostgreSQL releases the lock when the session ends");
    } finally {
      connection = null;
    }
  }

  private static boolean isPostgres(DataSource dataSource) throws SQLException {
    try (Connection probe = dataSource.getConnection()) {
      return "PostgreSQL".equals(probe.getMetaData().getDatabaseProductName());
    }
  }

  /**
   * A connection of its own, outside the pool: a session-level lock must not go back into the pool with a pooled
   * connection, and the pool stays whole for the start-up work.
   */
  private static Connection dedicatedConnection(DataSource dataSource) throws SQLException {
    if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
      return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
    }
    return dataSource.getConnection();
  }
}
