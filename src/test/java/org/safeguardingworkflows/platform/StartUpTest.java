package org.safeguardingworkflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingworkflows.SafeguardingWorkflowsApplication;
import org.safeguardingworkflows.planhistory.CpPlan;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.cincensus.ChildProtectionPlansReturn;
import org.safeguardingworkflows.planhistory.CinCensusImport;
import org.safeguardingworkflows.planhistory.PlanHistoryImport;
import org.safeguardingworkflows.testsupport.CensusReturn;
import org.safeguardingworkflows.testsupport.CensusReturn.Plan;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.reporting.PlanFigures;
import org.safeguardingworkflows.reporting.RepeatPlanReport;
import org.safeguardingworkflows.security.MissingAdminAccountException;
import org.safeguardingworkflows.testsupport.ApplicationLayer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starting the application as README says: the H2 demo keeps its data; production refuses to start without an admin. */
@Tag(ApplicationLayer.TAG)
@Tag(ApplicationLayer.OWN_JVM_TAG)
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

  /**
   * The demo's database is H2, where the plan history's SQL must work as on PostgreSQL (all of the other tests run on
   * PostgreSQL): a file imports all or nothing, plans are numbered whatever order they arrive in, the report reads
   * the numbers.
   */
  @Test
  void theDemoDatabaseKeepsThePlanHistory(@TempDir Path dataDir) {
    String url = "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("safeguarding") + ";DB_CLOSE_ON_EXIT=FALSE";
    try (ConfigurableApplicationContext app = start("demo", url)) {
      PlanHistoryImport planImport = app.getBean(PlanHistoryImport.class);
      PlanHistory planHistory = app.getBean(PlanHistory.class);
      JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
      String header = PlanHistoryImport.HEADER + "\n";

      assertThat(planImport.importCsv(new StringReader(header
          + "H-1,2012-04-02,2012-10-31,NEG,NEG,iro.one\n"
          + "H-1,2016-07-01,2017-01-31,EMO,EMO,\n"
          + "H-2,2016-03-01,,PHY,PHY,\n"))).isEqualTo(new PlanHistoryImport.Result(3, 0));
      planHistory.insert(new CpPlan(null, "H-1", LocalDate.of(2025, 1, 6), LocalDate.of(2025, 10, 31), "NEG", "NEG",
          "ira.iro", "CHILD_IN_NEED", null, null, CpPlan.Source.PROCESS));
      assertThat(planImport.importCsv(new StringReader(header
          + "H-1,2009-02-02,2009-08-31,NEG,NEG,\n"
          + "H-1,2012-04-02,2012-10-31,NEG,NEG,iro.one\n"))).isEqualTo(new PlanHistoryImport.Result(1, 1));
      assertThatThrownBy(() -> planImport.importCsv(new StringReader(header
          + "H-3,2019-01-07,2019-06-28,SAB,SAB,\n"
          + "H-2,2020-01-06,,PHY,PHY,\n")))
          .as("H-2 already has an open plan").isInstanceOf(ApiProblem.class);

      assertThat(jdbc.sql("select child_ref, plan_number, previous_plan_end from cp_plan order by child_ref, plan_start")
          .query((rs, row) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getDate(3)).list())
          .containsExactly("H-1 1 null", "H-1 2 2009-08-31", "H-1 3 2012-10-31", "H-1 4 2017-01-31", "H-2 1 null");
      assertThat(jdbc.sql("select count(*) from cp_plan_import_line").query(Long.class).single())
          .as("nothing left in staging by the refused file").isZero();
      PlanFigures year = app.getBean(RepeatPlanReport.class).figures(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31));
      assertThat(year.plansStarted()).isEqualTo(2);
      assertThat(year.repeatPlans()).isEqualTo(1);
      assertThat(year.thirdOrLaterPlans()).isEqualTo(1);

      // CIN census returns: merged across years, exported, NumberOfPreviousCPP in the report.
      CinCensusImport census = app.getBean(CinCensusImport.class);
      CensusReturn older = CensusReturn.forYearEnding(2021).child("H-5", Plan.of("2020-06-01", null, "NEG", 2).reviewed("2020-09-01"));
      assertThat(census.importReturn(xml(older))).isEqualTo(new CinCensusImport.Result(1, 0, 0, 1));
      assertThat(census.importReturn(xml(CensusReturn.forYearEnding(2022).child("H-5", Plan.of("2020-06-01", "2021-09-30", "NEG", 2)))))
          .isEqualTo(new CinCensusImport.Result(0, 1, 0, 0));
      assertThat(census.importReturn(xml(older))).as("an older return never re-opens a plan")
          .isEqualTo(new CinCensusImport.Result(0, 0, 1, 0));
      java.io.ByteArrayOutputStream export = new java.io.ByteArrayOutputStream();
      app.getBean(ChildProtectionPlansReturn.class).write(2022, export);
      assertThat(export.toString(StandardCharsets.UTF_8)).contains("<LAchildID>H-5</LAchildID>",
          "<CPPendDate>2021-09-30</CPPendDate>", "<NumberOfPreviousCPP>2</NumberOfPreviousCPP>");
      assertThat(app.getBean(RepeatPlanReport.class).figures(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31))
          .repeatPlansFromNumberOfPreviousCpp()).isEqualTo(1);
    }
  }

  private static java.io.InputStream xml(CensusReturn census) {
    return new java.io.ByteArrayInputStream(census.xml().getBytes(StandardCharsets.UTF_8));
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
