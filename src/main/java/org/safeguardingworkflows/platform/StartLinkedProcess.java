package org.safeguardingworkflows.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.springframework.stereotype.Component;

/**
 * One process starts another for the same child: a message throw event ("Request a legal planning meeting")
 * sends its message to the process that starts on it. The started process receives the throw event's input
 * parameters plus {@code originProcessInstanceId} and {@code originProcessKey}; the starting process keeps the
 * other's id in {@code <messageName>InstanceId} (e.g. {@code legalPlanningRequestedInstanceId}), so the two are
 * linked both ways. A child has at most one open instance of the started process: when one is already running,
 * the link is made to it instead of starting a second.
 */
@Component("startLinkedProcess")
public class StartLinkedProcess implements JavaDelegate {

  private final SystemAccess systemAccess;

  // The child and the process that asked, whatever the started process (each started process declares them too).
  public static final ProcessVariable<String> CHILD_REF = ProcessVariable.text("childRef");
  public static final ProcessVariable<String> ORIGIN_PROCESS_INSTANCE_ID = ProcessVariable.text("originProcessInstanceId");
  public static final ProcessVariable<String> ORIGIN_PROCESS_KEY = ProcessVariable.text("originProcessKey");

  /**
   * What every linked start sends besides the throwing event's input mappings: the model checks hold a throwing event
   * to the message's declared variables ({@code CorrelatesMessageWith} on the receiving side) with these and its
   * mappings.
   */
  public static final Set<String> ALWAYS_SENT = Set.of(CHILD_REF.name(), ORIGIN_PROCESS_INSTANCE_ID.name(), ORIGIN_PROCESS_KEY.name());

  public StartLinkedProcess(SystemAccess systemAccess) {
    this.systemAccess = systemAccess;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String messageName = messageName(execution);
    String childRef = execution.getProcessBusinessKey();
    String linkedInstanceId = systemAccess.call(SystemAccess.Reason.MESSAGE_THE_CHILDS_PROCESS, () -> {
      RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
      RepositoryService repositoryService = execution.getProcessEngineServices().getRepositoryService();
      ProcessDefinition target = repositoryService.createProcessDefinitionQuery()
          .messageEventSubscriptionName(messageName).latestVersion().singleResult();
      if (target == null) {
        throw new IllegalStateException("No process starts on the message " + messageName);
      }
      ProcessInstance running = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(target.getKey()).processInstanceBusinessKey(childRef).active().list()
          .stream().findFirst().orElse(null);
      if (running != null) {
        return running.getId();
      }
      Map<String, Object> variables = new HashMap<>(execution.getVariablesLocal());
      CHILD_REF.putIn(variables, childRef);
      ORIGIN_PROCESS_INSTANCE_ID.putIn(variables, execution.getProcessInstanceId());
      ORIGIN_PROCESS_KEY.putIn(variables, originProcessKey(execution));
      return runtimeService.createMessageCorrelation(messageName)
          .processInstanceBusinessKey(childRef)
          .setVariables(variables)
          .correlateStartMessage()
          .getId();
    });
    execution.getProcessInstance().setVariable(linkVariable(messageName), linkedInstanceId);
  }

  /** {@code LegalPlanningRequested} -> {@code legalPlanningRequestedInstanceId}. */
  public static String linkVariable(String messageName) {
    return Character.toLowerCase(messageName.charAt(0)) + messageName.substring(1) + "InstanceId";
  }

  private static String messageName(DelegateExecution execution) {
    if (execution.getBpmnModelElementInstance() instanceof ThrowEvent event) {
      for (EventDefinition definition : event.getEventDefinitions()) {
        if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
          return message.getMessage().getName();
        }
      }
    }
    throw new IllegalStateException("startLinkedProcess must sit on a message throw event with a message");
  }

  private static String originProcessKey(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId.substring(0, definitionId.indexOf(':'));
  }
}
