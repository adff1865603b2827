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

import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means "the database cannot be reached" rather than "this request is wrong" or "our code is wrong",
 * read from the exception's cause chain, since the engine (MyBatis), Spring's JDBC and transaction support and the
 * connection pool each wrap the driver's exception in their own:
 * <ul>
 *   <li>no connection to be had because the server refuses or does not answer: a refused TCP connection, or the pool's
 *       timeout ({@link SQLTransientConnectionException}) carrying the last connection failure's SQLState;</li>
 *   <li>a connection lost or refused by the server: SQLState class {@code 08} (connection exception), and
 *       {@code 57P01}-{@code 57P03} (the server was shut down under the connection, or is starting up or shutting
 *       down and takes no connections).</li>
 * </ul>
 * The pool's timeout WITHOUT a connection failure behind it is not an outage: the database is there, but every
 * connection is lent to other requests for longer than the pool's wait (the node is overloaded). That is
 * {@link #onlyBusy}: also answered 503, in other words.
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
      if (cause instanceof ConnectException) {
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

  /** A request that had to wait too long for one of the pool's connections, with the database itself reachable. */
  public static boolean onlyBusy(Throwable failure) {
    if (causedIt(failure)) {
      return false;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  /** Either: the request could not have a connection (503 rather than 500, with the words saying which). */
  public static boolean stoppedTheRequest(Throwable failure) {
    return causedIt(failure) || onlyBusy(failure);
  }

  private static boolean isConnectionState(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || SERVER_GOING_OR_COMING.contains(sqlState));
  }
}
