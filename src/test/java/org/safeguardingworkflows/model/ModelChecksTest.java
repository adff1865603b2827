package org.safeguardingworkflows.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardingworkflows.children.ChildLifeEventVariables;
import org.safeguardingworkflows.children.ConcernReviewVariables;
import org.safeguardingworkflows.deployments.ApplicationDelegates;
import org.safeguardingworkflows.deployments.DeploymentRules;
import org.safeguardingworkflows.deployments.ModelChecks;
import org.safeguardingworkflows.legal.LegalPlanningVariables;
import org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.TasksReachTheirOwners;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables;
import org.safeguardingworkflows.tasks.TaskConventions;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every diagram in processes/ is checked as Camunda and Modeler will read it: the checks every deployment passes
 * (deployments/DeploymentRules and deployments/ModelChecks, the same code the engine runs), and the application's own
 * conventions: beans it names exist, groups are roles, history and version are set, every element has a shape, and
 * every form field is a variable the process's catalog knows.
 */
class ModelChecksTest {

  /** Each process's variable catalog: the names its forms may write. */
  static final Map<String, Supplier<Set<String>>> VARIABLE_CATALOGS = Map.of(
      StepDownVariables.PROCESS_KEY, () -> union(StepDownVariables.names(), StepDownVariables.LIST_ITEM_KEYS),
      LegalPlanningVariables.PROCESS_KEY, LegalPlanningVariables::names,
      SupervisionOrderVariables.PROCESS_KEY, () -> union(SupervisionOrderVariables.names(), SupervisionOrderVariables.LIST_ITEM_KEYS),
      RepeatIcpcVariables.PROCESS_KEY, () -> union(RepeatIcpcVariables.names(), RepeatIcpcVariables.LIST_ITEM_KEYS),
      ConcernReviewVariables.PROCESS_KEY, ConcernReviewVariables::names,
      ChildLifeEventVariables.PROCESS_KEY, ChildLifeEventVariables::names);

  private static final Pattern BEAN_IN_EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*[.}]");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> diagrams() throws IOException {
    return Files.list(Path.of("processes")).filter(path -> path.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyProcessHasHistoryTimeToLiveAndAVersionTag(Path diagram) {
    for (Process process : model(diagram).getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of " + process.getId()).isNotBlank();
      assertThat(process.getCamundaVersionTag()).as("versionTag of " + process.getId()).isNotBlank();
      assertThat(process.isExecutable()).isTrue();
    }
  }

  /** Modeler opens each diagram for Camunda 7.24, in a release that knows 7.24 (5.31, named before, predates it). */
  @ParameterizedTest
  @MethodSource("diagrams")
  void everyDiagramDeclaresAModelerThatKnowsCamunda724(Path diagram) {
    var definitions = model(diagram).getDefinitions();
    assertThat(definitions.getExporter()).isEqualTo("Camunda Modeler");
    String[] version = definitions.getExporterVersion().split("\\.");
    assertThat(Integer.parseInt(version[0]) * 1000 + Integer.parseInt(version[1])).as("exporterVersion of " + diagram)
        .isGreaterThanOrEqualTo(5035);
    assertThat(definitions.getAttributeValueNs("http://camunda.org/schema/modeler/1.0", "executionPlatformVersion"))
        .isEqualTo("7.24.0");
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyFlowNodeAndSequenceFlowHasAShapeInTheDiagram(Path diagram) {
    BpmnModelInstance model = model(diagram);
    List<String> missing = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node.getDiagramElement() == null) {
        missing.add(node.getId());
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getDiagramElement() == null) {
        missing.add(flow.getId());
      }
    }
    assertThat(missing).as("elements without diagram interchange").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyElementIsLabelledAndNamedInCamundaStyle(Path diagram) {
    for (FlowNode node : model(diagram).getModelElementsByType(FlowNode.class)) {
      boolean mergeGateway = node.getElementType().getTypeName().endsWith("Gateway") && node.getOutgoing().size() == 1;
      boolean forkGateway = node.getElementType().getTypeName().equals("parallelGateway");
      if (!mergeGateway && !forkGateway) {
        assertThat(node.getName()).as("label of " + node.getId()).isNotBlank();
      }
      assertThat(node.getId()).as("id of " + node.getName())
          .matches("(StartEvent|End|Event|Task|Gateway|SubProcess|EventSubProcess)_[A-Z][A-Za-z0-9]+");
    }
  }

  /**
   * The checks the engine runs on every deployment (deployments/ModelChecks: forms present, tasks with a form, a due
   * date and owners whose filters list them, timers that parse, version tags), here on processes/ and forms/ as the
   * application deploys them, with nothing deployed before.
   */
  @Test
  void theDiagramsAndFormsPassTheChecksEveryDeploymentPasses() throws IOException {
    Map<String, byte[]> resources = new java.util.TreeMap<>();
    try (Stream<Path> files = Stream.concat(Files.list(Path.of("processes")), Files.list(Path.of("forms")))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".bpmn") || path.toString().endsWith(".form")).toList()) {
        resources.put(file.getParent().getFileName() + "/" + file.getFileName(), Files.readAllBytes(file));
      }
    }
    assertThat(resources).hasSizeGreaterThan(10);
    assertThat(ModelChecks.check(resources, ModelChecks.Deployed.NOTHING)).isEmpty();
  }

  /** Conventions of this application's own diagrams, beyond what every deployment must pass. */
  @ParameterizedTest
  @MethodSource("diagrams")
  void everyFormIsBoundToItsDeploymentAndEveryPersonStartsWithAForm(Path diagram) throws IOException {
    BpmnModelInstance model = model(diagram);
    Set<String> formIds = formIds();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      // Bound to the deployment: a running journey keeps the forms it started with, whatever is deployed later.
      assertThat(task.getCamundaFormRefBinding()).as("form binding of " + task.getId()).isEqualTo("deployment");
      assertThat(task.getCamundaCandidateGroupsList()).as("candidate groups of " + task.getId())
          .isNotEmpty().allMatch(Role.groupIds()::contains);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      // A person starts a process at its blank start event (Tasklist's start form); message start events are for systems.
      if (start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty()) {
        assertThat(start.getCamundaFormRef()).as("start form of " + start.getId()).isNotBlank().isIn(formIds);
      }
    }
  }

  @Test
  void aTaskOfferedToARoleWithoutAFilterListingItIsNamedWithItsRole() {
    assertThat(TasksReachTheirOwners.unreached("someProcess", "Task_AgreeThePlan", "Agree the plan", List.of("iros")))
        .containsExactly("The task 'Agree the plan' (Task_AgreeThePlan) is offered to independent reviewing officers, "
            + "but none of their Tasklist filters lists it: add it to one (security/TaskFilters) or offer it to another role.");
    assertThat(TasksReachTheirOwners.unreached("someProcess", "Task_AgreeThePlan", "Agree the plan", List.of("${group}")))
        .singleElement().asString().contains("is offered to '${group}', which is neither a role of the service nor a team");
    assertThat(TasksReachTheirOwners.unreached("someProcess", "Task_AgreeThePlan", "Agree the plan", List.of("team-north"),
        "team-north"::equals)).as("a team has its own filter").isEmpty();
    assertThat(TasksReachTheirOwners.unreached("someProcess", "Task_AgreeThePlan", "Agree the plan",
        List.of("social-workers", "senior-managers", "legal", "conference-coordinators"))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyBeanTheDiagramNamesIsASpringBean(Path diagram) {
    Set<String> beans = springBeanNames();
    Set<String> named = new LinkedHashSet<>();
    BpmnModelInstance model = model(diagram);
    model.getModelElementsByType(ServiceTask.class).forEach(task -> named.addAll(beansIn(task.getCamundaDelegateExpression())));
    model.getModelElementsByType(MessageEventDefinition.class).forEach(definition -> named.addAll(beansIn(definition.getCamundaDelegateExpression())));
    model.getModelElementsByType(CamundaTaskListener.class).forEach(listener -> named.addAll(beansIn(listener.getCamundaDelegateExpression())));
    model.getModelElementsByType(UserTask.class).forEach(task -> named.addAll(beansIn(task.getCamundaDueDate())));
    for (ModelElementInstance timer : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class)) {
      var definition = (org.camunda.bpm.model.bpmn.instance.TimerEventDefinition) timer;
      Stream.of(definition.getTimeDate(), definition.getTimeDuration(), definition.getTimeCycle())
          .filter(java.util.Objects::nonNull)
          // A timer's ${name} alone is a variable (a multi-instance element such as supervisionDueAfter), not a bean.
          .map(expression -> expression.getTextContent().trim())
          .filter(expression -> !expression.matches("\\$\\{\\w+}"))
          .forEach(expression -> named.addAll(beansIn(expression)));
    }
    assertThat(named).as("beans named in " + diagram).isNotEmpty();
    assertThat(beans).as("Spring beans").containsAll(named);
  }

  /**
   * The engine refuses any deployment that runs code other than the application's (deployments/DeploymentRules,
   * applied by OnlyTrustedDeployments): the application's own diagrams must pass that same rule, here with the
   * application's own beans standing in for the running context.
   */
  @ParameterizedTest
  @MethodSource("diagrams")
  void everyDiagramPassesTheDeploymentRules(Path diagram) throws IOException {
    DeploymentRules rules = new DeploymentRules(ApplicationDelegates.names(), springBeanNames()::contains);
    assertThat(rules.check(diagram.getFileName().toString(), Files.readAllBytes(diagram)))
        .as("refusals for " + diagram).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyFormFieldIsAVariableOfItsProcess(Path diagram) throws IOException {
    BpmnModelInstance model = model(diagram);
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(VARIABLE_CATALOGS).as("variable catalog for " + process.getId()).containsKey(process.getId());
      Set<String> catalog = VARIABLE_CATALOGS.get(process.getId()).get();
      Set<String> formRefs = new HashSet<>();
      process.getChildElementsByType(StartEvent.class).forEach(start -> formRefs.add(start.getCamundaFormRef()));
      model.getModelElementsByType(UserTask.class).forEach(task -> formRefs.add(task.getCamundaFormRef()));
      for (String formRef : formRefs) {
        if (formRef != null) {
          assertThat(fieldKeys(form(formRef))).as("fields of form " + formRef)
              .allMatch(key -> catalog.contains(key) || TaskConventions.TASK_VARIABLES.contains(key)
                  || catalog.stream().anyMatch(name -> TaskConventions.previousAnswer(name).equals(key)));
        }
      }
    }
  }

  private static BpmnModelInstance model(Path diagram) {
    BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
    Bpmn.validateModel(model);
    return model;
  }

  private static Set<String> beansIn(String expression) {
    Set<String> beans = new LinkedHashSet<>();
    if (expression != null) {
      Matcher matcher = BEAN_IN_EXPRESSION.matcher(expression);
      while (matcher.find()) {
        // ${bean} (delegate expression) or ${bean.method(...)}: variables are never dotted in our diagrams.
        if (expression.contains("${" + matcher.group(1) + ".") || expression.trim().equals("${" + matcher.group(1) + "}")) {
          beans.add(matcher.group(1));
        }
      }
    }
    return beans;
  }

  private static Set<String> springBeanNames() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
    AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> beans = new HashSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("org.safeguardingworkflows")) {
      beans.add(names.generateBeanName(candidate, registry));
    }
    return beans;
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
        String id = JSON.readTree(form.toFile()).path("id").asText();
        assertThat(form.getFileName().toString()).as("form file named after its id").isEqualTo(id + ".form");
        ids.add(id);
      }
    }
    return ids;
  }

  private static JsonNode form(String formId) throws IOException {
    return JSON.readTree(new File("forms/" + formId + ".form"));
  }

  private static Set<String> fieldKeys(JsonNode form) {
    Set<String> keys = new LinkedHashSet<>();
    collect(form.path("components"), keys);
    return keys;
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.has("key")) {
        keys.add(component.path("key").asText());
      }
      if (component.has("path")) {
        keys.add(component.path("path").asText());
      }
      collect(component.path("components"), keys);
    }
  }

  @SafeVarargs
  private static Set<String> union(Collection<String>... sets) {
    Set<String> all = new HashSet<>();
    Arrays.stream(sets).forEach(all::addAll);
    return all;
  }
}
