package org.safeguardingworkflows.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.safeguardingworkflows.testsupport.Api.Reply;

/**
 * Requests that race: every caller waits on one latch and all are released together, as when several people (or
 * nodes) press the same button at once. A thread pool alone starts its callers one after the other, and the first
 * request is often finished before the last one is sent.
 */
public final class Race {

  /** Long enough for 20 requests waiting one after the other for the child's lock on a busy 2-core machine. */
  private static final long TIMEOUT_SECONDS = 120;

  private Race() {
  }

  /** Runs {@code call(0..callers-1)} in parallel, released together; the replies in the callers' order. */
  public static List<Reply> of(int callers, IntFunction<Reply> call) {
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int caller = 0; caller < callers; caller++) {
        int index = caller;
        replies.add(threads.submit(() -> {
          ready.countDown();
          go.await();
          return call.apply(index);
        }));
      }
      if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("The callers did not get ready");
      }
      go.countDown();
      List<Reply> answers = new ArrayList<>();
      for (Future<Reply> reply : replies) {
        answers.add(reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return answers;
    } catch (Exception e) {
      throw new AssertionError("The race did not finish", e);
    } finally {
      threads.shutdownNow();
    }
  }
}
