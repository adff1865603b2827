package org.safeguardingworkflows.tasks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.safeguardingworkflows.platform.Json;
import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.security.EngineRequest;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.teams.TeamInstanceGrants;
import org.safeguardingworkflows.teams.Teams;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * People are chosen from a list, never typed as login ids. A form asks for a person with a select whose
 * {@code valuesKey} names the role ({@link #CHOICES}); when Tasklist fetches the form (the same request for start
 * forms and task forms: {@code .../deployed-start-form}, {@code .../task/{id}/deployed-form}) this filter writes the
 * role's holders into the select as its answers: label the person's name as Camunda's identity service holds it,
 * value their login id, so the variables and the server's checks ({@code security/Staff}) stay as they were.
 *
 * <p>Why the form and not a variable: Tasklist 7.24 loads no variables at all for a start form, and a list stored on a
 * task would go stale as staff come and go. Social workers and team managers are those of the child's team (the
 * journey's, as its grant records it); on a start form, where there is no journey yet, those of the teams of the
 * person starting it (who may start work only for their own team's children), or of every team for staff who work
 * across teams. Nothing about the child is read or written here.
 */
@Configuration
class StaffPickers {

  /** The select's {@code valuesKey} for each role a form may ask for. */
  static final Map<String, Role> CHOICES = Map.of(
      "socialWorkerChoices", Role.SOCIAL_WORKERS,
      "teamManagerChoices", Role.TEAM_MANAGERS,
      "iroChoices", Role.IROS,
      "legalRepresentativeChoices", Role.LEGAL);

  private static final Pattern TASK_FORM = Pattern.compile("^/task/([^/]+)/deployed-form$");
  private static final Pattern START_FORM = Pattern.compile("^/process-definition/[^/]+(?:/tenant-id/[^/]+)?/deployed-start-form$|^/process-definition/key/[^/]+(?:/tenant-id/[^/]+)?/deployed-start-form$");

  private final IdentityService identityService;
  private final TaskService taskService;
  private final SystemAccess systemAccess;
  private final Teams teams;
  private final TeamInstanceGrants grants;

  StaffPickers(IdentityService identityService, TaskService taskService, SystemAccess systemAccess, Teams teams,
      TeamInstanceGrants grants) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.systemAccess = systemAccess;
    this.teams = teams;
    this.grants = grants;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staffPickersFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Optional<EngineRequest> form = "GET".equals(request.getMethod())
            ? EngineRequest.of(request, identityService).filter(StaffPickers::fetchesAForm) : Optional.empty();
        if (form.isEmpty() || form.get().caller().isEmpty()) {
          chain.doFilter(request, response);
          return;
        }
        // Taken before the engine answers: the REST API's authentication ends with the request it wraps.
        EngineRequest.Caller caller = form.get().caller().get();
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        // Only a form the engine let this caller read is filled in.
        if (answer.getStatus() == HttpServletResponse.SC_OK) {
          fillIn(answer, form.get().path(), caller);
        }
        answer.copyBodyToResponse();
      }
    });
    registration.setName("staff-pickers");
    // After the gate (which refuses what it must before the engine is asked) and the engine's authentication.
    registration.setOrder(20);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }

  private static boolean fetchesAForm(EngineRequest request) {
    return TASK_FORM.matcher(request.path()).matches() || START_FORM.matcher(request.path()).matches();
  }

  private void fillIn(ContentCachingResponseWrapper answer, String path, EngineRequest.Caller caller) throws IOException {
    JsonNode form;
    try {
      form = Json.MAPPER.readTree(answer.getContentAsByteArray());
    } catch (IOException notJson) {
      return; // an embedded or other form: not ours to change
    }
    if (!(form instanceof ObjectNode) || !asksForAPerson(form.path("components"))) {
      return;
    }
    Set<String> teamsListed = teamsFor(path, caller);
    fill(form.path("components"), role -> choices(role, teamsListed));
    answer.resetBuffer();
    answer.getOutputStream().write(Json.MAPPER.writeValueAsBytes(form));
  }

  private static boolean asksForAPerson(JsonNode components) {
    for (JsonNode component : components) {
      if (CHOICES.containsKey(component.path("valuesKey").asText()) || asksForAPerson(component.path("components"))) {
        return true;
      }
    }
    return false;
  }

  private static void fill(JsonNode components, Function<Role, ArrayNode> choicesOf) {
    for (JsonNode component : components) {
      Role role = CHOICES.get(component.path("valuesKey").asText());
      if (role != null && component instanceof ObjectNode select) {
        select.remove("valuesKey");
        select.set("values", choicesOf.apply(role));
      }
      fill(component.path("components"), choicesOf);
    }
  }

  /**
   * The teams whose workers and managers are offered: the journey's team on a task form, else the caller's teams;
   * empty means every team (staff who work across teams, starting a journey).
   */
  private Set<String> teamsFor(String path, EngineRequest.Caller caller) {
    Matcher task = TASK_FORM.matcher(path);
    if (task.matches()) {
      String team = systemAccess.call(SystemAccess.Reason.STAFF_PICKERS, () -> {
        Task found = taskService.createTaskQuery().taskId(task.group(1)).singleResult();
        return found == null ? null : grants.teamOf(found.getProcessInstanceId());
      });
      if (team != null) {
        return Set.of(team);
      }
    }
    return Set.copyOf(teams.teamsOf(caller.userId()));
  }

  private ArrayNode choices(Role role, Set<String> teamsListed) {
    List<User> holders = systemAccess.call(SystemAccess.Reason.STAFF_PICKERS, () -> identityService.createUserQuery().memberOfGroup(role.groupId()).list());
    ArrayNode values = Json.MAPPER.createArrayNode();
    if (!Teams.TEAM_ROLES.contains(role)) {
      holders.stream().sorted(Comparator.comparing(StaffPickers::name))
          .forEach(user -> values.addObject().put("label", name(user)).put("value", user.getId()));
      return values;
    }
    Map<String, String> teamNames = teams.all().stream()
        .filter(team -> teamsListed.isEmpty() || teamsListed.contains(team.getId()))
        .collect(Collectors.toMap(Group::getId, team -> team.getName() == null ? team.getId() : team.getName()));
    // One query per team listed, not per person; a manager of two teams is one entry, with both teams named.
    Map<String, List<String>> teamsOfMember = new HashMap<>();
    teamNames.forEach((teamId, teamName) -> systemAccess.call(SystemAccess.Reason.STAFF_PICKERS, () -> identityService.createUserQuery().memberOfGroup(teamId).list())
        .forEach(member -> teamsOfMember.computeIfAbsent(member.getId(), id -> new ArrayList<>()).add(teamName)));
    boolean nameTheTeam = teamNames.size() > 1;
    holders.stream()
        .filter(user -> teamsOfMember.containsKey(user.getId()))
        .map(user -> Map.entry(nameTheTeam
            ? name(user) + " (" + String.join(", ", teamsOfMember.get(user.getId()).stream().sorted().toList()) + ")"
            : name(user), user.getId()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(choice -> values.addObject().put("label", choice.getKey()).put("value", choice.getValue()));
    return values;
  }

  /** The name a colleague knows them by; the login id only for an account with no name recorded. */
  static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
