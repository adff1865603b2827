package org.safeguardingworkflows.benchmark;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application nodes the practitioners' requests go to, each request to the next node in turn, whoever sends it:
 * a load balancer without sticky sessions, so that a practitioner's consecutive requests land on different nodes.
 */
final class RoundRobinNodes {

  private final List<String> baseUrls;
  private final AtomicLong next = new AtomicLong();

  RoundRobinNodes(List<String> baseUrls) {
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException("No application node to send requests to");
    }
    this.baseUrls = List.copyOf(baseUrls);
  }

  String next() {
    return baseUrls.get((int) (next.getAndIncrement() % baseUrls.size()));
  }

  int size() {
    return baseUrls.size();
  }
}
