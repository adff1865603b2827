package org.safeguardingworkflows.reporting.cockpit;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The repeat-plan dashboard in Cockpit, where managers already work. Registered through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; Cockpit loads its front end from
 * {@code plugin-webapp/repeat-plans/app/plugin.js} and serves its resource under {@code /api/cockpit/plugin/repeat-plans}.
 */
public class RepeatPlansCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "repeat-plans";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(RepeatPlansPluginResource.class);
  }
}
