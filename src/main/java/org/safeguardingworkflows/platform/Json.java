package org.safeguardingworkflows.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON mapper for what the application reads and writes itself: list variables stored as JSON, deployed
 * forms, request bodies the engine gate inspects, problem answers written outside Spring MVC. A key written twice
 * is refused, so that the gate and the engine can never read two different values from one body. (Spring MVC's
 * own mapper serves the controllers.) An ObjectMapper is thread-safe once configured.
 */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private Json() {
  }
}
