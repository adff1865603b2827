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

  private static final ThreadLocal<Integer> APPLICATION_WORK = ThreadLocal.withInitial(() -> 0);

  private final IdentityService identityService;

  public SystemAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> work) {
    APPLICATION_WORK.set(APPLICATION_WORK.get() + 1);
    try {
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
    } finally {
      APPLICATION_WORK.set(APPLICATION_WORK.get() - 1);
    }
  }

  /**
   * Whether the current thread is doing the application's own work through this class. Listeners that check what a
   * person may do ask this: the engine switches authorization checks off for all custom code, and inside a delegate
   * the person's authentication stays set, so neither tells a person's request from the application's own work.
   */
  public static boolean isApplicationWork() {
    return APPLICATION_WORK.get() > 0;
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
