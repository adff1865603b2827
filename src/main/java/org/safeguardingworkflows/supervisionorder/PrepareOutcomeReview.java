package org.safeguardingworkflows.supervisionorder;

import static org.safeguardingworkflows.supervisionorder.SupervisionOrderVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Every outcome review (and the end-of-order review) opens with one row per outcome of the support plan, so the
 * worker records progress against each outcome rather than a general impression, and never last time's answers.
 * A review the team manager sent back reopens with the worker's own answers, to be corrected.
 */
@Component("prepareOutcomeReview")
public class PrepareOutcomeReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean sentBack = Boolean.TRUE.equals(OUTCOME_REVIEW_SENT_BACK.from(task));
    task.getExecution().removeVariable(OUTCOME_REVIEW_SENT_BACK.name());
    if (sentBack) {
      return;
    }
    List<Map<String, Object>> reviewRows = new ArrayList<>();
    for (Map<String, Object> planned : SUPPORT_PLAN_OUTCOMES.from(task)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("outcome", planned.get("outcome"));
      reviewRows.add(row);
    }
    OUTCOME_REVIEWS.setOn(task.getExecution(), (reviewRows));
    task.getExecution().removeVariable(OUTCOME_REVIEW_SUMMARY.name());
  }
}
