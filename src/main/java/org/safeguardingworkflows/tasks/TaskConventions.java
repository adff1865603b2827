package org.safeguardingworkflows.tasks;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.safeguardingworkflows.teams.AssignedWithinTheTaskRole;
import org.safeguardingworkflows.teams.ChildAccess;
import org.safeguardingworkflows.teams.CompletedByTheTaskRole;
import org.safeguardingworkflows.teams.TeamCandidateGroup;
import org.safeguardingworkflows.teams.TeamInstanceGrants;
import org.safeguardingworkflows.teams.TeamOfTheChild;
import org.safeguardingworkflows.teams.Teams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Conventions that hold for every user task of every process, so that no diagram has to repeat them (and no
 * process owner can forget them in Modeler):
 * <ul>
 *   <li>the task name carries the child reference, so Tasklist lists say whose task it is;</li>
 *   <li>on completion, the task's Camunda Form rules (required fields, lengths, patterns) are checked again on
 *       the server, because Tasklist validates in the browser only;</li>
 *   <li>a task marked with the extension property {@code formOpensBlank=true} opens with an empty form;</li>
 *   <li>a refused form reaches the caller as a validation error (REST 400), not as a server error;</li>
 *   <li>a process started from a Tasklist start form (which sets no business key) takes the child reference as its
 *       business key;</li>
 *   <li>a process takes the team of the child's worker when it starts ({@link TeamOfTheChild}), and a task whose
 *       diagram offers it to {@code social-workers} or {@code team-managers} is offered to that team's group instead
 *       ({@link TeamCandidateGroup});</li>
 *   <li>a task is completed only by its assignee or someone in its role, and claimed or reassigned only within its
 *       role and team, by a manager when it goes to someone else ({@link CompletedByTheTaskRole},
 *       {@link AssignedWithinTheTaskRole}).</li>
 * </ul>
 * The team beans are looked up when first used: this plugin is built before the engine they need.
 */
@Component
public class TaskConventions extends AbstractProcessEnginePlugin {

  private final TaskListener childReferenceInTaskName = new ChildReferenceInTaskName();
  private final TaskListener formRulesOnServer = new FormRulesOnServer();
  private final TaskListener previousAnswersCleared = new PreviousAnswersCleared();
  private final ExecutionListener childReferenceAsBusinessKey = new ChildReferenceAsBusinessKey();
  private final ExecutionListener teamOfTheChild;
  private final TaskListener completedByTheTaskRole = new CompletedByTheTaskRole();
  private final TaskListener assignedWithinTheTaskRole;
  private final TeamCandidateGroup teamCandidateGroup;

  public TaskConventions(ObjectProvider<Teams> teams, ObjectProvider<TeamInstanceGrants> grants,
      ObjectProvider<ChildAccess> childAccess) {
    this.teamOfTheChild = new TeamOfTheChild(teams::getObject, grants::getObject, childAccess::getObject);
    this.assignedWithinTheTaskRole = new AssignedWithinTheTaskRole(teams::getObject, grants::getObject);
    this.teamCandidateGroup = new TeamCandidateGroup(grants::getObject);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new ValidationReachesTheCaller());
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEvent) {
        if (scope instanceof ProcessDefinitionEntity) {
          startEvent.addListener(ExecutionListener.EVENTNAME_END, childReferenceAsBusinessKey);
          startEvent.addListener(ExecutionListener.EVENTNAME_END, teamOfTheChild);
        }
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, childReferenceInTaskName);
        if (opensBlank(userTaskElement)) {
          task.addTaskListener(TaskListener.EVENTNAME_CREATE, previousAnswersCleared);
        }
        // Built in, so that they run before the diagram's own listeners: who may act is settled before any form is
        // checked or anything recorded.
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, completedByTheTaskRole);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assignedWithinTheTaskRole);
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, formRulesOnServer);
        offerTeamTasksToTheTeam(task);
      }
    });
  }

  /** Replaces the literal candidate groups {@code social-workers} and {@code team-managers} with the child's team. */
  private void offerTeamTasksToTheTeam(TaskDefinition task) {
    boolean teamTask = task.getCandidateGroupIdExpressions().removeIf(expression -> expression.isLiteralText()
        && Teams.TEAM_ROLES.stream().anyMatch(role -> role.groupId().equals(expression.getExpressionText().trim())));
    if (teamTask) {
      task.addCandidateGroupIdExpression(teamCandidateGroup);
    }
  }

  private static boolean opensBlank(Element userTask) {
    Element extensions = userTask.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return false;
    }
    return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
        .anyMatch(property -> PreviousAnswersCleared.PROPERTY.equals(property.attribute("name"))
            && "true".equals(property.attribute("value")));
  }
}
