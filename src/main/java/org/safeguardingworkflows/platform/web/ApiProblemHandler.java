package org.safeguardingworkflows.platform.web;

import jakarta.validation.ConstraintViolation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.validation.method.ParameterValidationResult;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every refusal of the domain API as {@code application/problem+json}: the status, a title, a detail sentence
 * and, for invalid fields, {@code errors: [{field, rule, message}]}. Never a stack trace or SQL.
 */
@RestControllerAdvice(basePackages = "org.safeguardingworkflows")
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> refused(ApiProblem problem) {
    // The rules only: field names and sentences may quote what was sent.
    log.info("API request refused: {} {}, rules {}", problem.status().value(), problem.title(),
        problem.fieldProblems().stream().map(FieldProblem::rule).toList());
    return respond(problem.status(), problem.title(), problem.getMessage(), problem.fieldProblems());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> notAllowed(AuthorizationException e) {
    return respond(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.", List.of());
  }

  /**
   * Two requests raced for the same one-per-child record. The API checks its rules before it starts anything, so a
   * request refused later, by a process's own first step (which checks the same rules again in the engine's
   * transaction) or by the database's unique constraint, was overtaken by another one for the same child. Its
   * transaction rolled back whole: this is the caller's conflict, not a fault.
   */
  @ExceptionHandler({DuplicateKeyException.class, FormFieldValidationException.class})
  ResponseEntity<ProblemDetail> lostARace(Exception e) {
    log.info("Refused a request that lost a race for a one-per-child record ({})", e.getClass().getSimpleName());
    return respond(HttpStatus.CONFLICT, "Conflict",
        "Another request for this child was stored at the same moment; nothing from this one was stored. Read the child's"
            + " record again before trying again.", List.of());
  }

  /**
   * Two requests for one child overlapped where the child's lock does not reach (the engine found a row changed by
   * the other: OptimisticLockingException; or the database chose this one as a deadlock's victim), or this request
   * waited for the child's lock longer than the database allows (H2's lock timeout, which Spring reports as a query
   * timeout). Its transaction rolled back whole: the caller may read the child's record and try again.
   */
  @ExceptionHandler({OptimisticLockingException.class, PessimisticLockingFailureException.class, QueryTimeoutException.class})
  ResponseEntity<ProblemDetail> lostALockRace(Exception e) {
    if (e instanceof QueryTimeoutException && !waitedForALock(e)) {
      return unexpected(e);
    }
    return lostARace(e);
  }

  /** A lock wait that ended the statement: H2's lock timeout (50200), PostgreSQL's lock_not_available or a deadlock. */
  private static boolean waitedForALock(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && (sql.getErrorCode() == H2_LOCK_TIMEOUT
          || List.of("55P03", "40P01", "40001").contains(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static final int H2_LOCK_TIMEOUT = 50200;

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    // The exception's message may carry case details: log an error id, its type and where it happened (the stack
    // trace is printed without messages, see platform/logging), and give the caller the id to quote.
    String errorId = UUID.randomUUID().toString();
    log.error("Unexpected failure of an API request: error {}, {}", errorId, e.getClass().getName(), e);
    ResponseEntity<ProblemDetail> answer = respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "Something went wrong on our side; nothing was stored. Quote error " + errorId + " to the service desk.", List.of());
    answer.getBody().setProperty("errorId", errorId);
    return answer;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    FieldProblem problem;
    if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
      problem = new FieldProblem(unknown.getPropertyName(), "unknown-field", unknown.getPropertyName()
          + " is not a field of this request. Send only the documented fields; children are identified by their"
          + " pseudonymous reference, never by name.");
    } else if (ex.getCause() instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
      String field = format.getPath().get(format.getPath().size() - 1).getFieldName();
      problem = new FieldProblem(field, "format", "'" + format.getValue() + "' is not a valid value for " + field + ".");
    } else if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
      problem = new FieldProblem(field, "type", field + " has the wrong type.");
    } else {
      problem = new FieldProblem("body", "json", "The request body is not valid JSON.");
    }
    log.info("API request refused: 400 unreadable body, rule {}", problem.rule());
    return new ResponseEntity<>(body(HttpStatus.BAD_REQUEST, "Invalid request",
        "The request body could not be read; nothing was stored.", List.of(problem)), problemHeaders(), HttpStatus.BAD_REQUEST);
  }

  /** A request record's field rules ({@code @Valid}): every broken one at once, as {@link FieldRules} words them. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    List<ConstraintViolation<?>> violations = ex.getBindingResult().getAllErrors().stream()
        .<ConstraintViolation<?>>map(error -> error.unwrap(ConstraintViolation.class))
        .toList();
    Class<?> requestType = ex.getParameter().getParameterType();
    ResponseEntity<ProblemDetail> answer = refused(ApiProblem.invalid(FieldRules.problems(requestType, violations)));
    return new ResponseEntity<>(answer.getBody(), answer.getHeaders(), answer.getStatusCode());
  }

  /**
   * The same, when a path variable carries a constraint too ({@code @PathVariable @ChildReference}): Spring then
   * validates the whole method, the path's rules and the body's at once.
   */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      List<ConstraintViolation<?>> violations = result.getResolvableErrors().stream()
          .<ConstraintViolation<?>>map(error -> result.unwrap(error, ConstraintViolation.class))
          .toList();
      problems.addAll(FieldRules.problems(result.getMethodParameter().getParameterType(), violations));
    }
    ResponseEntity<ProblemDetail> answer = refused(ApiProblem.invalid(problems));
    return new ResponseEntity<>(answer.getBody(), answer.getHeaders(), answer.getStatusCode());
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    // Spring's own refusals (wrong method, unsupported media type...) keep their status but lose internals.
    HttpStatus status = HttpStatus.valueOf(statusCode.value());
    return new ResponseEntity<>(body(status, status.getReasonPhrase(), status.getReasonPhrase() + ".", List.of()),
        problemHeaders(), status);
  }

  static ResponseEntity<ProblemDetail> respond(HttpStatus status, String title, String detail,
      List<FieldProblem> problems) {
    return ResponseEntity.status(status).headers(problemHeaders()).body(body(status, title, detail, problems));
  }

  private static ProblemDetail body(HttpStatus status, String title, String detail, List<FieldProblem> problems) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    if (!problems.isEmpty()) {
      body.setProperty("errors", problems);
    }
    return body;
  }

  private static HttpHeaders problemHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/problem+json");
    return headers;
  }
}
