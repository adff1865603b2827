package org.safeguardingworkflows.teams;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Stands in, at parse time, for the candidate groups {@code social-workers} and {@code team-managers} of a user task:
 * the task goes to the child's team (the journey's team grant, {@link TeamInstanceGrants#teamOf}) instead of every
 * worker and manager of the organisation. Doing it when the task is created, rather than swapping groups afterwards,
 * matters: Camunda grants a candidate group its task permissions as the group is added and does not take them back
 * when it is removed.
 * A journey without a team fails here rather than offering the task to nobody or to everybody.
 */
public class TeamCandidateGroup implements Expression {

  private final Supplier<TeamInstanceGrants> grants;

  public TeamCandidateGroup(Supplier<TeamInstanceGrants> grants) {
    this.grants = grants;
  }

  @Override
  public Object getValue(VariableScope variableScope) {
    String processInstanceId = variableScope instanceof DelegateTask task ? task.getProcessInstanceId()
        : variableScope instanceof DelegateExecution execution ? execution.getProcessInstanceId() : null;
    String team = grants.get().teamOf(processInstanceId);
    if (team != null) {
      return team;
    }
    throw new ProcessEngineException("This journey belongs to no team, so its team task cannot be offered to anyone.");
  }

  @Override
  public void setValue(Object value, VariableScope variableScope) {
    throw new UnsupportedOperationException("The team of a task is read from its journey, never written through it.");
  }

  @Override
  public String getExpressionText() {
    return "${" + Teams.TEAM.name() + "}";
  }

  @Override
  public boolean isLiteralText() {
    return false;
  }
}
