package org.safeguardingworkflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingworkflows.SafeguardingWorkflowsApplication;
import org.safeguardingworkflows.security.MissingAdminAccountException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Starting the application as README says: the H2 demo keeps its data; production refuses to start without an admin. */
@ExtendWith(OutputCaptureExtension.class)
class StartUpTest {

  @Test
  void theDemoKeepsItsDataAcrossARestart(@TempDir Path dataDir) {
    String url = "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("safeguarding") + ";DB_CLOSE_ON_EXIT=FALSE";
    String instanceId;
    long definitions;
    try (ConfigurableApplicationContext app = start("demo", url)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      String yesterday = LocalDate.now().minusDays(1).toString();
      instanceId = engine.getRuntimeService().startProcessInstanceByKey("stepDownFromProtection", "C-RESTART-1", Map.of(
          "childRef", "C-RESTART-1", "planStartDate", "2025-01-06", "planEndDate", yesterday, "categoryOfAbuse", "EMO",
          "destination", "CHILD_IN_NEED", "allocatedWorker", "sam.worker", "teamManager", "tia.manager", "iro", "ira.iro")).getId();
      definitions = engine.getRepositoryService().createProcessDefinitionQuery().count();
    }
    try (ConfigurableApplicationContext app = start("demo", url)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getName())
          .isEqualTo("Hold step-down meeting - C-RESTART-1");
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isEqualTo(definitions);
      assertThat(engine.getIdentityService().createUserQuery().userId("sam.worker").count()).isEqualTo(1);
    }
  }

  @Test
  void productionRefusesToStartWithoutAdministratorCredentials(CapturedOutput output) {
    // H2 stands in for PostgreSQL here, so the profile's PostgreSQL-only connection setting is replaced.
    assertThatThrownBy(() -> start("postgres", "--spring.datasource.url=jdbc:h2:mem:no-admin;DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa", "--spring.datasource.password=", "--spring.datasource.hikari.connection-init-sql=SELECT 1",
        "--safeguarding.admin.user=", "--safeguarding.admin.password="))
        .hasRootCauseInstanceOf(MissingAdminAccountException.class);
    assertThat(output).contains("No administrator account: set ADMIN_USER and ADMIN_PASSWORD");
  }

  private static ConfigurableApplicationContext start(String profile, String... args) {
    String[] all = new String[args.length + 3];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server.port=0";
    // A second engine in the same JVM as the shared test context needs a name of its own.
    all[args.length + 1] = "--camunda.bpm.generate-unique-process-engine-name=true";
    all[args.length + 2] = "--camunda.bpm.job-execution.enabled=false";
    return new SpringApplicationBuilder(SafeguardingWorkflowsApplication.class).profiles(profile).run(all);
  }
}
