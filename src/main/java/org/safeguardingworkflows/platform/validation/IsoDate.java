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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A date sent as text (so that a malformed one is reported against its field like any other value), written the
 * ISO way, in a year a child's record can hold. Missing passes: {@code @NotBlank} says whether it is required.
 */
@Documented
@Constraint(validatedBy = IsoDate.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface IsoDate {

  String message() default "must be a real date written as year-month-day, for example 2026-03-15.";

  String rule() default "date";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  int EARLIEST_YEAR = 1900;
  int LATEST_YEAR = 2999;

  class Check implements ConstraintValidator<IsoDate, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return true;
      }
      Optional<LocalDate> date = read(value);
      if (date.isEmpty()) {
        return false;
      }
      // LocalDate reads "-0001-01-01" and "+99999-01-01"; no record of a child is dated so, and the database and the
      // working-day calendar cannot hold such years.
      if (date.get().getYear() < EARLIEST_YEAR || date.get().getYear() > LATEST_YEAR) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be a date between " + EARLIEST_YEAR + " and " + LATEST_YEAR + ".")
            .addConstraintViolation();
        return false;
      }
      return true;
    }

    /** The date the text holds, if it is one; the constraints that compare dates use it and leave bad text to this one. */
    static Optional<LocalDate> read(String value) {
      if (value == null || value.isBlank()) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(value));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }
}
