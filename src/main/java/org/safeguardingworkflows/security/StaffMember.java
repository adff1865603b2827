package org.safeguardingworkflows.security;

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

/**
 * A login id naming a member of staff, in whatever role (the role a field needs may depend on other fields: that is
 * the rules class's to check). Missing passes: {@code @NotBlank} says whether the field is required.
 */
@Documented
@Constraint(validatedBy = StaffMember.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface StaffMember {

  String message() default "must name a member of staff.";

  String rule() default "staff-member";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<StaffMember, String> {
    private final Staff staff;

    public Check(Staff staff) {
      this.staff = staff;
    }

    @Override
    public boolean isValid(String userId, ConstraintValidatorContext context) {
      return userId == null || userId.isBlank() || staff.exists(userId);
    }
  }
}
