package org.safeguardingworkflows.children;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingworkflows.SafeguardingWorkflowsApplication;
import org.safeguardingworkflows.planhistory.PlanHistory;
import org.safeguardingworkflows.testsupport.ApplicationLayer;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link RacesForOneChild} on the demo's H2 database, as the demo runs (demo profile, H2 file), with the test staff
 * added. The application is built here and closed after the class: it runs in the start-up tests' JVM (pom.xml,
 * execution {@code start-up-tests}), since two applications must never share a JVM with the PostgreSQL suite's. Its
 * engine keeps the name "default": the API's authentication and engine REST look the engine up by that name (the
 * start-up tests' applications, which take unique names, never run at the same time as this one).
 */
@Tag(ApplicationLayer.TAG)
@Tag(ApplicationLayer.OWN_JVM_TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RacesForOneChildOnH2Test extends RacesForOneChildScenarios {

  private ConfigurableApplicationContext app;

  @BeforeAll
  void startTheDemo(@TempDir Path dataDir) {
    app = new SpringApplicationBuilder(SafeguardingWorkflowsApplication.class).profiles("demo").run(
        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("safeguarding") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false");
    // Once the application has made its groups, as the PostgreSQL suite's context makes them.
    app.getAutowireCapableBeanFactory().createBean(TestStaff.class).run();
    int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    races = new RacesForOneChild(port, app.getBean(DataSource.class), app.getBean(PlanHistory.class));
  }

  @AfterAll
  void closeTheDemo() {
    if (app != null) {
      app.close();
    }
  }
}
