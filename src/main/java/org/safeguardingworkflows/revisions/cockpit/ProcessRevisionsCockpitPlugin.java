package org.safeguardingworkflows.revisions.cockpit;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Process revisions in Cockpit: the deployed versions of a process with their running journeys, a dry run of moving
 * the journeys to another version, and then the migration (Cockpit's own migration screens are not in the Community
 * Edition). Registered through {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; the front
 * end is {@code plugin-webapp/process-revisions/app/plugin.js}.
 */
public class ProcessRevisionsCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "process-revisions";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(ProcessRevisionsPluginResource.class);
  }
}
