package org.safeguardingworkflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.security.Role;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** The application as deployed for real: PostgreSQL, Liquibase, one deployment, closed doors, health open. */
@ApplicationTest
class PostgresFoundationTest {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ProcessDeployment processDeployment;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  @Test
  void runsOnPostgresWithTheSchemaCreatedByLiquibase() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    List<String> changeSets = jdbc.sql("select id from databasechangelog").query(String.class).list();
    assertThat(changeSets).contains("7.16.0-baseline", "001-plan-history");
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseSchemaUpdate())
        .isEqualTo("false");
  }

  @Test
  void tasklistQueriesHaveTheirIndexesAndPlanWithoutMaterializedRescans() {
    // Without these, a team manager's task list took seconds at 10,000 open journeys (README, "Performance").
    assertThat(jdbc.sql("select indexname from pg_indexes where tablename = 'act_ru_task'").query(String.class).list())
        .contains("ix_act_ru_task_due", "ix_act_ru_task_assignee_due", "ix_act_ru_task_parent");
    assertThat(jdbc.sql("show enable_material").query(String.class).single()).isEqualTo("off");
    // The user's groups are narrowed by index lookups, not by reading every authorization in each request.
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSessionFactories()
        .get(org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager.class).openSession())
        .isInstanceOf(org.safeguardingworkflows.security.AuthorizedGroupsByIndex.Manager.class);
  }

  @Test
  void theReportHasItsIndexes() {
    // The report reads a period's numbered plans from one index range (a year over 1,000,000 plans: 1,042 ms before,
    // 184 ms with it, README "Performance"), and the supervisions and reviews due by task and due date.
    assertThat(jdbc.sql("select indexname from pg_indexes where tablename = 'cp_plan'").query(String.class).list())
        .contains("ix_cp_plan_start_numbered", "ix_cp_plan_end_journey", "ix_cp_plan_child_history")
        .doesNotContain("ix_cp_plan_start");
    assertThat(jdbc.sql("select indexname from pg_indexes where tablename = 'act_hi_taskinst'").query(String.class).list())
        .contains("ix_act_hi_taskinst_task_due");
  }

  @Test
  void diagramsAndFormsGoOutAsOneDeploymentWithStableNames() throws IOException {
    List<Deployment> deployments = repositoryService.createDeploymentQuery().deploymentName(ProcessDeployment.DEPLOYMENT_NAME).list();
    assertThat(deployments).hasSize(1);
    List<String> resourceNames = repositoryService.getDeploymentResourceNames(deployments.get(0).getId());
    assertThat(resourceNames).containsExactlyInAnyOrderElementsOf(filesIn("processes", "forms"));
  }

  @Test
  void redeployingUnchangedFilesCreatesNoNewDeploymentOrVersion() {
    long definitions = repositoryService.createProcessDefinitionQuery().count();
    processDeployment.run();
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(ProcessDeployment.DEPLOYMENT_NAME).count()).isEqualTo(1);
  }

  @Test
  void healthIsTheOnlyOpenDoor() {
    RestClient anonymous = RestClient.create("http://localhost:" + port);
    assertThat(anonymous.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");
    assertThat(anonymous.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("\"UP\"");
    assertThat(status(anonymous, "/engine-rest/process-definition")).isEqualTo(401);
    assertThat(status(anonymous, "/api/step-downs/C-1")).isEqualTo(401);
    assertThat(status(anonymous, "/actuator/metrics")).isEqualTo(401);

    RestClient worker = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(headers -> headers.setBasicAuth(TestStaff.WORKER, TestStaff.PASSWORD)).build();
    assertThat(status(worker, "/engine-rest/process-definition")).isEqualTo(200);
  }

  @Test
  void thePostgresProfileHasNoDemoUsersButHasTheAdministratorAndEveryRole() {
    assertThat(identityService.createUserQuery().userId("sam.worker").count()).isZero();
    assertThat(identityService.createUserQuery().userId("ci.admin").memberOfGroup(Role.ADMINS.groupId()).count()).isEqualTo(1);
    assertThat(identityService.createGroupQuery().list()).extracting(group -> group.getId())
        .containsAll(Role.groupIds());
  }

  private static int status(RestClient client, String uri) {
    return client.get().uri(uri).exchange((request, response) -> response.getStatusCode()).value();
  }

  private static List<String> filesIn(String... folders) throws IOException {
    List<String> names = new java.util.ArrayList<>();
    for (String folder : folders) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        // Files only: processes/element-templates holds Modeler's templates, which are not deployed.
        files.filter(Files::isRegularFile).map(file -> folder + "/" + file.getFileName()).forEach(names::add);
      }
    }
    return names;
  }
}
