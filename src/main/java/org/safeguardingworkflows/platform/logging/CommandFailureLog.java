package org.safeguardingworkflows.platform.logging;

import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs an engine command that failed, never with the exception's message. A refusal (invalid form, bad request, no
 * permission, a concurrent change) is the caller's to correct: one line at INFO with the command and the exception
 * type, no stack trace (the rule that refused a form is logged by the form check itself). Anything else is a fault:
 * ERROR with a new error id, the command, the exception class and a stack trace, printed without messages
 * ({@link ThrowableWithoutMessages}). A command run inside another is logged once, by the outermost.
 */
class CommandFailureLog extends CommandInterceptor {

  private static final Logger log = LoggerFactory.getLogger(CommandFailureLog.class);
  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  @Override
  public <T> T execute(Command<T> command) {
    DEPTH.set(DEPTH.get() + 1);
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      if (DEPTH.get() == 1) {
        logFailure(command, e);
      }
      throw e;
    } finally {
      DEPTH.set(DEPTH.get() - 1);
    }
  }

  private static void logFailure(Command<?> command, RuntimeException e) {
    String commandName = command.getClass().getSimpleName();
    if (isRefusal(e)) {
      log.info("Engine command {} refused: {}", commandName, e.getClass().getName());
    } else {
      log.error("Engine command {} failed: error {}, {}", commandName, UUID.randomUUID(), e.getClass().getName(), e);
    }
  }

  static boolean isRefusal(Throwable e) {
    return e instanceof FormFieldValidationException
        || e instanceof BadUserRequestException
        || e instanceof AuthorizationException
        || e instanceof OptimisticLockingException
        || e instanceof TaskAlreadyClaimedException;
  }
}
