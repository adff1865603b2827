package org.safeguardingworkflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP: skipping the diagrams' listeners or input/output mappings (modification, its batch variant,
 * migration) is an administrator's act only, and a child's history is deleted by administrators only, by no route
 * a process owner has (single or batch deletion, removal time, history time to live, cascading deletion of a
 * definition or deployment, history cleanup).
 */
@ApplicationTest
class ListenersAndHistoryProtectionTest {

  static final String ADMIN = "ci.admin";
  static final String ADMIN_PASSWORD = "Ci-admin-pass-1";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RoleAuthorizations roleAuthorizations;
  String key;
  ProcessDefinition definition;

  @BeforeEach
  void aTwoStepProcess() {
    key = "listenerProbe" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    definition = deploy();
  }

  @Test
  void onlyAnAdministratorModifiesAnInstanceSkippingItsListeners() {
    String instance = start();
    String skipping = """
        {"skipCustomListeners":true,"instructions":[{"type":"startBeforeActivity","activityId":"Task_Second"}]}""";
    String skippingMappings = skipping.replace("skipCustomListeners", "skipIoMappings");

    Reply byOwner = owner().post("/engine-rest/process-instance/" + instance + "/modification", skipping);
    assertThat(byOwner.status()).as(byOwner.body()).isEqualTo(403);
    assertThat(byOwner.json().path("message").asText()).contains("Only an administrator may skip custom listeners");
    assertThat(owner().post("/engine-rest/process-instance/" + instance + "/modification", skippingMappings).status()).isEqualTo(403);
    assertThat(Api.as(port, TestStaff.TEAM_MANAGER).post("/engine-rest/process-instance/" + instance + "/modification", skipping).status())
        .isEqualTo(403);
    assertThat(runtimeService.getActiveActivityIds(instance)).as("unchanged").containsExactly("Task_First");

    Reply byAdministrator = admin().post("/engine-rest/process-instance/" + instance + "/modification", skipping);
    assertThat(byAdministrator.status()).as(byAdministrator.body()).isEqualTo(204);
    assertThat(runtimeService.getActiveActivityIds(instance)).containsExactlyInAnyOrder("Task_First", "Task_Second");
  }

  @Test
  void aProcessOwnerModifiesAndMigratesWithListenersRunning_butNotSkippingThem() {
    String instance = start();
    String batchSkipping = """
        {"processDefinitionId":"%s","processInstanceIds":["%s"],"skipCustomListeners":true,
         "instructions":[{"type":"startBeforeActivity","activityId":"Task_Second"}]}""".formatted(definition.getId(), instance);
    assertThat(owner().post("/engine-rest/modification/execute", batchSkipping).status()).isEqualTo(403);
    assertThat(runtimeService.getActiveActivityIds(instance)).containsExactly("Task_First");

    ProcessDefinition next = deploy();
    String migration = """
        {"migrationPlan":{"sourceProcessDefinitionId":"%s","targetProcessDefinitionId":"%s",
          "instructions":[{"sourceActivityIds":["Task_First"],"targetActivityIds":["Task_First"]}]},
         "processInstanceIds":["%s"],"skipCustomListeners":%s}""";
    Reply skipped = owner().post("/engine-rest/migration/execute", migration.formatted(definition.getId(), next.getId(), instance, true));
    assertThat(skipped.status()).as(skipped.body()).isEqualTo(403);
    assertThat(definitionOf(instance)).isEqualTo(definition.getId());

    Reply migrated = owner().post("/engine-rest/migration/execute", migration.formatted(definition.getId(), next.getId(), instance, false));
    assertThat(migrated.status()).as(migrated.body()).isEqualTo(204);
    assertThat(definitionOf(instance)).isEqualTo(next.getId());
    Reply modified = owner().post("/engine-rest/process-instance/" + instance + "/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Second\"}]}");
    assertThat(modified.status()).as(modified.body()).isEqualTo(204);
  }

  @Test
  void onlyAnAdministratorDeletesAChildsHistory() {
    String instance = start();
    runtimeService.deleteProcessInstance(instance, "ended for the test");
    String ids = "[\"" + instance + "\"]";

    assertThat(owner().delete("/engine-rest/history/process-instance/" + instance).status()).isEqualTo(403);
    assertThat(owner().post("/engine-rest/history/process-instance/delete",
        "{\"historicProcessInstanceIds\":" + ids + ",\"deleteReason\":\"tidy\"}").status()).isEqualTo(403);
    assertThat(owner().post("/engine-rest/history/process-instance/set-removal-time",
        "{\"absoluteRemovalTime\":\"2020-01-01T00:00:00.000+0000\",\"historicProcessInstanceIds\":" + ids + "}").status()).isEqualTo(403);
    assertThat(owner().put("/engine-rest/process-definition/" + definition.getId() + "/history-time-to-live",
        "{\"historyTimeToLive\":0}").status()).isEqualTo(403);
    assertThat(owner().delete("/engine-rest/process-definition/" + definition.getId() + "?cascade=true").status()).isEqualTo(403);
    assertThat(owner().delete("/engine-rest/deployment/" + definition.getDeploymentId() + "?cascade=true").status()).isEqualTo(403);
    assertThat(owner().post("/engine-rest/history/cleanup", "{}").status()).isEqualTo(403);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).as("history kept").isEqualTo(1);
    // Unchanged: the retention policy's time (safeguarding.retention), whatever the diagram says.
    assertThat(repositoryService.getProcessDefinition(definition.getId()).getHistoryTimeToLive()).isEqualTo(9125);

    assertThat(admin().delete("/engine-rest/history/process-instance/" + instance).status()).isEqualTo(204);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void permissionsProcessOwnersHadBeforeAreWithdrawnAtStart() {
    Authorization deployments = authorizationService.createAuthorizationQuery()
        .groupIdIn(Role.PROCESS_OWNERS.groupId()).resourceType(Resources.DEPLOYMENT).resourceId("*").singleResult();
    deployments.addPermission(Permissions.ALL);
    authorizationService.saveAuthorization(deployments);

    roleAuthorizations.applyMatrix();

    Authorization after = authorizationService.createAuthorizationQuery()
        .groupIdIn(Role.PROCESS_OWNERS.groupId()).resourceType(Resources.DEPLOYMENT).resourceId("*").singleResult();
    assertThat(after.isPermissionGranted(Permissions.DELETE)).isFalse();
    assertThat(after.isPermissionGranted(Permissions.CREATE)).isTrue();
    assertThat(after.isPermissionGranted(Permissions.READ)).isTrue();
  }

  private ProcessDefinition deploy() {
    // Every deployment passes the model checks (deployments/ModelChecks): a version tag, and tasks with a form and a due date.
    String dueDate = "${workingDays.fromToday(stepDownSettings.decisionDueWorkingDays)}";
    // Each deployment of the probe is a new version with its own tag (a changed diagram needs a new one).
    String versionTag = String.valueOf(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() + 1);
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(3650).camundaVersionTag(versionTag)
        .name("Listener probe")
        .startEvent("StartEvent_Start")
        .userTask("Task_First").name("First").camundaCandidateGroups("team-managers").camundaDueDate(dueDate)
        .camundaFormRef("approve-step-down-plan").camundaFormRefBinding("latest")
        .userTask("Task_Second").name("Second").camundaCandidateGroups("team-managers").camundaDueDate(dueDate)
        .camundaFormRef("approve-step-down-plan").camundaFormRefBinding("latest")
        .endEvent("End_Done").done();
    String deploymentId = repositoryService.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy().getId();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
  }

  private String start() {
    // The worker gives the journey its team, as in every process of the application (teams/TeamOfTheChild).
    return runtimeService.startProcessInstanceByKey(key, "C-" + key.substring(key.length() - 6),
        java.util.Map.<String, Object>of("allocatedWorker", TestStaff.WORKER)).getId();
  }

  private String definitionOf(String instance) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId();
  }

  private Api owner() {
    return Api.as(port, TestStaff.PROCESS_OWNER);
  }

  private Api admin() {
    return Api.as(port, ADMIN, ADMIN_PASSWORD);
  }
}
