package org.safeguardingworkflows.tasks;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
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
import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildJourneys;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.children.RecordedEvent;
import org.safeguardingworkflows.children.RecordedInTheChildRecord;
import org.safeguardingworkflows.teams.AssignedWithinTheTaskRole;
import org.safeguardingworkflows.teams.ChildAccess;
import org.safeguardingworkflows.teams.CompletedByTheTaskRole;
import org.safeguardingworkflows.teams.TeamCandidateGroup;
import org.safeguardingworkflows.teams.TeamInstanceGrants;
import org.safeguardingworkflows.teams.TeamOfTheChild;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Conventions that hold for every user task of every process, so that no diagram has to repeat them (and no
 * process owner can forget them in Modeler):
 * <ul>
 *   <li>the task name carries the child reference, so Tasklist lists say whose task it is;</li>
 *   <li>on completion, the task's Camunda Form rules (required fields, lengths, patterns) are checked again on
 *       the server, because Tasklist validates in the browser only;</li>
 *   <li>a task marked with the extension property {@code formOpensBlank=true} opens with an empty form, showing last
 *       time's answers and carrying a list forward where marked so ({@link PreviousAnswersCleared});</li>
 *   <li>a task with a due date shows it written dd/mm/yyyy in its form ({@link DueDateShown});</li>
 *   <li>a task's form writes its journey's dates in words from one variable, not its own month names
 *       ({@link DatesInWords}), and names its staff from another, not by their login ids ({@link StaffNames}), both
 *       written again in a journey's other open tasks when one is completed ({@link WhatTheFormShowsKeptCurrent});</li>
 *   <li>a refused form reaches the caller as a validation error (REST 400), not as a server error;</li>
 *   <li>a process started from a Tasklist start form (which sets no business key) takes the child reference as its
 *       business key;</li>
 *   <li>a process takes the team of the child's worker when it starts ({@link TeamOfTheChild}), and a task whose
 *       diagram offers it to {@code social-workers} or {@code team-managers} is offered to that team's group instead
 *       ({@link TeamCandidateGroup});</li>
 *   <li>a task is completed only by its assignee or someone in its role, and claimed or reassigned only within its
 *       role and team, by a manager when it goes to someone else ({@link CompletedByTheTaskRole},
 *       {@link AssignedWithinTheTaskRole});</li>
 *   <li>every process's start and end is written in the child record ({@link ChildJourneys}), and a task marked with
 *       the extension property {@code childRecord} writes what its form recorded there when it is completed
 *       ({@link RecordedInTheChildRecord}), as does a start or catch event so marked, with what it brought
 *       ({@link RecordedEvent}).</li>
 * </ul>
 * The team beans are looked up when first used: this plugin is built before the engine they need.
 */
@Component
public class TaskConventions extends AbstractProcessEnginePlugin {

  /** Variables every task has by these conventions, whatever its process: the forms may show them. */
  public static final java.util.Set<String> TASK_VARIABLES = java.util.Set.of(DueDateShown.VARIABLE, DatesInWords.DATES_IN_WORDS.name(),
      StaffNames.STAFF_NAMES.name());

  /** The variable a form reads last time's answer from, for a task marked {@code formShowsPreviousAnswers}. */
  public static String previousAnswer(String key) {
    return PreviousAnswersCleared.previous(key);
  }

  private final TaskListener childReferenceInTaskName = new ChildReferenceInTaskName();
  private final TaskListener formRulesOnServer = FormRulesOnServer.allRules();
  private final TaskListener realDatesFirst = FormRulesOnServer.realDatesFirst();
  private final TaskListener dueDateShown = new DueDateShown();
  private final TaskListener datesInWords = new DatesInWords();
  private final ExecutionListener childReferenceAsBusinessKey = new ChildReferenceAsBusinessKey();
  private final ExecutionListener teamOfTheChild;
  private final TaskListener completedByTheTaskRole = new CompletedByTheTaskRole();
  private final TaskListener assignedWithinTheTaskRole;
  private final TeamCandidateGroup teamCandidateGroup;
  private final ExecutionListener journeyStarted;
  private final ExecutionListener journeyEnded;

  private final ChildJourneys childJourneys;
  private final ObjectProvider<ChildRecord> childRecord;
  private final ObjectProvider<DeployedFormFields> formFields;
  private final ObjectProvider<WorkingDays> workingDays;
  private final TaskListener staffNames;
  private final WhatTheFormShowsKeptCurrent whatTheFormShowsKeptCurrent;

  public TaskConventions(ObjectProvider<Teams> teams, ObjectProvider<TeamInstanceGrants> grants,
      ObjectProvider<ChildAccess> childAccess, ObjectProvider<ChildRecord> childRecord,
      ObjectProvider<DeployedFormFields> formFields, ObjectProvider<WorkingDays> workingDays,
      ObjectProvider<StaffNames> staffNames) {
    this.childRecord = childRecord;
    this.formFields = formFields;
    this.workingDays = workingDays;
    this.staffNames = task -> staffNames.getObject().notify(task);
    this.whatTheFormShowsKeptCurrent = new WhatTheFormShowsKeptCurrent(List.of(datesInWords, this.staffNames));
    this.childJourneys = new ChildJourneys(childRecord::getObject, workingDays::getObject, childAccess::getObject);
    this.teamOfTheChild = new TeamOfTheChild(teams::getObject, grants::getObject, childAccess::getObject);
    this.assignedWithinTheTaskRole = new AssignedWithinTheTaskRole(teams::getObject, grants::getObject);
    this.teamCandidateGroup = new TeamCandidateGroup(grants::getObject);
    this.journeyStarted = childJourneys.started();
    this.journeyEnded = childJourneys.ended();
  }

  /**
   * The dates in words and staff names of every open task of the journey written again, for a step that changes what
   * they show outside a task's completion (a change of worker, manager or IRO); inside a command of the engine.
   */
  public void showTheJourneyAsItIsNow(String processInstanceId) {
    whatTheFormShowsKeptCurrent.refresh(processInstanceId, null);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new ValidationReachesTheCaller());
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
        // Built in: an administrator who stops a process skipping its listeners still leaves its end in the record.
        process.addBuiltInListener(ExecutionListener.EVENTNAME_END, journeyEnded);
      }

      @Override
      public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEvent) {
        if (scope instanceof ProcessDefinitionEntity) {
          startEvent.addListener(ExecutionListener.EVENTNAME_END, childReferenceAsBusinessKey);
          startEvent.addListener(ExecutionListener.EVENTNAME_END, teamOfTheChild);
          startEvent.addListener(ExecutionListener.EVENTNAME_END, journeyStarted);
        }
        recordWhenItHappens(startEventElement, startEvent);
      }

      @Override
      public void parseIntermediateCatchEvent(Element catchEventElement, ScopeImpl scope, ActivityImpl catchEvent) {
        recordWhenItHappens(catchEventElement, catchEvent);
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, childReferenceInTaskName);
        if (opensBlank(userTaskElement)) {
          task.addTaskListener(TaskListener.EVENTNAME_CREATE, new PreviousAnswersCleared(
              "true".equals(property(userTaskElement, PreviousAnswersCleared.SHOWS_PREVIOUS_PROPERTY)),
              property(userTaskElement, PreviousAnswersCleared.CARRIES_FORWARD_PROPERTY)));
        }
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, dueDateShown);
        task.addTaskListener(TaskListener.EVENTNAME_UPDATE, dueDateShown);
        // After the diagram's own create listeners and the previous answers: the dates the task opens on.
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, datesInWords);
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, staffNames);
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, whatTheFormShowsKeptCurrent);
        // Built in, so that they run before the diagram's own listeners: who may act is settled before any form is
        // checked or anything recorded, and every date is a real date before a domain rule reads one.
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, completedByTheTaskRole);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assignedWithinTheTaskRole);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, realDatesFirst);
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, formRulesOnServer);
        String recordKind = property(userTaskElement, RecordedInTheChildRecord.KIND_PROPERTY);
        if (recordKind != null) {
          // Last, after the diagram's own listeners: what is recorded is what the completion settled.
          task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, new RecordedInTheChildRecord(kindNamed(recordKind, activity),
              property(userTaskElement, RecordedInTheChildRecord.DATE_PROPERTY), childRecord::getObject,
              formFields::getObject, workingDays::getObject));
        }
        offerTeamTasksToTheTeam(task);
      }
    });
  }

  private void recordWhenItHappens(Element eventElement, ActivityImpl event) {
    String recordKind = property(eventElement, RecordedInTheChildRecord.KIND_PROPERTY);
    if (recordKind != null) {
      event.addListener(ExecutionListener.EVENTNAME_END,
          new RecordedEvent(kindNamed(recordKind, event), property(eventElement, RecordedEvent.VARIABLES_PROPERTY),
              childRecord::getObject, workingDays::getObject));
    }
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
    return "true".equals(property(userTask, PreviousAnswersCleared.PROPERTY));
  }

  /** The value of the element's Camunda extension property with this name, or null. */
  private static String property(Element element, String name) {
    Element extensions = element.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return null;
    }
    return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
        .filter(property -> name.equals(property.attribute("name")))
        .map(property -> property.attribute("value"))
        .findFirst().orElse(null);
  }

  /** A diagram naming an entry kind that does not exist is not deployed: its facts would be lost. */
  private static ChildEvent.Kind kindNamed(String name, ActivityImpl task) {
    try {
      return ChildEvent.Kind.valueOf(name.trim());
    } catch (IllegalArgumentException unknown) {
      throw new ProcessEngineException("The task '" + task.getName() + "' records '" + name + "' in the child record, "
          + "which is not a kind of entry the record knows (" + java.util.Arrays.toString(ChildEvent.Kind.values()) + ").");
    }
  }
}
