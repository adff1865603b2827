package org.safeguardingworkflows.platform;

/**
 * One thing the application sets up in its database at every start (groups, grants, filters, the deployment...).
 * Steps do not run themselves: {@link StartUpSequence} runs them in the order it writes down, so that what must exist
 * before what is said in one place instead of hanging on bean creation order.
 */
public interface StartUpStep {

  /** What the step sets up, in plain words, as the start-up log shows it. */
  String name();

  /** Sets up what is missing and leaves what exists: every start runs every step, on a new or an existing database. */
  void run();
}
