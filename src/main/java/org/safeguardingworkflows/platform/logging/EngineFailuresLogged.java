package org.safeguardingworkflows.platform.logging;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine logs every failed command as ENGINE-16004 at ERROR, with the exception's message (which quotes variable
 * values and form text) and its whole stack trace, refusals of a practitioner's input included. This plugin switches
 * that logging off and logs failed commands itself ({@link CommandFailureLog}): a refusal as its type in one line, a
 * genuine fault as an error id, the command and the exception class with a stack trace. Both are one setting here, so
 * that the engine's logging is never off without this log in its place.
 */
@Component
public class EngineFailuresLogged extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableCmdExceptionLogging(false);
    // Outermost of the custom interceptors: it sees what reaches the caller, after ValidationReachesTheCaller.
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new CommandFailureLog());
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(0, new CommandFailureLog());
  }
}
