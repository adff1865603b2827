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

import org.safeguardingworkflows.timescales.WorkingDays;

/**
 * A date (sent as text) that has happened: today or before, in the local authority's calendar and the engine's
 * clock ({@link WorkingDays#today()}, which tests move), not the JVM's. Missing or malformed text passes: see
 * {@link IsoDate}.
 */
@Documented
@Constraint(validatedBy = NotInFuture.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface NotInFuture {

  /** What to do instead, said after "cannot be in the future: "; none by default. */
  String advice() default "";

  String message() default "cannot be in the future.";

  String rule() default "not-in-future";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<NotInFuture, String> {
    private final WorkingDays workingDays;
    private String advice;

    public Check(WorkingDays workingDays) {
      this.workingDays = workingDays;
    }

    @Override
    public void initialize(NotInFuture constraint) {
      advice = constraint.advice();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      boolean inTheFuture = IsoDate.Check.read(value).filter(date -> date.isAfter(workingDays.today())).isPresent();
      if (inTheFuture && !advice.isEmpty()) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("cannot be in the future: " + advice + ".").addConstraintViolation();
      }
      return !inTheFuture;
    }
  }
}
