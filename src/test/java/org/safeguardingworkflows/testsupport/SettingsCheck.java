package org.safeguardingworkflows.testsupport;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

/**
 * The settings rules as the application applies them when it binds {@code safeguarding.*} (Bean Validation on the
 * {@code @Validated} settings classes), without starting it.
 */
public final class SettingsCheck {

  private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  private SettingsCheck() {
  }

  /** Each broken rule as "property: message", sorted; empty when the settings may start the application. */
  public static List<String> problems(Object settings) {
    return VALIDATOR.validate(settings).stream()
        .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage())
        .sorted()
        .toList();
  }
}
