package org.safeguardingworkflows.platform.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** The cause chains seen when PostgreSQL was stopped under the application, and failures that are not an outage. */
class DatabaseUnreachableTest {

  @Test
  void noConnectionFromThePoolBeforeTheEnginesTransaction() {
    // CheckPassword, every engine command: Hikari's timeout, the driver's refused connection under it.
    SQLTransientConnectionException timeout = new SQLTransientConnectionException("pool timed out",
        "08001", new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("refused")));
    assertThat(DatabaseUnreachable.causedIt(new CannotCreateTransactionException("no connection", timeout))).isTrue();
  }

  @Test
  void aConnectionCutByTheServer() {
    assertThat(DatabaseUnreachable.causedIt(new ProcessEngineException("query failed",
        new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(DatabaseUnreachable.causedIt(new ProcessEngineException("query failed",
        new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE)))).isTrue();
  }

  @Test
  void aRollbackThatFailedTooKeepsTheFailureThatEndedTheTransaction() {
    // Spring throws the rollback's failure ("Connection is closed", no SQLState) with the query's failure beside it.
    TransactionSystemException rollback = new TransactionSystemException("rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE));
    assertThat(DatabaseUnreachable.causedIt(new ProcessEnginePersistenceException("persistence", rollback))).isTrue();
  }

  @Test
  void aPoolTimeoutWithTheDatabaseThereIsABusyNodeNotAnOutage() {
    // 50 practitioners at once on 2 cores: every connection lent for longer than the pool's wait, no connection failure.
    SQLTransientConnectionException busy = new SQLTransientConnectionException("pool timed out");
    CannotCreateTransactionException failure = new CannotCreateTransactionException("no connection", busy);
    assertThat(DatabaseUnreachable.causedIt(failure)).isFalse();
    assertThat(DatabaseUnreachable.onlyBusy(failure)).isTrue();
    assertThat(DatabaseUnreachable.stoppedTheRequest(failure)).isTrue();
    SQLTransientConnectionException down = new SQLTransientConnectionException("pool timed out",
        "08001", new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("refused")));
    assertThat(DatabaseUnreachable.onlyBusy(new CannotCreateTransactionException("no connection", down))).isFalse();
  }

  @Test
  void otherFailuresAreNotAnOutage() {
    assertThat(DatabaseUnreachable.causedIt(new DataIntegrityViolationException("duplicate",
        new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION)))).isFalse();
    assertThat(DatabaseUnreachable.causedIt(new TransactionSystemException("rollback failed",
        new SQLException("Connection is closed")))).isFalse();
    assertThat(DatabaseUnreachable.causedIt(new IllegalStateException("a bug"))).isFalse();
  }
}
