package org.safeguardingworkflows.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A scenario test class registering this listener fails unless its scenarios, together, walked every flow node
 * and every sequence flow of each diagram they started. It reads the report that the process-test-coverage
 * listener writes for the class (target/process-test-coverage/CLASS/report.json, with the HTML beside it), and
 * names what was not walked. It runs after that listener has written the report. A class annotated with
 * {@link CoverageOf} answers for the diagrams it names only.
 */
public class FullProcessCoverage implements TestExecutionListener, Ordered {

  @Override
  public int getOrder() {
    // After-class callbacks run in reverse order: the highest precedence runs last, after the report is written.
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void afterTestClass(TestContext testContext) throws IOException {
    File report = new File("target/process-test-coverage/" + testContext.getTestClass().getName() + "/report.json");
    assertThat(report).as("process coverage report").exists();
    JsonNode coverage = new ObjectMapper().readTree(report);
    CoverageOf scope = testContext.getTestClass().getAnnotation(CoverageOf.class);
    Set<String> reached = new TreeSet<>();
    coverage.path("models").forEach(model -> reached.add(model.path("key").asText()));
    if (scope != null) {
      assertThat(reached).as("diagrams the scenarios reached").contains(scope.value());
    }
    for (JsonNode model : coverage.path("models")) {
      String processKey = model.path("key").asText();
      if (scope != null && !Arrays.asList(scope.value()).contains(processKey)) {
        continue;
      }
      BpmnModelInstance diagram = Bpmn.readModelFromStream(
          new ByteArrayInputStream(model.path("xml").asText().getBytes(StandardCharsets.UTF_8)));
      Set<String> elements = new TreeSet<>();
      diagram.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
      diagram.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));
      Set<String> walked = new HashSet<>();
      for (JsonNode suite : coverage.path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            if (processKey.equals(event.path("modelKey").asText())) {
              walked.add(event.path("definitionKey").asText());
            }
          }
        }
      }
      elements.removeAll(walked);
      assertThat(elements).as("elements of " + processKey + " that no scenario walks").isEmpty();
    }
  }
}
