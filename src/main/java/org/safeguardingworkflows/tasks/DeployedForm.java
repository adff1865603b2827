package org.safeguardingworkflows.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.safeguardingworkflows.platform.Json;
import org.safeguardingworkflows.platform.web.FieldProblem;

import com.fasterxml.jackson.databind.JsonNode;

/** The Camunda Form a task is completed with, read from the task's deployment (the binding the diagram chose). */
public final class DeployedForm {

  private DeployedForm() {
  }

  /**
   * Forms bound to the task's own deployment, parsed once: a deployment never changes, so its forms never do. Without
   * this, each task's creation and completion read and parsed its form from the database again.
   */
  private static final Map<String, JsonNode> DEPLOYMENT_FORMS = new ConcurrentHashMap<>();
  private static final String DEPLOYMENT_BINDING = "deployment";

  static Optional<JsonNode> of(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null
        || entity.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
      return Optional.empty();
    }
    if (DEPLOYMENT_BINDING.equals(entity.getTaskDefinition().getCamundaFormDefinitionBinding()) && entity.getProcessDefinition() != null) {
      String key = entity.getProcessDefinition().getDeploymentId() + "/"
          + entity.getTaskDefinition().getCamundaFormDefinitionKey().getExpressionText();
      return Optional.of(DEPLOYMENT_FORMS.computeIfAbsent(key, ignored -> read(task)));
    }
    return Optional.of(read(task));
  }

  /**
   * The sentences of a start refused by its rules, as its start form's user reads them: each field named by the form's
   * label for it (FieldProblem.messageIn). The form is read only when there is something to say.
   */
  public static List<String> inTheStartFormsWords(List<FieldProblem> problems, DelegateExecution execution) {
    if (problems.isEmpty()) {
      return List.of();
    }
    Map<String, String> labels = startFormLabels(execution);
    return problems.stream().map(problem -> problem.messageIn(labels)).toList();
  }

  /** The labels of the start form of the execution's process (none when it has no Camunda Form). */
  private static Map<String, String> startFormLabels(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    FormService forms = execution.getProcessEngineServices().getFormService();
    // The application reads its own form definition; the user's rights to deployments do not matter here.
    return Context.getCommandContext().runWithoutAuthorization(() -> {
      if (forms.getStartFormData(definitionId).getCamundaFormRef() == null) {
        return Map.<String, String>of();
      }
      try (InputStream form = forms.getDeployedStartForm(definitionId)) {
        return labels(Json.MAPPER.readTree(form));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static JsonNode read(DelegateTask task) {
    // The application reads its own form definition; the user's rights to deployments do not matter here.
    try (InputStream form = Context.getCommandContext().runWithoutAuthorization(
        () -> task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId()))) {
      return Json.MAPPER.readTree(form);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The variables the form writes: input field keys and list paths, not the read-only texts and tables. */
  public static Set<String> inputKeys(JsonNode form) {
    Set<String> keys = new LinkedHashSet<>();
    collect(form.path("components"), keys, new LinkedHashSet<>());
    return keys;
  }

  /**
   * The keys of the form's read-only and disabled fields: shown to the user, and sent back by form-js on submit, but
   * never written by the form.
   */
  public static Set<String> displayOnlyKeys(JsonNode form) {
    Set<String> keys = new LinkedHashSet<>();
    collect(form.path("components"), new LinkedHashSet<>(), keys);
    return keys;
  }

  /** The label each input field is shown under (a date's own label for a date), by key: the words its user read. */
  public static Map<String, String> labels(JsonNode form) {
    Map<String, String> labels = new LinkedHashMap<>();
    collectLabels(form.path("components"), labels);
    return labels;
  }

  private static void collectLabels(JsonNode components, Map<String, String> labels) {
    for (JsonNode component : components) {
      collectLabels(component.path("components"), labels);
      String key = component.path("dynamiclist".equals(component.path("type").asText()) ? "path" : "key").asText();
      String label = component.path("label").asText(component.path("dateLabel").asText());
      if (!key.isEmpty() && !label.isBlank()) {
        labels.putIfAbsent(key, label);
      }
    }
  }

  private static void collect(JsonNode components, Set<String> inputKeys, Set<String> displayOnlyKeys) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if ("group".equals(type)) {
        collect(component.path("components"), inputKeys, displayOnlyKeys);
      } else if ("dynamiclist".equals(type)) {
        inputKeys.add(component.path("path").asText());
      } else if (component.has("key")) {
        boolean displayOnly = component.path("readonly").asBoolean() || component.path("disabled").asBoolean();
        (displayOnly ? displayOnlyKeys : inputKeys).add(component.path("key").asText());
      }
    }
  }
}
