package org.safeguardingworkflows.children;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.safeguardingworkflows.tasks.DeployedFormFields;
import org.safeguardingworkflows.timescales.WorkingDays;

/**
 * A user task marked with the extension property {@code childRecord} (a {@link ChildEvent.Kind}) writes an entry in
 * the child's chronology when it is completed, in the completion's transaction: its details are the values of the
 * task form's input fields, as the person completing it gave them, and the step's name. The optional property
 * {@code childRecordDate} names the form field holding the day it happened (a meeting's date); otherwise it is today.
 * The record then never needs another process's variables to tell the child's story.
 */
public class RecordedInTheChildRecord implements TaskListener {

  public static final String KIND_PROPERTY = "childRecord";
  public static final String DATE_PROPERTY = "childRecordDate";

  private final ChildEvent.Kind kind;
  private final String dateField;
  private final Supplier<ChildRecord> record;
  private final Supplier<DeployedFormFields> formFields;
  private final Supplier<WorkingDays> workingDays;

  public RecordedInTheChildRecord(ChildEvent.Kind kind, String dateField, Supplier<ChildRecord> record,
      Supplier<DeployedFormFields> formFields, Supplier<WorkingDays> workingDays) {
    this.kind = kind;
    this.dateField = dateField;
    this.record = record;
    this.formFields = formFields;
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("step", execution.getCurrentActivityName());
    formFields.get().ofTask(task.getId()).ifPresent(fields -> {
      for (String field : new TreeSet<>(fields.inputKeys())) {
        details.put(field, RecordedValues.plain(task.getVariable(field)));
      }
    });
    String who = task.getAssignee() != null ? task.getAssignee()
        : ChildJourneys.personActing(execution);
    record.get().record(ChildEvent.of(execution.getProcessBusinessKey(), dateOf(task), kind, who,
        execution.getProcessDefinition().getKey(), execution.getProcessInstanceId(), details));
  }

  private LocalDate dateOf(DelegateTask task) {
    if (dateField != null && task.getVariable(dateField) instanceof String text && !text.isBlank()) {
      try {
        return LocalDate.parse(text);
      } catch (java.time.format.DateTimeParseException notADate) {
        // The form's own rules refuse a bad date; an entry is still dated.
      }
    }
    return workingDays.get().today();
  }
}
