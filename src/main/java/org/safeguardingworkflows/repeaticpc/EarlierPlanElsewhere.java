package org.safeguardingworkflows.repeaticpc;

import static org.safeguardingworkflows.repeaticpc.RepeatIcpcVariables.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildRecord;
import org.springframework.stereotype.Component;

/**
 * A plan the child had with another local authority, declared on a proposal (authority, start, end): it joins the
 * child's chronology ({@code OTHER_AUTHORITY_PLAN}), where {@link ChildHistory} puts it among the child's previous
 * plans, and stays in the process's variables ({@code earlierPlanAuthority}, {@code earlierPlanStart},
 * {@code earlierPlanEnd}).
 */
@Component
public class EarlierPlanElsewhere {

  private final ChildRecord childRecord;

  public EarlierPlanElsewhere(ChildRecord childRecord) {
    this.childRecord = childRecord;
  }

  /** The declared plan joins the child's chronology (dated from its start), whoever else the child's plans were with. */
  void record(DelegateExecution execution, Proposal proposal) {
    Map<String, Object> details = new LinkedHashMap<>();
    EARLIER_PLAN_AUTHORITY.putIn(details, proposal.earlierPlanAuthority());
    EARLIER_PLAN_START.putIn(details, LocalDate.parse(proposal.earlierPlanStart()));
    EARLIER_PLAN_END.putIn(details, LocalDate.parse(proposal.earlierPlanEnd()));
    childRecord.record(ChildEvent.of(proposal.childRef(), LocalDate.parse(proposal.earlierPlanStart()),
        ChildEvent.Kind.OTHER_AUTHORITY_PLAN, proposal.proposedBy(), PROCESS_KEY, execution.getProcessInstanceId(), details));
  }
}
