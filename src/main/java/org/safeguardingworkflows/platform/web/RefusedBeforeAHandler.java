package org.safeguardingworkflows.platform.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Spring refuses a wrong content type or method while it is still choosing the API method, before any controller is
 * known, so {@link ApiProblemHandler}, which applies to this application's controllers only, is never asked. This
 * advice applies whatever the handler, to these two refusals only, and answers in the same problem+json shape, saying
 * what to send instead. (The engine's REST API and the webapps are not Spring MVC and keep their own answers.)
 */
@RestControllerAdvice
public class RefusedBeforeAHandler {

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> unsupportedContentType(HttpMediaTypeNotSupportedException e) {
    String sent = e.getContentType() == null ? "a body without a content type" : e.getContentType().toString();
    String accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    return ApiProblemHandler.respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
        "The request body could not be read; nothing was stored.",
        List.of(new FieldProblem("Content-Type", "supported-media-type",
            "Send " + (accepted.isEmpty() ? "a supported content type" : accepted) + ", not " + sent + ".")));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> unsupportedMethod(HttpRequestMethodNotSupportedException e) {
    String allowed = e.getSupportedHttpMethods() == null ? ""
        : e.getSupportedHttpMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    ResponseEntity<ProblemDetail> refusal = ApiProblemHandler.respond(HttpStatus.METHOD_NOT_ALLOWED,
        "Method not allowed", e.getMethod() + " is not allowed here" + (allowed.isEmpty() ? "." : "; use " + allowed + "."),
        List.of());
    return allowed.isEmpty() ? refusal
        : ResponseEntity.status(refusal.getStatusCode()).headers(refusal.getHeaders()).header("Allow", allowed)
            .body(refusal.getBody());
  }
}
