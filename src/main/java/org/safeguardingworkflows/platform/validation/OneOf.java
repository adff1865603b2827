package org.safeguardingworkflows.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A code from a code list (an enum's constant names). The message may say {codes}: "A, B or C". Required unless
 * {@link #optional()}: then a missing or blank value passes (the caller has a default).
 */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface OneOf {

  Class<? extends Enum<?>> value();

  boolean optional() default false;

  String message() default "must be {codes}.";

  String rule() default "code-list";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<OneOf, String> {
    private String[] codes;
    private boolean optional;

    @Override
    public void initialize(OneOf constraint) {
      codes = Arrays.stream(constraint.value().getEnumConstants()).map(Enum::name).toArray(String[]::new);
      optional = constraint.optional();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        if (optional) {
          return true;
        }
      } else if (Arrays.asList(codes).contains(value)) {
        return true;
      }
      context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("codes", inWords(codes));
      return false;
    }

    /** "A, B or C". */
    static String inWords(String[] codes) {
      return codes.length == 1 ? codes[0]
          : String.join(", ", Arrays.copyOf(codes, codes.length - 1)) + " or " + codes[codes.length - 1];
    }
  }
}
