package org.safeguardingworkflows.teams;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.safeguardingworkflows.deployments.WritesVariables;
import org.safeguardingworkflows.platform.StartLinkedProcess;
import org.safeguardingworkflows.security.CallerRoles;
import org.safeguardingworkflows.security.Role;

/**
 * When a journey starts, it takes the team of the child's worker and the team is given read access to it. The
 * worker is whoever the process names: the allocated worker (step-down, supervision order, legal planning), else the
 * proposing worker (repeat ICPC), else the member of staff who recommended legal planning; failing those, a journey
 * started by another journey of the child takes that journey's team, and one started by a person takes their team.
 * A journey whose team cannot be told does not start: its team tasks would otherwise have nobody, or everybody.
 *
 * <p>A person starting a journey for a child of a team they are not in is refused, unless they read every journey
 * (senior managers, administrators) or work for every team (IROs and the legal team, who may start only what their
 * grants allow: legal planning); journeys started by the application itself (one journey starting another)
 * carry no such person.
 */
@WritesVariables({"team"})
public class TeamOfTheChild implements ExecutionListener {

  /** The variables that name the child's worker, in the order they are trusted. */
  static final List<String> WORKER_VARIABLES = List.of("allocatedWorker", "proposedBy", "recommendedBy");
  /** Roles that work for every team rather than in one (see {@link #worksAcrossTeams}). */
  static final Set<Role> WORK_ACROSS_TEAMS = EnumSet.of(Role.IROS, Role.LEGAL);

  private final Supplier<Teams> teams;
  private final Supplier<TeamInstanceGrants> grants;
  private final Supplier<ChildAccess> childAccess;

  public TeamOfTheChild(Supplier<Teams> teams, Supplier<TeamInstanceGrants> grants, Supplier<ChildAccess> childAccess) {
    this.teams = teams;
    this.grants = grants;
    this.childAccess = childAccess;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String team = teamOf(execution).orElseThrow(() -> new ProcessEngineException(
        "The child's worker belongs to no team (or to several), so the journey cannot be given to a team."));
    Authentication starter = ChildAccess.personActing(execution.getProcessEngineServices().getIdentityService());
    if (starter != null && !childAccess.get().readsEveryJourney(starter) && !worksAcrossTeams(starter)
        && !groupsOf(starter).contains(team)) {
      throw new AuthorizationException("You may start work only for children of your own team.");
    }
    // The variable shows the team in Cockpit and the API's views; the grant is what decides.
    Teams.TEAM.setOn(execution.getProcessInstance(), team);
    grants.get().grant(execution.getProcessInstanceId(), team);
  }

  private Optional<String> teamOf(DelegateExecution execution) {
    // The named worker first, then the starting journey's team as its grant records it: never a "team" variable, which
    // a start form or a completed task could set to anything.
    for (String variable : WORKER_VARIABLES) {
      if (execution.getVariable(variable) instanceof String worker && !worker.isBlank()) {
        Optional<String> team = teams.get().onlyTeamOf(worker);
        if (team.isPresent()) {
          return team;
        }
      }
    }
    // Set by StartLinkedProcess on a journey started by another journey of the child.
    String origin = StartLinkedProcess.ORIGIN_PROCESS_INSTANCE_ID.from(execution);
    if (origin != null) {
      Optional<String> team = Optional.ofNullable(grants.get().teamOf(origin));
      if (team.isPresent()) {
        return team;
      }
    }
    Authentication starter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return starter == null ? Optional.empty() : teams.get().onlyTeamOf(starter.getUserId());
  }

  /**
   * IROs and the legal team serve every team and belong to none: what they may start is what their grants allow (legal
   * planning), for the team of the worker the journey names.
   */
  private static boolean worksAcrossTeams(Authentication person) {
    return CallerRoles.holdsAny(groupsOf(person), WORK_ACROSS_TEAMS);
  }

  private static List<String> groupsOf(Authentication person) {
    return person.getGroupIds() == null ? List.of() : person.getGroupIds();
  }
}
