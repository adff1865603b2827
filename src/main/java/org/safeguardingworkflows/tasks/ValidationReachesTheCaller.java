package org.safeguardingworkflows.tasks;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps every exception thrown by a task listener in a generic {@link ProcessEngineException}, which
 * the REST API answers with 500. A refused form is the user's to correct, not a server fault: this interceptor
 * hands the {@link FormFieldValidationException} itself back to the caller (after the transaction has rolled
 * back), so the REST API answers 400 and Tasklist shows the sentence with the task still open. A refusal by a listener
 * (who may complete, claim or reassign a task; who may start a journey for a child) is handed back the same way as the
 * {@link AuthorizationException} it is, so the caller gets 403 rather than 500.
 */
class ValidationReachesTheCaller extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      FormFieldValidationException validation = cause(e, FormFieldValidationException.class);
      if (validation != null) {
        throw validation;
      }
      AuthorizationException refusal = cause(e, AuthorizationException.class);
      throw refusal != null ? refusal : e;
    }
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
