package org.safeguardingworkflows.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine work that the application itself does on a user's behalf (checking that a named worker exists,
 * raising a concern on a journey, handing tasks to a new worker) without the caller's Camunda authorizations.
 * The caller's right to ask has already been checked by the code that calls this.
 */
@Component
public class SystemAccess {

  private final IdentityService identityService;

  public SystemAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> work) {
    if (Context.getCommandContext() != null) {
      // Inside a delegate or listener: the engine's own switch for the current command.
      return Context.getCommandContext().runWithoutAuthorization(work::get);
    }
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
