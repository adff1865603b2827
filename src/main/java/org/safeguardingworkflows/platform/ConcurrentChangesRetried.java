package org.safeguardingworkflows.platform;

import java.util.ArrayList;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two people finishing parallel work of one journey at the same moment (the four views before a repeat conference,
 * a concern reported as a review is completed) both change the journey's execution; the engine commits the first
 * and fails the second with {@link OptimisticLockingException}, which Tasklist shows its user as an error although
 * nothing was wrong with their work. A person's command that runs in a transaction of its own is therefore run again,
 * up to {@link #ATTEMPTS} times in all: the next run reads what the first committed, and the rules (forms, roles, the
 * gate) are checked again against it. Not retried:
 * <ul>
 *   <li>a command inside a caller's transaction (the application's own API services): the caller's other work would
 *       be lost, so the failure goes back to the caller, which answers 409 "try again";</li>
 *   <li>a command run by nobody (the job executor): Camunda already lets another acquisition run a job that lost.</li>
 * </ul>
 */
@Component
public class ConcurrentChangesRetried extends AbstractProcessEnginePlugin {

  /**
   * Each round of a race, at least one of the people racing commits; the most work done in parallel on one journey is
   * the four views, so four attempts always suffice for them, and one more is kept in hand.
   */
  static final int ATTEMPTS = 5;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    // First in the chain: outside the transaction and the command context, so that each attempt gets new ones.
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new RunAgain(configuration));
  }

  static final class RunAgain extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    RunAgain(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      boolean ownTransaction = Context.getCommandContext() == null
          && !TransactionSynchronizationManager.isActualTransactionActive();
      boolean byAPerson = configuration.getIdentityService().getCurrentAuthentication() != null;
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (OptimisticLockingException concurrentChange) {
          if (!ownTransaction || !byAPerson || attempt >= ATTEMPTS) {
            throw concurrentChange;
          }
        }
      }
    }
  }
}
