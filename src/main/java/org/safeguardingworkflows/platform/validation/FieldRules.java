package org.safeguardingworkflows.platform.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.safeguardingworkflows.platform.web.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The one way a request's fields are checked: the Bean Validation constraints its record declares, turned into
 * {@link FieldProblem}s. The API reaches it through {@code @Valid} (see ApiProblemHandler), a process's first step
 * through {@link #problems(Object)}, so a Tasklist start form and an API call are refused with the same sentences.
 */
@Component
public class FieldRules {

  /** The rule codes of the standard constraints; our own constraints carry theirs in a {@code rule} attribute. */
  private static final Map<Class<? extends Annotation>, String> STANDARD_RULES =
      Map.of(NotBlank.class, "required", NotNull.class, "required", Size.class, "max-length");

  /** The sentence of every required field ({@code @NotBlank(message = REQUIRED)}): "field is required." */
  public static final String REQUIRED = "is required.";

  /** The sentence of a text's length limit ({@code @Size(max = ..., message = AT_MOST)}). */
  public static final String AT_MOST = "must be at most {max} characters.";

  private final Validator validator;

  public FieldRules(Validator validator) {
    this.validator = validator;
  }

  /** Every broken field rule of the request at once, in the order its fields are declared. */
  public List<FieldProblem> problems(Object request) {
    return problems(request.getClass(), validator.validate(request));
  }

  /**
   * The violations as field problems: the field, the rule's code and "field + the constraint's sentence" (the
   * sentences are written once, on the constraints, without the field's name).
   */
  public static List<FieldProblem> problems(Class<?> requestType, Collection<? extends ConstraintViolation<?>> violations) {
    List<String> declared = requestType.isRecord()
        ? Arrays.stream(requestType.getRecordComponents()).map(RecordComponent::getName).toList() : List.of();
    return violations.stream()
        .map(FieldRules::problem)
        .sorted(Comparator.comparingInt((FieldProblem problem) -> {
          int index = declared.indexOf(problem.field());
          return index < 0 ? declared.size() : index;
        }).thenComparing(FieldProblem::rule))
        .toList();
  }

  static FieldProblem problem(ConstraintViolation<?> violation) {
    String field = null;
    for (Path.Node node : violation.getPropertyPath()) {
      field = node.getName();
    }
    Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
    String rule = attributes.get("rule") instanceof String own ? own
        : STANDARD_RULES.getOrDefault(violation.getConstraintDescriptor().getAnnotation().annotationType(), "invalid");
    return new FieldProblem(field, rule, field + " " + violation.getMessage());
  }
}
