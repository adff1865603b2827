package org.safeguardingworkflows.children;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.safeguardingworkflows.timescales.WorkingDays;

/**
 * A start or catch event marked with the extension property {@code childRecord} (a {@link ChildEvent.Kind}) writes an
 * entry in the child's chronology when it happens: its details are the event's name and the variables that the
 * property {@code childRecordVariables} names (comma-separated: what the event brought, such as a concern's kind and
 * summary). However the event arrived (the child-level API, another step of the diagram, Cockpit), it is recorded
 * once, here.
 */
public class RecordedEvent implements ExecutionListener {

  public static final String VARIABLES_PROPERTY = "childRecordVariables";

  private final ChildEvent.Kind kind;
  private final List<String> variables;
  private final Supplier<ChildRecord> record;
  private final Supplier<WorkingDays> workingDays;

  public RecordedEvent(ChildEvent.Kind kind, String variables, Supplier<ChildRecord> record, Supplier<WorkingDays> workingDays) {
    this.kind = kind;
    this.variables = variables == null ? List.of()
        : Arrays.stream(variables.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    this.record = record;
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ExecutionEntity entity = (ExecutionEntity) execution;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("step", entity.getCurrentActivityName());
    for (String variable : variables) {
      details.put(variable, RecordedValues.plain(execution.getVariable(variable)));
    }
    record.get().record(ChildEvent.of(execution.getProcessBusinessKey(), workingDays.get().today(), kind,
        ChildJourneys.personActing(execution), entity.getProcessDefinition().getKey(), execution.getProcessInstanceId(),
        details));
  }
}
