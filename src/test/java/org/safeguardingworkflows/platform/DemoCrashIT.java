package org.safeguardingworkflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.ApplicationNode;

/**
 * A 201 means stored, on the demo's H2 file database too: {@code kill -9} in the middle of a burst of journey starts,
 * a restart, and every journey that was answered 201 is there (issue 16: with H2's default write delay, 4 of 36 were
 * gone). The same on PostgreSQL is part of {@link ClusterIT}.
 */
class DemoCrashIT {

  ApplicationNode demo;

  @AfterEach
  void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void everyJourneyAnswered201IsThereAfterKillMinus9AndARestart() throws Exception {
    demo = ApplicationNode.demoOnH2("demo-crash").build();
    deleteRecursively(demo.workingDirectory());
    demo.start();
    demo.awaitUp();

    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    AtomicBoolean gone = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> burst = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        burst.add(clients.submit(() -> {
          Api worker = Api.as(demo.port(), ApplicationNode.WORKER, ApplicationNode.PASSWORD);
          while (!gone.get()) {
            String childRef = "C-" + UUID.randomUUID().toString().substring(0, 8);
            try {
              if (worker.post("/api/step-downs", stepDown(childRef)).status() == 201) {
                acknowledged.add(childRef);
              }
            } catch (RuntimeException killed) {
              gone.set(true);
            }
          }
        }));
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (acknowledged.size() < 30 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      demo.kill();
      for (Future<?> thread : burst) {
        thread.get(1, TimeUnit.MINUTES);
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(30);

    demo.restart();
    Api manager = Api.as(demo.port(), ApplicationNode.TEAM_MANAGER, ApplicationNode.PASSWORD);
    List<String> missing = acknowledged.stream()
        .filter(childRef -> manager.get("/api/step-downs/" + childRef).status() != 200).toList();
    assertThat(missing).as("of " + acknowledged.size() + " journeys answered 201 before kill -9").isEmpty();
  }

  private static Map<String, Object> stepDown(String childRef) {
    return Map.of("childRef", childRef,
        "planStartDate", LocalDate.now().minusMonths(9).toString(),
        "planEndDate", LocalDate.now().minusDays(3).toString(),
        "categoryOfAbuse", "NEG",
        "destination", "CHILD_IN_NEED",
        "allocatedWorker", ApplicationNode.WORKER,
        "teamManager", ApplicationNode.TEAM_MANAGER,
        "iro", ApplicationNode.IRO);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
