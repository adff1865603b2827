package org.safeguardingworkflows.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.safeguardingworkflows.platform.Json;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.safeguardingworkflows.platform.ShownDate;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.teams.ChildAccess;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A journey as a practitioner would read it, for Cockpit's instance view (which shows raw variables: codes, ISO dates,
 * JSON): the child reference, the stage it has reached, and each recorded answer under its form's own label, with
 * codes as the labels the form offered them under and dates as dd/mm/yyyy. The labels come from the forms the
 * journey's diagram version deployed (its start form, then each task's, in the diagram's order), so they are the
 * words the person answering saw. Only a caller who may see the journey gets it (the rule of the API); anyone else,
 * and an unknown id, get nothing.
 */
@Component
public class JourneyInWords {

  /** One recorded answer: the form's label and the answer in words (list rows one a line). */
  public record Answer(String key, String label, String value) {
  }

  public record Journey(String childRef, String process, String stage, List<Answer> answers) {
  }

  /** A form field as its form offers it: the label, the answers' labels by code, and a list's own fields. */
  private record Field(String label, boolean date, Map<String, String> choices, Map<String, Field> rowFields, boolean staff) {
  }

  private static final String ENDED = "Ended";

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final ChildAccess childAccess;
  private final SystemAccess systemAccess;
  private final WorkingDays workingDays;
  private final StaffNames staffNames;

  public JourneyInWords(HistoryService historyService, RepositoryService repositoryService, ChildAccess childAccess,
      SystemAccess systemAccess, WorkingDays workingDays, StaffNames staffNames) {
    this.workingDays = workingDays;
    this.staffNames = staffNames;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.childAccess = childAccess;
    this.systemAccess = systemAccess;
  }

  /** The journey for the authenticated caller; empty when there is none or it is not theirs to read. */
  public Optional<Journey> of(String processInstanceId) {
    if (!childAccess.callerMaySee(processInstanceId)) {
      return Optional.empty();
    }
    return systemAccess.call(SystemAccess.Reason.READ_A_VISIBLE_CHILD, () -> {
      HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      if (instance == null) {
        return Optional.empty();
      }
      ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
          .processDefinitionId(instance.getProcessDefinitionId()).singleResult();
      Map<String, Field> fields = fieldsOf(definition);
      Map<String, Object> values = valuesOf(processInstanceId);
      // People chosen from the staff lists are named, as the form named them when they were chosen.
      Map<String, String> names = staffNames.namesOf(fields.entrySet().stream().filter(entry -> entry.getValue().staff())
          .map(entry -> values.get(entry.getKey())).filter(String.class::isInstance).map(String.class::cast).toList());
      List<Answer> answers = new ArrayList<>();
      fields.forEach((key, field) -> {
        Object value = values.get(key);
        String words = field.staff() && names.containsKey(value) ? names.get(value) : words(key, field, value);
        if (!words.isBlank()) {
          answers.add(new Answer(key, field.label(), words));
        }
      });
      String process = definition.getName() != null ? definition.getName() : definition.getKey();
      return Optional.of(new Journey(instance.getBusinessKey(), process, stage(instance), answers));
    });
  }

  /** Where the journey is waiting now (its open tasks and timers, by name), or "Ended". */
  private String stage(HistoricProcessInstance instance) {
    if (instance.getEndTime() != null) {
      return ENDED;
    }
    List<String> waiting = new ArrayList<>();
    for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).unfinished().orderByHistoricActivityInstanceStartTime().asc().list()) {
      String type = activity.getActivityType();
      boolean scope = type.equals("subProcess") || type.equals("multiInstanceBody") || type.equals("processDefinition");
      if (!scope && activity.getActivityName() != null && !waiting.contains(activity.getActivityName())) {
        waiting.add(activity.getActivityName());
      }
    }
    return waiting.isEmpty() ? "Running" : "Waiting at: " + String.join(", ", waiting);
  }

  /** The journey's variables by name; a variable held at the journey's own level wins over a local one. */
  private Map<String, Object> valuesOf(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
      boolean journeyLevel = processInstanceId.equals(variable.getActivityInstanceId())
          || processInstanceId.equals(variable.getExecutionId());
      if (journeyLevel || !values.containsKey(variable.getName())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  /** Every field of the diagram's forms, in the diagram's order: the start form first, then each task's. */
  private Map<String, Field> fieldsOf(ProcessDefinition definition) {
    Map<String, JsonNode> formsById = formsOf(definition.getDeploymentId());
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
    List<String> formRefs = new ArrayList<>();
    model.getModelElementsByType(StartEvent.class).forEach(start -> formRefs.add(start.getCamundaFormRef()));
    model.getModelElementsByType(UserTask.class).forEach(task -> formRefs.add(task.getCamundaFormRef()));
    Map<String, Field> fields = new LinkedHashMap<>();
    for (String formRef : formRefs) {
      JsonNode form = formRef == null ? null : formsById.get(formRef);
      if (form != null) {
        collect(form.path("components"), fields);
      }
    }
    return fields;
  }

  private Map<String, JsonNode> formsOf(String deploymentId) {
    Map<String, JsonNode> forms = new HashMap<>();
    for (String resource : repositoryService.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        try (InputStream content = repositoryService.getResourceAsStream(deploymentId, resource)) {
          JsonNode form = Json.MAPPER.readTree(content);
          forms.put(form.path("id").asText(), form);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return forms;
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if ("group".equals(type)) {
        collect(component.path("components"), fields);
      } else if ("dynamiclist".equals(type) && component.has("path")) {
        Map<String, Field> rowFields = new LinkedHashMap<>();
        collect(component.path("components"), rowFields);
        fields.putIfAbsent(component.path("path").asText(), new Field(label(component), false, Map.of(), rowFields, false));
      } else if (component.has("key") && !"text".equals(type) && !component.path("readonly").asBoolean()
          && !component.path("disabled").asBoolean()) {
        Map<String, String> choices = new LinkedHashMap<>();
        component.path("values").forEach(choice -> choices.put(choice.path("value").asText(), choice.path("label").asText()));
        fields.putIfAbsent(component.path("key").asText(),
            new Field(label(component), "datetime".equals(type), choices, Map.of(),
                StaffPickers.CHOICES.containsKey(component.path("valuesKey").asText())));
      }
    }
  }

  private static String label(JsonNode component) {
    for (String name : List.of("label", "dateLabel", "path", "key")) {
      if (!component.path(name).asText().isBlank()) {
        return component.path(name).asText();
      }
    }
    return "";
  }

  /**
   * The answer in words: codes as their labels, dates as dd/mm/yyyy, yes and no, list rows one a line. The key is the
   * form field's (the variable's name, or a row's field), so that its lists are read as its variable is read.
   */
  private String words(String key, Field field, Object value) {
    if (value == null) {
      return "";
    }
    if (!field.rowFields().isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (Map<String, Object> row : ProcessVariable.rows(key).read(value)) {
        List<String> parts = new ArrayList<>();
        field.rowFields().forEach((rowKey, rowField) -> {
          String words = words(rowKey, rowField, row.get(rowKey));
          if (!words.isBlank()) {
            parts.add(rowField.label() + ": " + words);
          }
        });
        lines.add(String.join("; ", parts));
      }
      return String.join("\n", lines);
    }
    if (value instanceof Collection<?> many) {
      return String.join(", ", many.stream().map(one -> words(key, field, one)).toList());
    }
    if (value instanceof Boolean yes) {
      return yes ? "Yes" : "No";
    }
    if (value instanceof Date instant) {
      return ShownDate.of(workingDays.localDate(instant));
    }
    String text = String.valueOf(value);
    if (field.choices().containsKey(text)) {
      return field.choices().get(text);
    }
    if (text.startsWith("[")) {
      // A checklist kept as a JSON list (Tasklist sends it so).
      try {
        return words(key, field, ProcessVariable.choices(key).read(text));
      } catch (IllegalArgumentException notAList) {
        return text;
      }
    }
    if (field.date() || text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return ShownDate.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
      } catch (RuntimeException notADate) {
        return text;
      }
    }
    return text;
  }

}
