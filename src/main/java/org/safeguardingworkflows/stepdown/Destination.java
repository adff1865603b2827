package org.safeguardingworkflows.stepdown;

import java.util.Arrays;

/** Where the child goes when the CP plan ends. */
public enum Destination {
  CHILD_IN_NEED, EARLY_HELP, CLOSURE;

  static boolean isValue(String value) {
    return value != null && Arrays.stream(values()).anyMatch(d -> d.name().equals(value));
  }
}
