package org.safeguardingworkflows.platform.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with one field of a request: the field, the rule it breaks (a stable code a client can act
 * on) and a sentence a person can read.
 */
public record FieldProblem(String field, String rule, String message) {

  /**
   * The sentence as a form's user reads it: each field it names, itself and others ("must be after earlierPlanStart"),
   * is named by the form's label for it instead ("'End of the earlier plan' must be after 'Start of the earlier
   * plan'"), since a form's user never sees field names. A field the form does not show keeps its name.
   */
  public String messageIn(Map<String, String> labels) {
    String sentence = message;
    for (Map.Entry<String, String> named : labels.entrySet()) {
      sentence = sentence.replaceAll("(?<![\\w'])" + Pattern.quote(named.getKey()) + "(?![\\w'])",
          Matcher.quoteReplacement("'" + named.getValue() + "'"));
    }
    return sentence;
  }
}
