package org.safeguardingworkflows.platform.outage;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means "the database cannot be reached" rather than "this request is wrong" or "our code is wrong",
 * read from the exception's cause chain, since the engine (MyBatis), Spring's JDBC and transaction support and the
 * connection pool each wrap the driver's exception in their own:
 * <ul>
 *   <li>no connection to be had: the pool's {@link SQLTransientConnectionException} (Hikari's connection timeout),
 *       Spring's {@link CannotGetJdbcConnectionException}, a refused TCP connection;</li>
 *   <li>a connection lost or refused by the server: SQLState class {@code 08} (connection exception), and
 *       {@code 57P01}-{@code 57P03} (the server was shut down under the connection, or is starting up or shutting
 *       down and takes no connections).</li>
 * </ul>
 */
public final class DatabaseUnreachable {

  private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

  private DatabaseUnreachable() {
  }

  public static boolean causedIt(Throwable failure) {
    // Identity, not equals: a cause chain may loop, and exceptions may define equals.
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> toRead = new ArrayDeque<>(List.of(failure));
    while (!toRead.isEmpty()) {
      Throwable cause = toRead.pop();
      if (!seen.add(cause)) {
        continue;
      }
      if (cause instanceof SQLTransientConnectionException || cause instanceof CannotGetJdbcConnectionException
          || cause instanceof ConnectException) {
        return true;
      }
      if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      // When the rollback fails too (on a connection the pool has already closed: "Connection is closed", no
      // SQLState), Spring throws the rollback's failure and keeps the one that ended the transaction beside it.
      if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
        toRead.push(rollback.getApplicationException());
      }
      if (cause.getCause() != null) {
        toRead.push(cause.getCause());
      }
      toRead.addAll(Arrays.asList(cause.getSuppressed()));
    }
    return false;
  }

  private static boolean isConnectionState(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || SERVER_GOING_OR_COMING.contains(sqlState));
  }
}
