package org.safeguardingworkflows.children;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.safeguardingworkflows.timescales.WorkingDays;

/**
 * A start or catch event marked with the extension property {@code childRecord} (a {@link ChildEvent.Kind}) writes an
 * entry in the child's chronology when it happens: its details are what the event brought with it (a message's local
 * variables, such as a concern's kind and summary), and the event's name. However the event arrived (the child-level
 * API, another step of the diagram, Cockpit), it is recorded once, here.
 */
public class RecordedEvent implements ExecutionListener {

  private final ChildEvent.Kind kind;
  private final Supplier<ChildRecord> record;
  private final Supplier<WorkingDays> workingDays;

  public RecordedEvent(ChildEvent.Kind kind, Supplier<ChildRecord> record, Supplier<WorkingDays> workingDays) {
    this.kind = kind;
    this.record = record;
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ExecutionEntity entity = (ExecutionEntity) execution;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("step", entity.getCurrentActivityName());
    new TreeMap<>(execution.getVariablesLocal()).forEach((name, value) -> details.put(name, RecordedValues.plain(value)));
    record.get().record(ChildEvent.of(execution.getProcessBusinessKey(), workingDays.get().today(), kind,
        ChildJourneys.personActing(execution), entity.getProcessDefinition().getKey(), execution.getProcessInstanceId(),
        details));
  }
}
