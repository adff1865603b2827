package org.safeguardingworkflows.platform.cluster;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * SIGTERM lets the jobs in hand finish. Left alone, a stopping node's job threads are interrupted when Spring
 * destroys their pool (the Camunda starter's {@code camundaTaskExecutor} does not wait for its tasks), and the jobs
 * the node had acquired stay locked to it until their lock expires (5 minutes, application.yaml). Here, first thing
 * on shutdown (while the web server drains its requests), the node stops acquiring jobs and waits (at most
 * {@code spring.lifecycle.timeout-per-shutdown-phase}) for the jobs it acquired to run, before the engine and the
 * database pool close. (Spring already stops the job threads' pool from taking new work when the context starts
 * closing; what it had taken still runs.)
 */
@Component
public class JobExecutorDrains implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobExecutorDrains.class);

  private final ObjectProvider<JobExecutor> jobExecutor;
  private final ObjectProvider<TaskExecutor> jobThreads;
  private final Duration timeout;
  private volatile boolean running;

  public JobExecutorDrains(ObjectProvider<JobExecutor> jobExecutor,
      @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> jobThreads,
      @Value("${spring.lifecycle.timeout-per-shutdown-phase}") Duration timeout) {
    this.jobExecutor = jobExecutor;
    this.jobThreads = jobThreads;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    JobExecutor executor = jobExecutor.getIfAvailable();
    if (executor == null || !executor.isActive()) {
      return;
    }
    // Stops the acquisition thread: no new jobs are taken from the database.
    executor.shutdown();
    if (jobThreads.getIfAvailable() instanceof ThreadPoolTaskExecutor pool) {
      ThreadPoolExecutor threads = pool.getThreadPoolExecutor();
      // Runs what is running and what was acquired and queued, accepts nothing more.
      threads.shutdown();
      try {
        if (!threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          log.warn("Jobs still running {} after shutdown began; they are retried by another node when their lock expires",
              timeout);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    log.info("Job executor drained");
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Stops first: every moment the acquisition thread runs after the pool stopped taking work, it locks jobs this node
   * will not run. Jobs created by requests still draining are left to the other nodes.
   */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
