package org.safeguardingworkflows.repeaticpc;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.safeguardingworkflows.platform.validation.FieldRules;

/**
 * An earlier plan held by another local authority is declared with all three of its fields or none: the authority
 * that held it, its start and its end.
 */
@Documented
@Constraint(validatedBy = EarlierPlanDeclaredInFull.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface EarlierPlanDeclaredInFull {

  String message() default FieldRules.REQUIRED;

  String rule() default "required";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<EarlierPlanDeclaredInFull, Proposal> {
    @Override
    public boolean isValid(Proposal proposal, ConstraintValidatorContext context) {
      if (proposal == null || !proposal.declaresEarlierPlan()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean inFull = true;
      if (!RepeatIcpcVariables.filled(proposal.earlierPlanAuthority())) {
        missing(context, "earlierPlanAuthority", "is required with an earlier plan: the local authority that held it.");
        inFull = false;
      }
      if (!RepeatIcpcVariables.filled(proposal.earlierPlanStart())) {
        missing(context, "earlierPlanStart", FieldRules.REQUIRED);
        inFull = false;
      }
      if (!RepeatIcpcVariables.filled(proposal.earlierPlanEnd())) {
        missing(context, "earlierPlanEnd", FieldRules.REQUIRED);
        inFull = false;
      }
      return inFull;
    }

    private static void missing(ConstraintValidatorContext context, String field, String message) {
      context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
    }
  }
}
