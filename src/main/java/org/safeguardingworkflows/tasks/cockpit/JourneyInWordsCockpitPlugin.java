package org.safeguardingworkflows.tasks.cockpit;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * "Journey in plain words": a tab on Cockpit's process instance page, beside its raw variables, with the child
 * reference, the stage and each recorded answer under its form's label, codes as words and dates as dd/mm/yyyy.
 * Registered through {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; the front end is
 * {@code plugin-webapp/journey-in-words/app/plugin.js}.
 */
public class JourneyInWordsCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "journey-in-words";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(JourneyInWordsPluginResource.class);
  }
}
