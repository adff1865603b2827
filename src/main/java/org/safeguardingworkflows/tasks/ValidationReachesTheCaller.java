package org.safeguardingworkflows.tasks;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps every exception thrown by a task listener in a generic {@link ProcessEngineException}, which
 * the REST API answers with 500. A refused form is the user's to correct, not a server fault: this interceptor
 * hands the {@link FormFieldValidationException} itself back to the caller (after the transaction has rolled
 * back), so the REST API answers 400 and Tasklist shows the sentence with the task still open.
 */
class ValidationReachesTheCaller extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      FormFieldValidationException validation = validationCause(e);
      throw validation != null ? validation : e;
    }
  }

  private static FormFieldValidationException validationCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException validation) {
        return validation;
      }
    }
    return null;
  }
}
