package org.safeguardingworkflows.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing administrator account into a one-line start-up failure instead of a stack trace. */
public class MissingAdminAccountFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdminAccountException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminAccountException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set ADMIN_USER and ADMIN_PASSWORD in the environment (see docker/.env.example), or run the demo profile.",
        cause);
  }
}
