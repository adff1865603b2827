package org.safeguardingworkflows.tasks;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Conventions that hold for every user task of every process, so that no diagram has to repeat them (and no
 * process owner can forget them in Modeler):
 * <ul>
 *   <li>the task name carries the child reference, so Tasklist lists say whose task it is;</li>
 *   <li>on completion, the task's Camunda Form rules (required fields, lengths, patterns) are checked again on
 *       the server, because Tasklist validates in the browser only;</li>
 *   <li>a task marked with the extension property {@code formOpensBlank=true} opens with an empty form;</li>
 *   <li>a refused form reaches the caller as a validation error (REST 400), not as a server error;</li>
 *   <li>a process started from a Tasklist start form (which sets no business key) takes the child reference as its
 *       business key.</li>
 * </ul>
 */
@Component
public class TaskConventions extends AbstractProcessEnginePlugin {

  private final TaskListener childReferenceInTaskName = new ChildReferenceInTaskName();
  private final TaskListener formRulesOnServer = new FormRulesOnServer();
  private final TaskListener previousAnswersCleared = new PreviousAnswersCleared();
  private final ExecutionListener childReferenceAsBusinessKey = new ChildReferenceAsBusinessKey();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new ValidationReachesTheCaller());
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEvent) {
        if (scope instanceof ProcessDefinitionEntity) {
          startEvent.addListener(ExecutionListener.EVENTNAME_END, childReferenceAsBusinessKey);
        }
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, childReferenceInTaskName);
        if (opensBlank(userTaskElement)) {
          task.addTaskListener(TaskListener.EVENTNAME_CREATE, previousAnswersCleared);
        }
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, formRulesOnServer);
      }
    });
  }

  private static boolean opensBlank(Element userTask) {
    Element extensions = userTask.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return false;
    }
    return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
        .anyMatch(property -> PreviousAnswersCleared.PROPERTY.equals(property.attribute("name"))
            && "true".equals(property.attribute("value")));
  }
}
