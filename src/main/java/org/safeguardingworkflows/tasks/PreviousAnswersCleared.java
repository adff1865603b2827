package org.safeguardingworkflows.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.safeguardingworkflows.platform.Json;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A recurring task (supervision, review, approval) must not open with last time's answers already filled in:
 * Tasklist shows every visible variable in the form, and a manager could re-submit last month's judgement
 * without noticing. Tasks marked {@code formOpensBlank} in the diagram clear their form's input variables when
 * they are created; earlier answers stay in the history.
 * <p>
 * Two further marks keep what the next occurrence needs in view (issue 15), without pre-answering it:
 * <ul>
 *   <li>{@code formShowsPreviousAnswers=true}: each answer is kept, before it is cleared, as
 *       {@code previous<Answer>} ({@code supervisionEngagement} as {@code previousSupervisionEngagement}), which the
 *       form shows read-only as "last time";</li>
 *   <li>{@code formCarriesForward=list.column<-fallbackList.column}: the list starts again with one row for each row of
 *       its previous answer (or, the first time, of the fallback list), carrying only that column; for the CIN review,
 *       {@code serviceReviews.provider<-services.provider}: the services reviewed last time, or those agreed at the
 *       step-down meeting, each to be reviewed again.</li>
 * </ul>
 */
class PreviousAnswersCleared implements TaskListener {

  static final String PROPERTY = "formOpensBlank";
  static final String SHOWS_PREVIOUS_PROPERTY = "formShowsPreviousAnswers";
  static final String CARRIES_FORWARD_PROPERTY = "formCarriesForward";

  private final boolean showsPrevious;
  private final String carriesForward;

  PreviousAnswersCleared(boolean showsPrevious, String carriesForward) {
    this.showsPrevious = showsPrevious;
    this.carriesForward = carriesForward;
  }

  /** The variable that keeps an answer's previous value: {@code previous} and the answer's name. */
  static String previous(String key) {
    return "previous" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }

  @Override
  public void notify(DelegateTask task) {
    DeployedForm.of(task).ifPresent(form -> {
      for (String key : DeployedForm.inputKeys(form)) {
        TypedValue answer = showsPrevious ? task.getExecution().getVariableTyped(key) : null;
        if (answer != null && answer.getValue() != null) {
          task.getExecution().setVariable(previous(key), answer);
        }
        task.getExecution().removeVariable(key);
      }
      if (carriesForward != null) {
        carryForward(task);
      }
    });
  }

  private void carryForward(DelegateTask task) {
    String[] sides = carriesForward.split("<-");
    String[] target = sides[0].trim().split("\\.");
    String[] fallback = sides[1].trim().split("\\.");
    Object rows = task.getExecution().getVariable(previous(target[0]));
    String column = target[1];
    if (rows == null) {
      rows = task.getExecution().getVariable(fallback[0]);
      column = fallback[1];
    }
    List<Map<String, Object>> carried = new ArrayList<>();
    for (Object row : rows(rows)) {
      if (row instanceof Map<?, ?> fields && fields.get(column) != null) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put(target[1], fields.get(column));
        carried.add(kept);
      }
    }
    if (!carried.isEmpty()) {
      try {
        // As Tasklist itself sends a list: JSON, which the form's list reads back.
        task.getExecution().setVariable(target[0], SpinValues.jsonValue(Json.MAPPER.writeValueAsString(carried)).create());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Lists arrive as Spin JSON from Tasklist and as Java collections from the Java API. */
  private static Collection<?> rows(Object value) {
    if (value instanceof SpinJsonNode json) {
      return json.isArray() ? json.mapTo(List.class) : List.of();
    }
    if (value instanceof String text && text.trim().startsWith("[")) {
      return Spin.JSON(text).mapTo(List.class);
    }
    return value instanceof Collection<?> list ? list : List.of();
  }
}
