package org.safeguardingworkflows.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.platform.Json;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of the Camunda Form that a task or a start event is submitted with, for requests that arrive from outside
 * the engine: a completion may set only what its form declares. Read with the application's own rights, since the
 * question is what the diagram allows, not what the caller may read.
 */
@Component
public class DeployedFormFields {

  /**
   * What a submitted form may carry: the fields it writes, and the read-only fields it only shows; and the label of
   * each, so that a refusal names a field as the form does.
   */
  public record Fields(Set<String> inputKeys, Set<String> displayOnlyKeys, Map<String, String> labels) {

    static final Fields NONE = new Fields(Set.of(), Set.of(), Map.of());
  }

  private final FormService formService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final SystemAccess systemAccess;

  public DeployedFormFields(FormService formService, TaskService taskService, RepositoryService repositoryService,
      SystemAccess systemAccess) {
    this.formService = formService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.systemAccess = systemAccess;
  }

  /** The task's form fields; empty when there is no such task (the engine then answers the caller itself). */
  public Optional<Fields> ofTask(String taskId) {
    return systemAccess.call(Reason.FORM_AS_DEPLOYED, () -> {
      Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null) {
        return Optional.empty();
      }
      if (task.getCamundaFormRef() == null) {
        return Optional.of(Fields.NONE);
      }
      return Optional.of(fields(formService.getDeployedTaskForm(taskId)));
    });
  }

  /** The value a task's form shows for a read-only field: the variable as the task sees it. */
  public Object shownValue(String taskId, String variableName) {
    return systemAccess.call(Reason.FORM_AS_DEPLOYED, () -> taskService.getVariable(taskId, variableName));
  }

  /** The start form's fields of the definition with this id, or of the latest version of this key. */
  public Optional<Fields> ofStartForm(String definitionId, String definitionKey) {
    return systemAccess.call(Reason.FORM_AS_DEPLOYED, () -> {
      ProcessDefinition definition = definitionId != null
          ? repositoryService.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult()
          : repositoryService.createProcessDefinitionQuery().processDefinitionKey(definitionKey).latestVersion().singleResult();
      if (definition == null) {
        return Optional.empty();
      }
      if (formService.getStartFormData(definition.getId()).getCamundaFormRef() == null) {
        return Optional.of(Fields.NONE);
      }
      return Optional.of(fields(formService.getDeployedStartForm(definition.getId())));
    });
  }

  private static Fields fields(InputStream deployedForm) {
    try (InputStream form = deployedForm) {
      JsonNode json = Json.MAPPER.readTree(form);
      return new Fields(DeployedForm.inputKeys(json), DeployedForm.displayOnlyKeys(json), DeployedForm.labels(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
