package org.safeguardingworkflows.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.stepdown.StepDownVariables;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.Browser;
import org.safeguardingworkflows.testsupport.Tasklist;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * People are chosen by name from the staff holding the role, never typed as login ids (issue 15): a worker starting a
 * step-down sees their own team's workers and managers, not another team's, and every IRO. In a real Tasklist, in
 * headless Chromium; and the same list through the REST API's form, for the other team.
 */
@ApplicationTest
class StaffPickersTest {

  private static final String WORKER_FIELD = "Allocated social worker";
  private static final String MANAGER_FIELD = "Team manager";
  private static final String IRO_FIELD = "Independent reviewing officer (IRO)";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  IdentityService identityService;

  @Test
  void aStartFormOffersTheRoleHoldersOfTheStartersTeamByNameAndRecordsTheChosenLoginIds() throws Exception {
    String childRef = "C-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    LocalDate today = LocalDate.now();
    try (Browser browser = Browser.open("staff-pickers")) {
      Tasklist tasklist = new Tasklist(browser, port).logIn(TestStaff.WORKER, TestStaff.PASSWORD)
          .startProcess("Step-down from a child protection plan");
      tasklist.fill("Child reference", childRef)
          .date("Date the plan started", today.minusMonths(10))
          .date("Date the plan ended", today.minusDays(1))
          .select("Category of abuse", "Neglect")
          .choose("Child in need plan");
      // Exactly the holders the identity service lists (other test classes add staff to the same teams)
      assertThat(tasklist.selectFrom(WORKER_FIELD, TestStaff.name(TestStaff.WORKER))).as("team one's social workers, not team two's")
          .containsExactlyElementsOf(holders(Role.SOCIAL_WORKERS, TestStaff.TEAM))
          .contains(TestStaff.name(TestStaff.WORKER)).doesNotContain(TestStaff.name(TestStaff.SECOND_WORKER));
      assertThat(tasklist.selectFrom(MANAGER_FIELD, TestStaff.name(TestStaff.TEAM_MANAGER))).as("team one's managers, not team two's")
          .containsExactlyElementsOf(holders(Role.TEAM_MANAGERS, TestStaff.TEAM))
          .contains(TestStaff.name(TestStaff.TEAM_MANAGER)).doesNotContain(TestStaff.name(TestStaff.SECOND_TEAM_MANAGER));
      assertThat(tasklist.selectFrom(IRO_FIELD, TestStaff.name(TestStaff.SECOND_IRO))).as("every IRO, by name")
          .containsExactlyElementsOf(holders(Role.IROS, null))
          .contains(TestStaff.name(TestStaff.IRO), TestStaff.name(TestStaff.SECOND_IRO));
      browser.screenshot("pickers-offered");
      tasklist.submitStartForm();

      ProcessInstance journey = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(childRef).singleResult();
      assertThat(journey).as("the journey started").isNotNull();
      assertThat(runtimeService.getVariable(journey.getId(), StepDownVariables.ALLOCATED_WORKER.name())).isEqualTo(TestStaff.WORKER);
      assertThat(runtimeService.getVariable(journey.getId(), StepDownVariables.TEAM_MANAGER.name())).isEqualTo(TestStaff.TEAM_MANAGER);
      assertThat(runtimeService.getVariable(journey.getId(), StepDownVariables.IRO.name())).isEqualTo(TestStaff.SECOND_IRO);
    }
  }

  @Test
  void theOtherTeamsWorkerIsOfferedTheirOwnTeamThroughTheRestApiToo() {
    JsonNode form = Api.as(port, TestStaff.SECOND_WORKER)
        .get("/engine-rest/process-definition/key/stepDownFromProtection/deployed-start-form").json();

    assertThat(choices(form, "allocatedWorker")).contains(TestStaff.name(TestStaff.SECOND_WORKER) + "=" + TestStaff.SECOND_WORKER)
        .hasSameSizeAs(holders(Role.SOCIAL_WORKERS, TestStaff.SECOND_TEAM))
        .doesNotContain(TestStaff.name(TestStaff.WORKER) + "=" + TestStaff.WORKER);
    assertThat(choices(form, "teamManager")).contains(TestStaff.name(TestStaff.SECOND_TEAM_MANAGER) + "=" + TestStaff.SECOND_TEAM_MANAGER)
        .hasSameSizeAs(holders(Role.TEAM_MANAGERS, TestStaff.SECOND_TEAM))
        .doesNotContain(TestStaff.name(TestStaff.TEAM_MANAGER) + "=" + TestStaff.TEAM_MANAGER);
    assertThat(form.toString()).as("no list key left for form-js to read from absent data").doesNotContain("valuesKey");
  }

  @Test
  void staffWhoWorkAcrossTeamsAreOfferedEveryTeamsWorkersWithTheTeamNamed() {
    JsonNode form = Api.as(port, TestStaff.LEGAL)
        .get("/engine-rest/process-definition/key/legalPlanning/deployed-start-form").json();

    assertThat(choices(form, "allocatedWorker")).contains(
        TestStaff.name(TestStaff.WORKER) + " (Team one)=" + TestStaff.WORKER,
        TestStaff.name(TestStaff.SECOND_WORKER) + " (Team two)=" + TestStaff.SECOND_WORKER);
  }

  /** The names of the staff holding the role (in the team, when one is given), in the order the lists show them. */
  private List<String> holders(Role role, String team) {
    return identityService.createUserQuery().memberOfGroup(role.groupId()).list().stream()
        .filter(user -> team == null || identityService.createUserQuery().userId(user.getId()).memberOfGroup(team).count() > 0)
        .map(user -> (user.getFirstName() + " " + user.getLastName()).trim()).sorted().toList();
  }

  /** The select's answers as "label=value". */
  private static List<String> choices(JsonNode form, String key) {
    List<String> found = new ArrayList<>();
    collect(form.path("components"), key, found);
    return found;
  }

  private static void collect(JsonNode components, String key, List<String> found) {
    for (JsonNode component : components) {
      if (key.equals(component.path("key").asText()) && "select".equals(component.path("type").asText())) {
        component.path("values").forEach(value -> found.add(value.path("label").asText() + "=" + value.path("value").asText()));
      }
      collect(component.path("components"), key, found);
    }
  }
}
