package org.safeguardingworkflows.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One application node: the built jar ({@code target/safeguarding-workflows-*.jar}, made by {@code package}) running
 * as a separate {@code java} process, as it runs in production, so that tests can start several on one database, kill
 * one with {@code kill -9} ({@link #kill()}), stop one with SIGTERM ({@link #stop()}) and start it again
 * ({@link #restart()}) on the same port. Everything the node prints goes to {@code target/nodes/<name>.log} (kept
 * across restarts), and a node that does not come up fails the test with the tail of that log.
 *
 * <p>Staff: a node runs the demo profile beside its database's profile ({@code postgres,demo} on PostgreSQL), so it
 * creates the demo's staff ({@link #WORKER}, {@link #TEAM_MANAGER}, ... with {@link #PASSWORD}) and administrator
 * ({@link #ADMIN}), and serves plain HTTP without Secure cookies. The demo's users are created under the cluster's
 * start-up lock like everything else a node sets up, so nodes started together do not duplicate them.
 */
public final class ApplicationNode implements AutoCloseable {

  /** The demo profile's password for every demo user and its administrator (application-demo.yaml). */
  public static final String PASSWORD = "Demo-pass-2026";
  /** Demo social worker of the North team. */
  public static final String WORKER = "sam.worker";
  /** Demo team manager of the North team. */
  public static final String TEAM_MANAGER = "tia.manager";
  public static final String SENIOR_MANAGER = "sol.senior";
  public static final String IRO = "ira.iro";
  public static final String ADMIN = "admin";

  /**
   * A small heap (two nodes, Maven and PostgreSQL share a 2-core CI machine) and the client compiler only, which
   * brings a node up noticeably faster; a benchmark wanting full speed passes its own options.
   */
  public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
      "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

  private static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);

  private final String name;
  private final int port;
  private final List<String> profiles;
  private final Map<String, String> properties;
  private final List<String> jvmOptions;
  private final Path log;
  private final Path workingDirectory;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  private ApplicationNode(Builder builder) {
    this.name = builder.name;
    this.port = builder.port > 0 ? builder.port : freePort();
    this.profiles = List.copyOf(builder.profiles);
    this.properties = Map.copyOf(builder.properties);
    this.jvmOptions = List.copyOf(builder.jvmOptions);
    this.log = Path.of("target", "nodes", name + ".log").toAbsolutePath();
    this.workingDirectory = Path.of("target", "nodes", name).toAbsolutePath();
  }

  /** A node in the postgres profile on the given database (the demo profile adds the staff logins). */
  public static Builder onPostgres(String name, String jdbcUrl, String user, String password) {
    return new Builder(name).profiles("postgres", "demo")
        .property("DB_URL", jdbcUrl).property("DB_USER", user).property("DB_PASSWORD", password);
  }

  /**
   * A node of the demo exactly as {@code java -jar} runs it with no settings: the demo profile on its H2 file database
   * ({@code ./data/} of the node's {@link #workingDirectory()}, with the demo's own datasource URL), which survives
   * a restart of the node.
   */
  public static Builder demoOnH2(String name) {
    return new Builder(name).profiles("demo");
  }

  /** How a node is started; {@link #build()} makes the node without starting it. */
  public static final class Builder {
    private final String name;
    private int port;
    private final List<String> profiles = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);

    private Builder(String name) {
      if (!name.matches("[a-zA-Z0-9-]+")) {
        throw new IllegalArgumentException("A node's name names its log file: letters, digits and '-' only");
      }
      this.name = name;
      // The engine's host name is written to the job log with every job a node runs: which node ran what.
      properties.put("camunda.bpm.generic-properties.properties.hostname", name);
    }

    public Builder profiles(String... names) {
      profiles.clear();
      profiles.addAll(List.of(names));
      return this;
    }

    /** An application property, passed as {@code --key=value} (it wins over every yaml file). */
    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** The job executor on (the default, as in production) or off. */
    public Builder jobExecutor(boolean enabled) {
      return property("camunda.bpm.job-execution.enabled", String.valueOf(enabled));
    }

    /** Replaces {@link #DEFAULT_JVM_OPTIONS}. */
    public Builder jvmOptions(String... options) {
      jvmOptions.clear();
      jvmOptions.addAll(List.of(options));
      return this;
    }

    /** A fixed port; by default a free one is picked once and kept across restarts. */
    public Builder port(int fixedPort) {
      this.port = fixedPort;
      return this;
    }

    public ApplicationNode build() {
      return new ApplicationNode(this);
    }

    /** Builds, starts and waits until {@code /actuator/health} is UP. */
    public ApplicationNode startAndAwait() {
      ApplicationNode node = build();
      node.start();
      node.awaitUp();
      return node;
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public Path logFile() {
    return log;
  }

  /** The node's current directory, {@code target/nodes/<name>/}: the demo's H2 database lives under it. */
  public Path workingDirectory() {
    return workingDirectory;
  }

  /** The operating system's process id of the running node (for signals the JDK does not send). */
  public long pid() {
    requireStarted();
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Launches the process and returns at once: start several, then {@link #awaitUp()} each. */
  public synchronized void start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(builtJar().toString());
    command.add("--server.port=" + port);
    if (!profiles.isEmpty()) {
      command.add("--spring.profiles.active=" + String.join(",", profiles));
    }
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.createDirectories(workingDirectory);
      Files.writeString(log, "==== " + name + " starting on port " + port + System.lineSeparator(), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      // The demo profile's H2 database (./data/) and anything else the node writes stay in its own directory.
      builder.directory(workingDirectory.toFile());
      builder.environment().remove("SPRING_PROFILES_ACTIVE");
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start node " + name, e);
    }
  }

  /** Waits until {@code /actuator/health} answers UP; fails with the log's tail if the node dies or is too slow. */
  public void awaitUp() {
    awaitUp(DEFAULT_START_TIMEOUT);
  }

  public void awaitUp(Duration timeout) {
    requireStarted();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Node " + name + " exited with " + process.exitValue() + " before it was up:\n" + logTail(60));
      }
      if (isUp()) {
        return;
      }
      sleep(250);
    }
    throw new AssertionError("Node " + name + " was not up within " + timeout + ":\n" + logTail(60));
  }

  /** Whether {@code /actuator/health} answers 200 UP now. */
  public boolean isUp() {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
          .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code kill -9}: the process ends at once, mid-request and mid-transaction, as in a crash or an OOM kill. */
  public void kill() {
    requireStarted();
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM, as an orchestrator stops a node; waits for the process to end (at most {@code timeout}). */
  public int stop(Duration timeout) {
    requireStarted();
    process.destroy();
    return awaitExit(timeout);
  }

  /** SIGTERM without waiting: the test goes on talking to the node while it shuts down. */
  public void signalStop() {
    requireStarted();
    process.destroy();
  }

  /** Waits for the process to end and returns its exit code; fails if it is still running after {@code timeout}. */
  public int awaitExit(Duration timeout) {
    requireStarted();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("Node " + name + " still running " + timeout + " after it was told to stop:\n" + logTail(40));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts the node again with the same settings and port, and waits until it is up. */
  public void restart() {
    if (isAlive()) {
      stop(Duration.ofMinutes(1));
    }
    start();
    awaitUp();
  }

  /** The last lines the node printed (its whole output is in {@link #logFile()}). */
  public String logTail(int lines) {
    try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
      List<String> kept = all.toList();
      return String.join(System.lineSeparator(), kept.subList(Math.max(0, kept.size() - lines), kept.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log at " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Kills the node if it still runs: a test that failed half-way leaves no process behind. */
  @Override
  public void close() {
    if (isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void requireStarted() {
    if (process == null) {
      throw new IllegalStateException("Node " + name + " was never started");
    }
  }

  static Path builtJar() {
    Path target = Path.of("target").toAbsolutePath();
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(file -> file.getFileName().toString().matches("safeguarding-workflows-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(
              "No target/safeguarding-workflows-*.jar: application nodes run the built jar, so their tests run "
                  + "after `package` (maven-failsafe-plugin, `mvn verify`)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
