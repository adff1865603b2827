package org.safeguardingworkflows.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.safeguardingworkflows.platform.Json;

/**
 * The same problem+json answer as {@link ApiProblemHandler}, written by a servlet filter: refusals made before a
 * request reaches any controller (the engine's REST API and the webapps are not Spring MVC).
 */
public final class ProblemResponses {

  private ProblemResponses() {
  }

  public static void write(HttpServletResponse response, ApiProblem problem) throws IOException {
    // The fields of Spring's ProblemDetail as its Jackson mix-in writes them (errors beside, not under "properties").
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", problem.title());
    body.put("status", problem.status().value());
    body.put("detail", problem.getMessage());
    if (!problem.fieldProblems().isEmpty()) {
      body.put("errors", problem.fieldProblems());
    }
    // Tasklist and Cockpit show an engine API error's "message" to the user; without it a refused form would read
    // "An error happened while submitting the task form". The sentences name fields and rules, never values.
    body.put("message", problem.fieldProblems().isEmpty() ? problem.getMessage()
        : problem.fieldProblems().stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
    response.resetBuffer();
    response.setStatus(problem.status().value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    Json.MAPPER.writeValue(response.getOutputStream(), body);
  }
}
