package org.safeguardingworkflows.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, answered as {@code application/problem+json}. Thrown before anything is
 * stored or started, or from inside the transaction that stores it, so a refusal never leaves half a record.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final List<FieldProblem> fieldProblems;

  public ApiProblem(HttpStatus status, String title, String detail, List<FieldProblem> fieldProblems) {
    super(detail);
    this.status = status;
    this.title = title;
    this.fieldProblems = List.copyOf(fieldProblems);
  }

  public static ApiProblem invalid(List<FieldProblem> problems) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
        "The request has " + problems.size() + " invalid field(s); nothing was stored.", problems);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of());
  }

  public static ApiProblem unprocessable(String detail, List<FieldProblem> problems) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Breaks a data rule", detail, problems);
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldProblem> fieldProblems() {
    return fieldProblems;
  }
}
