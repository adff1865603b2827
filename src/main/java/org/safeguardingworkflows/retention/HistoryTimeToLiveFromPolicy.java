package org.safeguardingworkflows.retention;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every process deployed from now on, by the application or from Modeler, keeps its history for the time the
 * council's retention policy sets ({@link RetentionPolicy}), not the value written in its diagram: retention is the
 * council's decision, made once in configuration, and a diagram cannot shorten it (the diagrams still carry a value,
 * which the deployment rules require to be at least ten years). Versions deployed earlier are brought in line at
 * start-up by {@link StoredDefinitionsFollowThePolicy}.
 */
@Component
public class HistoryTimeToLiveFromPolicy extends AbstractProcessEnginePlugin {

  private final RetentionPolicy policy;

  public HistoryTimeToLiveFromPolicy(RetentionPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.setHistoryTimeToLive(policy.daysFor(processDefinition.getKey()));
      }
    });
  }
}
