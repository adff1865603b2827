package org.safeguardingworkflows.timescales;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Period;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A timescale setting written as an ISO 8601 period of days, weeks, months or years (P28D, P12W, P6M, P2Y) and longer
 * than zero: the form the diagrams' timers and {@link CalendarDates} read. Checked when the settings are bound, so a
 * mistyped timescale stops the application starting, with the setting named, rather than a journey months later.
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoPeriod.Check.class)
public @interface IsoPeriod {

  String message() default "must be a period longer than zero written in ISO 8601, such as P28D, P12W, P6M or P2Y";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The rule itself, for settings and for the checks that compare one setting with another. */
  final class Check implements ConstraintValidator<IsoPeriod, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return parse(value) != null;
    }

    /** The period, or null when the value is not a period longer than zero. */
    public static Period parse(String value) {
      if (value == null) {
        return null;
      }
      try {
        Period period = Period.parse(value);
        return period.isNegative() || period.isZero() ? null : period;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
