package org.safeguardingworkflows.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A process owner adds the application's steps from Modeler's templates (processes/element-templates, Camunda 7
 * element template schema) rather than typing a bean name: every service task delegate the diagrams use has a
 * template, and every template names a delegate the application has, so a template can never produce a diagram the
 * engine refuses. (Camunda 7 templates cannot bind task listeners or a message event's delegate: those stay as the
 * diagrams have them, checked at deployment like everything else.)
 */
class ElementTemplatesTest {

  private static final Pattern DELEGATE = Pattern.compile("\\$\\{(\\w+)}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyServiceTaskDelegateOfTheDiagramsHasATemplate_andEveryTemplateNamesAnApplicationDelegate() throws IOException {
    Map<String, JsonNode> templates = templatesByDelegate();
    Set<String> used = new TreeSet<>();
    try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
      for (Path diagram : diagrams.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        for (ServiceTask task : Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(ServiceTask.class)) {
          Matcher delegate = DELEGATE.matcher(String.valueOf(task.getCamundaDelegateExpression()));
          assertThat(delegate.matches()).as("delegate of " + task.getId()).isTrue();
          used.add(delegate.group(1));
        }
      }
    }
    assertThat(used).hasSizeGreaterThanOrEqualTo(10);
    assertThat(templates.keySet()).as("delegates with a template").containsAll(used);
    assertThat(ApplicationDelegates.names()).as("the application's delegates").containsAll(templates.keySet());
  }

  @Test
  void everyTemplateIsAValidCamunda7TemplateWithItsOwnId() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path file : templateFiles()) {
      JsonNode array = JSON.readTree(file.toFile());
      assertThat(array.isArray()).as(file + " holds a JSON array of templates").isTrue();
      for (JsonNode template : array) {
        assertThat(template.path("$schema").asText()).as(file + " $schema")
            .isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
        assertThat(template.path("name").asText()).as(file + " name").isNotBlank();
        assertThat(ids.add(template.path("id").asText())).as(file + " id unique").isTrue();
        assertThat(template.path("version").isInt()).as(file + " version").isTrue();
        assertThat(template.path("appliesTo").toString()).as(file + " appliesTo").contains("bpmn:ServiceTask");
        assertThat(template.path("properties").isArray()).isTrue();
      }
    }
  }

  private static Map<String, JsonNode> templatesByDelegate() throws IOException {
    Map<String, JsonNode> byDelegate = new TreeMap<>();
    for (Path file : templateFiles()) {
      for (JsonNode template : JSON.readTree(file.toFile())) {
        for (JsonNode property : template.path("properties")) {
          JsonNode binding = property.path("binding");
          if ("property".equals(binding.path("type").asText())
              && "camunda:delegateExpression".equals(binding.path("name").asText())) {
            Matcher delegate = DELEGATE.matcher(property.path("value").asText());
            assertThat(delegate.matches()).as(file + " delegate expression").isTrue();
            assertThat(property.path("type").asText()).as(file + ": the bean is fixed, not typed in").isEqualTo("Hidden");
            byDelegate.put(delegate.group(1), template);
          }
        }
      }
    }
    return byDelegate;
  }

  private static java.util.List<Path> templateFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes/element-templates"))) {
      java.util.List<Path> templates = files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
      assertThat(templates).isNotEmpty();
      return templates;
    }
  }
}
