package org.safeguardingworkflows.legal;

import java.util.List;
import java.util.Optional;

import org.safeguardingworkflows.legal.LegalPlanningVariables.Origin;
import org.safeguardingworkflows.platform.RunningInstances;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.validation.StartRules;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.security.Staff;
import org.safeguardingworkflows.teams.Teams;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The rules a legal planning recommendation must meet, however it arrives (domain API, Tasklist start form,
 * another process's throw event, engine REST). The API answers each breach with its own status; the process
 * refuses them all with one sentence.
 */
@Component
public class LegalPlanningRules extends StartRules<LegalPlanningRequest> {

  /** Who recommends legal planning directly (other processes recommend it by message, as their own steps allow). */
  static final List<Role> DIRECT_RECOMMENDERS = List.of(Role.TEAM_MANAGERS, Role.IROS, Role.LEGAL);
  /** Recommenders who belong to no team: they name the allocated worker, whose team the work goes to. */
  static final List<Role> WORK_ACROSS_TEAMS = List.of(Role.IROS, Role.LEGAL);

  private final Staff staff;
  private final Teams teams;
  private final WorkingDays workingDays;

  public LegalPlanningRules(FieldRules fieldRules, RunningInstances runningInstances, Staff staff, Teams teams,
      WorkingDays workingDays) {
    super(fieldRules, runningInstances, LegalPlanningVariables.PROCESS_KEY);
    this.staff = staff;
    this.teams = teams;
    this.workingDays = workingDays;
  }

  /** Who may recommend directly, the team the work goes to, and a date the meeting is needed by. */
  @Override
  protected void addRulesAcrossRecords(LegalPlanningRequest request, List<FieldProblem> problems) {
    boolean direct = Origin.DIRECT.name().equals(request.originOrDirect());
    boolean recommenderIsStaff = staff.exists(request.recommendedBy());
    if (direct && recommenderIsStaff
        && DIRECT_RECOMMENDERS.stream().noneMatch(role -> staff.hasRole(request.recommendedBy(), role))) {
      problems.add(new FieldProblem("recommendedBy", "recommender-role",
          "recommendedBy must be a team manager, an IRO or a member of the legal team: they recommend legal planning directly."));
    }
    // Typed by the recommender, a date gone by is a mistake to correct. Carried from a repeat-ICPC legal view, it may
    // have passed while the decision was made: the meeting is then due at once (RecordLegalPlanningRequest).
    if (direct && !refused("meetingNeededBy", problems) && request.neededBy() != null
        && request.neededBy().isBefore(workingDays.today())) {
      problems.add(new FieldProblem("meetingNeededBy", "not-in-past",
          "meetingNeededBy cannot be in the past: give today's date or a later one."));
    }
    String worker = request.allocatedWorker();
    if (worker != null && !worker.isBlank()) {
      teams.checkHasOneTeam(worker, "allocatedWorker", problems);
    } else if (direct && recommenderIsStaff
        && WORK_ACROSS_TEAMS.stream().anyMatch(role -> staff.hasRole(request.recommendedBy(), role))
        && teams.onlyTeamOf(request.recommendedBy()).isEmpty()) {
      // IROs and the legal team serve every team: the recommendation goes to the team of the worker they name.
      problems.add(new FieldProblem("allocatedWorker", "required", "allocatedWorker is required when an IRO or the legal "
          + "team recommends legal planning: the child's work goes to the allocated worker's team."));
    } else if (direct && recommenderIsStaff) {
      // Without a named worker a direct recommendation belongs to the recommending member of staff's team (one made
      // by another journey of the child keeps that journey's team).
      teams.checkHasOneTeam(request.recommendedBy(), "recommendedBy", problems);
    }
  }

  /** The open legal planning of this child, if any: a child has at most one open at a time. */
  public Optional<String> openRequest(String childRef, String exceptInstanceId) {
    return running(childRef, exceptInstanceId);
  }
}
