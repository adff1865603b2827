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
 * A date (sent as text) still to come or today, in the local authority's calendar and the engine's clock
 * ({@link WorkingDays#today()}, which tests move): a date by which something is needed. Missing or malformed text
 * passes: see {@link IsoDate}.
 */
@Documented
@Constraint(validatedBy = NotInThePast.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface NotInThePast {

  String message() default "cannot be in the past: give today's date or a later one.";

  String rule() default "not-in-past";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<NotInThePast, String> {
    private final WorkingDays workingDays;

    public Check(WorkingDays workingDays) {
      this.workingDays = workingDays;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return IsoDate.Check.read(value).filter(date -> date.isBefore(workingDays.today())).isEmpty();
    }
  }
}
