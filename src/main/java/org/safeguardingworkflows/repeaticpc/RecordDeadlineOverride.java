package org.safeguardingworkflows.repeaticpc;

import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.springframework.stereotype.Component;

/**
 * A senior manager has overridden the four-party discussion because the statutory deadline would otherwise be
 * missed. The discussion is incomplete by definition; the override is recorded for the audit report
 * ({@code overrideUsed}, with {@code overrideBy}, {@code overrideReasons}, {@code viewsMissingAtOverride}).
 */
@WritesVariables({"fourPartyDiscussionComplete", "overrideUsed"})
@Component("recordDeadlineOverride")
public class RecordDeadlineOverride implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    FOUR_PARTY_DISCUSSION_COMPLETE.setOn(execution, false);
    OVERRIDE_USED.setOn(execution, true);
  }
}
