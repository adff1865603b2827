package org.safeguardingworkflows.deployments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by {@link DeploymentRules}. It is a {@link ParseException} because that is what the engine
 * throws for a diagram it cannot deploy, and the engine's REST API answers it with 400 and a report per resource
 * naming each element ({@code details.<resource>.errors[].elementIds}), which Modeler shows to the process owner.
 */
public class UntrustedDeploymentException extends ParseException {

  private static final long serialVersionUID = 1L;

  public UntrustedDeploymentException(List<Refusal> refusals) {
    super(message(refusals), refusals.get(0).resourceName(), List.of(), List.of());
    // One report per resource (the parent constructor takes only one), each listing its refused elements.
    Map<String, List<Problem>> byResource = new LinkedHashMap<>();
    for (Refusal refusal : refusals) {
      byResource.computeIfAbsent(refusal.resourceName(), name -> new ArrayList<>()).add(new RefusedElement(refusal));
    }
    resorceReports = new ArrayList<>();
    byResource.forEach((resource, problems) -> resorceReports.add(new Report(resource, problems)));
  }

  private static String message(List<Refusal> refusals) {
    return "The deployment was refused. "
        + refusals.stream().map(Refusal::toString).collect(Collectors.joining("; "));
  }

  private record RefusedElement(Refusal refusal) implements Problem {

    @Override
    public String getMessage() {
      return refusal.elementId() + ": " + refusal.rule();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return refusal.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return List.of(refusal.elementId());
    }
  }

  private record Report(String resourceName, List<Problem> errors) implements ResourceReport {

    @Override
    public String getResourceName() {
      return resourceName;
    }

    @Override
    public List<Problem> getErrors() {
      return errors;
    }

    @Override
    public List<Problem> getWarnings() {
      return List.of();
    }
  }
}
