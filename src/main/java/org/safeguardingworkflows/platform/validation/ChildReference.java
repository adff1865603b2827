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

import org.safeguardingworkflows.planhistory.CpPlan;

/** A child is named by the case-management system's pseudonymous reference (C-1042), never by name; required. */
@Documented
@Constraint(validatedBy = ChildReference.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface ChildReference {

  /** Also said by the CSV import and the business-key check, after their own name for the field. */
  String MESSAGE = "must be the case-management reference: 1-40 letters, digits or hyphens (never a name).";

  String message() default MESSAGE;

  String rule() default "pattern";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<ChildReference, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value != null && CpPlan.CHILD_REF.matcher(value).matches();
    }
  }
}
