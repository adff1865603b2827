package org.safeguardingworkflows.deployments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.safeguardingworkflows.platform.Json;
import org.safeguardingworkflows.security.TasksReachTheirOwners;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks a deployment as a whole must pass, beyond {@link DeploymentRules}' "only the application's code": what
 * makes a revised diagram work once deployed. Tasklist cannot show a task whose form is missing, nobody does a task
 * that no filter lists or that has no due date, a timer that does not parse fails only when a journey reaches it, and
 * a revision that keeps its predecessor's version tag cannot be told apart from it in Cockpit or in a migration.
 * <ul>
 *   <li>every form a user task or start event names exists: in this deployment when it is bound to the deployment
 *       (the engine looks nowhere else), in this deployment or already deployed otherwise;</li>
 *   <li>every user task has a Camunda Form, a due date, and owners: candidate groups that are roles of the service or
 *       teams, each with a Tasklist filter listing the task ({@link TasksReachTheirOwners});</li>
 *   <li>every timer has one date, duration or cycle, and a literal one parses as the engine will parse it;</li>
 *   <li>every process has a version tag, and a diagram whose content differs from the latest deployed version of the
 *       same process carries a different one;</li>
 *   <li>every variable an element reads is recorded on every path before it ({@link RequiredVariables}).</li>
 * </ul>
 * This is the one implementation: the engine runs it on every new deployment ({@link OnlyTrustedDeployments}) with
 * what is already deployed, and the build runs it on processes/ and forms/ (ModelChecksTest) with nothing deployed.
 */
public final class ModelChecks {

  /** What the engine already holds, as far as these checks need to know. */
  public interface Deployed {

    /** Nothing deployed and no teams: the build's view. */
    Deployed NOTHING = new Deployed() {
      @Override
      public boolean hasForm(String formId) {
        return false;
      }

      @Override
      public Optional<DeployedDiagram> latest(String processKey) {
        return Optional.empty();
      }

      @Override
      public boolean isTeam(String groupId) {
        return false;
      }
    };

    /** Whether a Camunda Form with this id has been deployed before. */
    boolean hasForm(String formId);

    /** The latest deployed version of the process, with the content of the resource it came from. */
    Optional<DeployedDiagram> latest(String processKey);

    /** Whether the group is one of the service's teams (each has a "My team's tasks" filter). */
    boolean isTeam(String groupId);

    /** The content of the latest deployed Camunda Form with this id, if any: what its fields record. */
    default Optional<byte[]> form(String formId) {
      return Optional.empty();
    }
  }

  /** The latest deployed version of a process. */
  public record DeployedDiagram(int version, String versionTag, byte[] content) {
  }

  private ModelChecks() {
  }

  /**
   * Every problem in the deployment's resources (name to content); empty when it may be deployed. What the
   * application's code records in journeys is read from its declarations ({@link VariableSources#application()}).
   */
  public static List<Refusal> check(Map<String, byte[]> resources, Deployed deployed) {
    return check(resources, deployed, VariableSources.application());
  }

  /** As {@link #check(Map, Deployed)}, with what the code records in journeys given. */
  public static List<Refusal> check(Map<String, byte[]> resources, Deployed deployed, VariableSources sources) {
    Set<String> formsInDeployment = new HashSet<>();
    Map<String, JsonNode> forms = new HashMap<>();
    List<Refusal> refusals = new ArrayList<>();
    resources.forEach((name, content) -> {
      if (name.toLowerCase(Locale.ROOT).endsWith(".form")) {
        formIdOf(name, content, refusals).ifPresent(id -> {
          formsInDeployment.add(id);
          forms.put(id, readForm(content));
        });
      }
    });
    resources.forEach((name, content) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
        readModel(content).ifPresent(model -> {
          checkDiagram(name, content, model, formsInDeployment, deployed, refusals);
          refusals.addAll(RequiredVariables.check(name, model, formsOf(model, forms, deployed), forms.keySet(), sources));
        });
      }
    });
    return refusals;
  }

  /** The forms the diagram names: from the deployment, else (not bound to it) the latest deployed. */
  private static Map<String, JsonNode> formsOf(BpmnModelInstance model, Map<String, JsonNode> inDeployment, Deployed deployed) {
    Map<String, JsonNode> forms = new HashMap<>(inDeployment);
    List<String> named = new ArrayList<>();
    model.getModelElementsByType(UserTask.class).forEach(task -> named.add(task.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).forEach(start -> named.add(start.getCamundaFormRef()));
    for (String formId : named) {
      if (formId != null && !forms.containsKey(formId)) {
        deployed.form(formId).ifPresent(content -> forms.put(formId, readForm(content)));
      }
    }
    return forms;
  }

  private static JsonNode readForm(byte[] content) {
    try {
      return Json.MAPPER.readTree(content);
    } catch (IOException e) {
      return Json.MAPPER.createObjectNode(); // refused by formIdOf, which read it first
    }
  }

  private static Optional<String> formIdOf(String resourceName, byte[] content, List<Refusal> refusals) {
    try {
      String id = Json.MAPPER.readTree(content).path("id").asText("");
      if (!id.isBlank()) {
        return Optional.of(id);
      }
      refusals.add(new Refusal(resourceName, resourceName, "the form has no id, so no task can name it"));
    } catch (IOException e) {
      refusals.add(new Refusal(resourceName, resourceName, "the form is not valid JSON, so Tasklist cannot show it"));
    }
    return Optional.empty();
  }

  /** The diagram as the engine's model API reads it; a diagram it cannot read is DeploymentRules' refusal. */
  private static Optional<BpmnModelInstance> readModel(byte[] content) {
    try {
      return Optional.of(Bpmn.readModelFromStream(new ByteArrayInputStream(content)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void checkDiagram(String resourceName, byte[] content, BpmnModelInstance model,
      Set<String> formsInDeployment, Deployed deployed, List<Refusal> refusals) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      checkVersionTag(resourceName, content, process, deployed, refusals);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkUserTask(resourceName, task, formsInDeployment, deployed, refusals);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null && !start.getCamundaFormRef().isBlank()) {
        checkFormExists(resourceName, start.getId(), "start form", start.getCamundaFormRef(),
            start.getCamundaFormRefBinding(), formsInDeployment, deployed, refusals);
      }
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      checkTimer(resourceName, timer, refusals);
    }
  }

  private static void checkVersionTag(String resourceName, byte[] content, Process process, Deployed deployed,
      List<Refusal> refusals) {
    String tag = process.getCamundaVersionTag();
    if (tag == null || tag.isBlank()) {
      refusals.add(new Refusal(resourceName, process.getId(), "the process has no version tag (camunda:versionTag): "
          + "give each revision its own, such as 1.4.0, so that Cockpit and a migration can tell the versions apart"));
      return;
    }
    deployed.latest(process.getId())
        .filter(latest -> !Arrays.equals(latest.content(), content) && tag.equals(latest.versionTag()))
        .ifPresent(latest -> refusals.add(new Refusal(resourceName, process.getId(), "the diagram has changed since "
            + "version " + latest.version() + ", which has the same version tag '" + tag
            + "': give this revision a new version tag (camunda:versionTag)")));
  }

  private static void checkUserTask(String resourceName, UserTask task, Set<String> formsInDeployment,
      Deployed deployed, List<Refusal> refusals) {
    String name = "'" + (task.getName() == null ? task.getId() : task.getName()) + "'";
    String formRef = task.getCamundaFormRef();
    if (formRef == null || formRef.isBlank()) {
      refusals.add(new Refusal(resourceName, task.getId(), "the task " + name + " has no form: name a Camunda Form "
          + "with camunda:formRef, or Tasklist has nothing to show the person doing it"));
    } else {
      checkFormExists(resourceName, task.getId(), "form", formRef, task.getCamundaFormRefBinding(), formsInDeployment,
          deployed, refusals);
    }
    if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
      refusals.add(new Refusal(resourceName, task.getId(), "the task " + name + " has no due date (camunda:dueDate): "
          + "every task has a deadline, such as ${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}"));
    }
    List<String> groups = task.getCamundaCandidateGroupsList().stream().map(String::trim)
        .filter(group -> !group.isEmpty()).toList();
    if (groups.isEmpty()) {
      refusals.add(new Refusal(resourceName, task.getId(), "the task " + name + " is offered to no role or team "
          + "(camunda:candidateGroups): a task nobody's list shows is a task nobody does"));
    }
    Predicate<String> isTeam = deployed::isTeam;
    for (String problem : TasksReachTheirOwners.unreached(processOf(task).getId(), task.getId(), task.getName(), groups, isTeam)) {
      refusals.add(new Refusal(resourceName, task.getId(), problem));
    }
  }

  private static void checkFormExists(String resourceName, String elementId, String what, String formRef,
      String binding, Set<String> formsInDeployment, Deployed deployed, List<Refusal> refusals) {
    if (formsInDeployment.contains(formRef) || ExpressionRule.isExpression(formRef)) {
      return;
    }
    if ("deployment".equals(binding)) {
      refusals.add(new Refusal(resourceName, elementId, "its " + what + " '" + formRef + "' is bound to the deployment "
          + "(camunda:formRefBinding=\"deployment\") but is not in it: deploy " + formRef + ".form with the diagram "
          + "(in Modeler, include it as an additional file)"));
    } else if (!deployed.hasForm(formRef)) {
      refusals.add(new Refusal(resourceName, elementId, "its " + what + " '" + formRef + "' is neither in this "
          + "deployment nor deployed before: deploy " + formRef + ".form with the diagram"));
    }
  }

  /** The engine parses a literal timer only when a journey reaches it; here it is parsed the same way now. */
  private static void checkTimer(String resourceName, TimerEventDefinition timer, List<Refusal> refusals) {
    String elementId = owner(timer);
    List<String[]> given = new ArrayList<>();
    add(given, "date", timer.getTimeDate());
    add(given, "duration", timer.getTimeDuration());
    add(given, "cycle", timer.getTimeCycle());
    if (given.size() != 1) {
      refusals.add(new Refusal(resourceName, elementId, "the timer needs exactly one of a date, a duration or a "
          + "cycle; it has " + (given.isEmpty() ? "none" : given.size())));
      return;
    }
    String kind = given.get(0)[0];
    String value = given.get(0)[1];
    if (ExpressionRule.isExpression(value)) {
      // Read by ExpressionRule (DeploymentRules); its value is known only when a journey reaches the timer.
      return;
    }
    try {
      switch (kind) {
        case "date" -> new DueDateBusinessCalendar().resolveDuedate(value);
        case "duration" -> new DurationBusinessCalendar().resolveDuedate(value);
        default -> new CycleBusinessCalendar().resolveDuedate(value);
      }
    } catch (RuntimeException e) {
      refusals.add(new Refusal(resourceName, elementId, "the timer's " + kind + " '" + value + "' does not parse: "
          + switch (kind) {
            case "date" -> "write an ISO 8601 date and time such as 2027-01-31T09:00:00";
            case "duration" -> "write an ISO 8601 duration such as P6M or P28D";
            default -> "write an ISO 8601 repetition such as R/P28D, or a cron expression";
          }));
    }
  }

  private static void add(List<String[]> given, String kind, Expression expression) {
    if (expression != null && expression.getTextContent() != null && !expression.getTextContent().isBlank()) {
      given.add(new String[] {kind, expression.getTextContent().trim()});
    }
  }

  /** The event a timer belongs to: refusals name the diagram's element, not the definition inside it. */
  private static String owner(ModelElementInstance definition) {
    ModelElementInstance parent = definition.getParentElement();
    return parent instanceof FlowElement element ? element.getId() : String.valueOf(definition.getAttributeValue("id"));
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }
}
