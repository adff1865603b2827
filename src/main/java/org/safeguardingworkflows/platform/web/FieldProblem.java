package org.safeguardingworkflows.platform.web;

import java.util.Map;

/**
 * What is wrong with one field of a request: the field, the rule it breaks (a stable code a client can act
 * on) and a sentence a person can read.
 */
public record FieldProblem(String field, String rule, String message) {

  /**
   * The sentence as a form's user reads it: a message that begins with the field's name begins with the form's label
   * for it instead ("'Date of the next review' cannot be in the past"), since a form's user never sees field names.
   */
  public String messageIn(Map<String, String> labels) {
    String label = labels.get(field);
    if (label == null || !message.startsWith(field + " ")) {
      return message;
    }
    return "'" + label + "' " + message.substring(field.length() + 1);
  }
}
