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

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A login id naming a member of staff who holds the role. Someone who is not staff and someone in another role get
 * the same answer, so that refusals do not tell a caller who works here. Missing passes: {@code @NotBlank} says
 * whether the field is required.
 */
@Documented
@Constraint(validatedBy = StaffInRole.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface StaffInRole {

  Role value();

  /** "{role}" is the role's name in words. */
  String MESSAGE = "must name a member of staff who is one of the {role}.";

  String message() default MESSAGE;

  String rule() default "staff-in-role";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<StaffInRole, String> {
    private final Staff staff;
    private Role role;

    public Check(Staff staff) {
      this.staff = staff;
    }

    @Override
    public void initialize(StaffInRole constraint) {
      role = constraint.value();
    }

    @Override
    public boolean isValid(String userId, ConstraintValidatorContext context) {
      if (userId == null || userId.isBlank() || staff.hasRole(userId, role)) {
        return true;
      }
      context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("role", inWords(role));
      return false;
    }

    static String inWords(Role role) {
      return role.displayName().toLowerCase();
    }
  }
}
