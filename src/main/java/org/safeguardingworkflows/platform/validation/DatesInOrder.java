package org.safeguardingworkflows.platform.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Two dates of one record (sent as text) in order: the end not before the start, or strictly after it when a period
 * cannot start and end on the same day. Reported against the end; missing or malformed dates pass (see
 * {@link IsoDate}).
 */
@Documented
@Constraint(validatedBy = DatesInOrder.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface DatesInOrder {

  /** The record component holding the start. */
  String start();

  /** The record component holding the end. */
  String end();

  boolean sameDayAllowed();

  String message();

  String rule();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<DatesInOrder, Record> {
    private DatesInOrder constraint;

    @Override
    public void initialize(DatesInOrder constraint) {
      this.constraint = constraint;
    }

    @Override
    public boolean isValid(Record record, ConstraintValidatorContext context) {
      if (record == null) {
        return true;
      }
      Optional<LocalDate> start = IsoDate.Check.read(text(record, constraint.start()));
      Optional<LocalDate> end = IsoDate.Check.read(text(record, constraint.end()));
      if (start.isEmpty() || end.isEmpty()) {
        return true;
      }
      boolean inOrder = constraint.sameDayAllowed() ? !end.get().isBefore(start.get()) : end.get().isAfter(start.get());
      if (!inOrder) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(constraint.message()).addPropertyNode(constraint.end())
            .addConstraintViolation();
      }
      return inOrder;
    }

    private static String text(Record record, String component) {
      RecordComponent holder = Arrays.stream(record.getClass().getRecordComponents())
          .filter(candidate -> candidate.getName().equals(component)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(record.getClass().getSimpleName() + " has no " + component));
      try {
        // The records of a capability may be package-private.
        holder.getAccessor().setAccessible(true);
        Object value = holder.getAccessor().invoke(record);
        return value == null ? null : value.toString();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
