package org.safeguardingworkflows.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated practitioners of one node configuration did: the time of every request by kind (in the measured
 * window, after the warm-up), and every error over the whole run, the warm-up included (target: none).
 */
final class PractitionerLoad {

  /** The kinds of request, in the order a practitioner makes them. */
  static final List<String> KINDS = List.of(SimulatedPractitioner.LOG_IN, SimulatedPractitioner.FILTER_COUNTS, SimulatedPractitioner.LIST,
      SimulatedPractitioner.OPEN_TASK, SimulatedPractitioner.FORM_KEY, SimulatedPractitioner.DEPLOYED_FORM,
      SimulatedPractitioner.FORM_VARIABLES, SimulatedPractitioner.COMPLETE);

  private final Map<String, ConcurrentLinkedQueue<Long>> nanos = new ConcurrentHashMap<>();
  private final AtomicLong measuredRequests = new AtomicLong();
  private final AtomicLong measuredCompletions = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong optimisticLockingFailures = new AtomicLong();
  private final AtomicLong emptyLists = new AtomicLong();
  /** What went wrong, as "kind: HTTP status and exception type": never a message, which may quote case content. */
  private final Set<String> errorKinds = ConcurrentHashMap.newKeySet();
  private volatile boolean measuring;
  private volatile long measuredFrom;
  private volatile long measuredTo;

  void startMeasuring() {
    measuredFrom = System.nanoTime();
    measuring = true;
  }

  void stopMeasuring() {
    measuring = false;
    measuredTo = System.nanoTime();
  }

  /** Logins happen at the start, in the warm-up: their times are kept whenever they happen. */
  void answered(String kind, long nanos) {
    if (measuring || SimulatedPractitioner.LOG_IN.equals(kind)) {
      this.nanos.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos);
    }
    if (measuring) {
      measuredRequests.incrementAndGet();
    }
  }

  void completed() {
    if (measuring) {
      measuredCompletions.incrementAndGet();
    }
  }

  void failed(String kind, String what, boolean optimisticLocking) {
    errors.incrementAndGet();
    if (optimisticLocking) {
      optimisticLockingFailures.incrementAndGet();
    }
    errorKinds.add(kind + ": " + what);
  }

  void emptyList() {
    emptyLists.incrementAndGet();
  }

  /** The request times of one kind, sorted, in nanoseconds. */
  List<Long> sorted(String kind) {
    List<Long> sorted = new ArrayList<>(nanos.getOrDefault(kind, new ConcurrentLinkedQueue<>()));
    Collections.sort(sorted);
    return sorted;
  }

  double measuredSeconds() {
    return (measuredTo - measuredFrom) / 1e9;
  }

  long measuredRequests() {
    return measuredRequests.get();
  }

  long measuredCompletions() {
    return measuredCompletions.get();
  }

  long errors() {
    return errors.get();
  }

  long optimisticLockingFailures() {
    return optimisticLockingFailures.get();
  }

  long emptyLists() {
    return emptyLists.get();
  }

  Set<String> errorKinds() {
    return Set.copyOf(errorKinds);
  }
}
