package org.safeguardingworkflows.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.children.ChildLifeEventVariables;
import org.safeguardingworkflows.children.ConcernReviewVariables;
import org.safeguardingworkflows.legal.LegalPlanningVariables;
import org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables;

/**
 * The Java code names processes and, in a few places, diagram elements (a timer whose date the API shows, the four
 * views of the discussion). Process owners rename elements in Modeler: a name the code uses that no diagram has any
 * more would fail only at run time, so the build checks every one.
 */
class DiagramNamesInCodeTest {

  /** A string literal in Camunda's id style: Task_HoldStepDownMeeting, Event_SupervisionDue, Gateway_... */
  private static final Pattern ELEMENT_ID = Pattern.compile(
      "\"((?:Task|Event|Gateway|SubProcess|Activity|Flow|StartEvent|EndEvent|CallActivity|BoundaryEvent)_[A-Za-z0-9_]+)\"");

  /** The six processes' catalogues: each holds its process key, message names, element ids and variables. */
  private static final List<Class<?>> CATALOGUES = List.of(StepDownVariables.class, RepeatIcpcVariables.class,
      LegalPlanningVariables.class, SupervisionOrderVariables.class, ConcernReviewVariables.class,
      ChildLifeEventVariables.class);

  private static final List<String> PROCESS_KEYS = CATALOGUES.stream().map(catalogue -> constant(catalogue, "PROCESS_KEY")).toList();

  /**
   * Element ids the code may write outside a catalogue, with the reason: a filter selects every chase task of every
   * process by the beginning of its id, a naming rule rather than one element.
   */
  private static final Set<String> ID_PREFIXES_OUTSIDE_CATALOGUES = Set.of("Task_Chase");

  @Test
  void everyProcessTheCodeStartsIsADiagramAndEveryDiagramIsKnownToTheCode() throws IOException {
    Set<String> deployed = new TreeSet<>();
    for (BpmnModelInstance model : models()) {
      model.getModelElementsByType(Process.class).forEach(process -> deployed.add(process.getId()));
    }

    assertThat(deployed).containsExactlyInAnyOrderElementsOf(PROCESS_KEYS);
  }

  @Test
  void everyElementAndMessageACatalogueNamesIsInItsOwnProcess() throws IOException {
    Map<String, BpmnModelInstance> byProcess = new HashMap<>();
    for (BpmnModelInstance model : models()) {
      model.getModelElementsByType(Process.class).forEach(process -> byProcess.put(process.getId(), model));
    }
    for (Class<?> catalogue : CATALOGUES) {
      BpmnModelInstance model = byProcess.get(constant(catalogue, "PROCESS_KEY"));
      assertThat(model).as(catalogue.getSimpleName() + "'s process").isNotNull();
      Set<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName)
          .collect(Collectors.toSet());
      for (Field field : catalogue.getFields()) {
        if (field.getName().startsWith("MESSAGE_")) {
          assertThat(messages).as(catalogue.getSimpleName() + "." + field.getName() + " is a message of its diagram")
              .contains(constant(catalogue, field.getName()));
        }
      }
      for (Class<?> nested : catalogue.getClasses()) {
        if (nested.getSimpleName().equals("Elements")) {
          for (Field field : nested.getFields()) {
            String id = constant(nested, field.getName());
            assertThat((Object) model.getModelElementById(id))
                .as(catalogue.getSimpleName() + ".Elements." + field.getName() + " (" + id + ") is in its diagram").isNotNull();
          }
        }
      }
    }
  }

  @Test
  void elementIdsAreWrittenOnlyInTheCatalogues() throws IOException {
    Set<String> outside = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java"))
          .filter(path -> !path.getFileName().toString().endsWith("Variables.java")).toList()) {
        Matcher matcher = ELEMENT_ID.matcher(Files.readString(source));
        while (matcher.find()) {
          if (!ID_PREFIXES_OUTSIDE_CATALOGUES.contains(matcher.group(1))) {
            outside.add(source.getFileName() + ": " + matcher.group(1));
          }
        }
      }
    }

    assertThat(outside).as("element ids written outside the processes' catalogues (use <Process>Variables.Elements)")
        .isEmpty();
  }

  @Test
  void everyDiagramElementTheCodeNamesExistsInADiagram() throws IOException {
    Set<String> ids = new HashSet<>();
    for (BpmnModelInstance model : models()) {
      model.getModelElementsByType(BaseElement.class).forEach(element -> ids.add(element.getId()));
    }
    Set<String> named = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        Matcher matcher = ELEMENT_ID.matcher(Files.readString(source));
        while (matcher.find()) {
          named.add(matcher.group(1));
        }
      }
    }

    assertThat(named).as("element ids written in src/main/java").isNotEmpty();
    // A filter may select tasks by the beginning of their id ("Task_Chase" for every chase): that names elements too.
    assertThat(named).as("element ids written in src/main/java that no diagram has")
        .allSatisfy(name -> assertThat(ids).as(name).anyMatch(id -> id != null && id.startsWith(name)));
  }

  private static String constant(Class<?> owner, String name) {
    try {
      return (String) owner.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(owner.getSimpleName() + " has no constant " + name, e);
    }
  }

  private static List<BpmnModelInstance> models() throws IOException {
    try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
      return diagrams.filter(path -> path.toString().endsWith(".bpmn"))
          .map(path -> Bpmn.readModelFromFile(path.toFile())).toList();
    }
  }
}
