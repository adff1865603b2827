package org.safeguardingworkflows.supervisionorder;

import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every outcome review (and the end-of-order review) opens with one row per outcome of the support plan, so the
 * worker records progress against each outcome rather than a general impression, and never last time's answers.
 * A review the team manager sent back reopens with the worker's own answers, to be corrected.
 */
@Component("prepareOutcomeReview")
public class PrepareOutcomeReview implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void notify(DelegateTask task) {
    boolean sentBack = Boolean.TRUE.equals(task.getVariable(OUTCOME_REVIEW_SENT_BACK));
    task.getExecution().removeVariable(OUTCOME_REVIEW_SENT_BACK);
    if (sentBack) {
      return;
    }
    List<Map<String, Object>> reviewRows = new ArrayList<>();
    for (Map<String, Object> planned : rows(task, SUPPORT_PLAN_OUTCOMES)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("outcome", planned.get("outcome"));
      reviewRows.add(row);
    }
    try {
      task.getExecution().setVariable(OUTCOME_REVIEWS, SpinValues.jsonValue(JSON.writeValueAsString(reviewRows)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    task.getExecution().removeVariable(OUTCOME_REVIEW_SUMMARY);
  }
}
