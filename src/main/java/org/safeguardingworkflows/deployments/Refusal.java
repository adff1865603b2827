package org.safeguardingworkflows.deployments;

/**
 * One thing in a deployment resource that may not be deployed: the element (its id, or the resource name when the
 * problem is the resource itself) and the rule, in plain words.
 */
public record Refusal(String resourceName, String elementId, String rule) {

  @Override
  public String toString() {
    return resourceName + ", " + elementId + ": " + rule;
  }
}
