package org.safeguardingworkflows.testsupport;

import java.io.IOException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;


import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests (no H2 stand-in), started as a Spring bean so that it stops after the
 * engine has closed. Liquibase creates the schema in it exactly as in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

  /**
   * The engine writes its last metrics when it closes; it must close while PostgreSQL still runs. The engine's
   * bean does not name the data source as a dependency, so say so explicitly.
   */
  @Bean
  static BeanFactoryPostProcessor engineClosesBeforePostgres() {
    return beanFactory -> {
      for (String engine : beanFactory.getBeanNamesForType(ProcessEngine.class, true, false)) {
        BeanDefinition definition = beanFactory.getBeanDefinition(engine.replace("&", ""));
        List<String> dependsOn = new ArrayList<>();
        if (definition.getDependsOn() != null) {
          dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
        }
        dependsOn.add("embeddedPostgres");
        definition.setDependsOn(dependsOn.toArray(String[]::new));
      }
    };
  }

  /**
   * With {@code -Dpostgres.explainSlowerThanMillis=N} (used when profiling the benchmark), PostgreSQL's auto_explain
   * writes the plan, with actual row counts, of every statement slower than N ms to
   * {@code target/postgres-log/postgresql.log}: the SQL the engine generates, as it ran.
   */
  static final String EXPLAIN_SLOWER_THAN = "postgres.explainSlowerThanMillis";

  /**
   * The server, which a test may stop and start again ({@link RestartablePostgres}). Spring stops it, after the
   * engine; its own JVM hook would race the engine's last writes.
   */
  @Bean(destroyMethod = "close")
  RestartablePostgres restartablePostgres() throws IOException {
    return RestartablePostgres.start(EmbeddedPostgresConfiguration::configuredServer);
  }

  /** The server as tests and the data source use it; its URL stays the same across restarts. */
  @Bean(destroyMethod = "")
  EmbeddedPostgres embeddedPostgres(RestartablePostgres postgres) {
    return postgres.firstServer();
  }

  private static EmbeddedPostgres.Builder configuredServer() {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setRegisterShutdownHook(false)
        // Test data need not survive a power cut.
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off");
    String explainSlowerThan = System.getProperty(EXPLAIN_SLOWER_THAN);
    if (explainSlowerThan != null) {
      builder.setServerConfig("shared_preload_libraries", "auto_explain")
          .setServerConfig("auto_explain.log_min_duration", explainSlowerThan)
          .setServerConfig("auto_explain.log_analyze", "on")
          .setServerConfig("auto_explain.log_timing", "off")
          .setServerConfig("auto_explain.log_buffers", "on")
          // The server's own log: after start-up nothing reads the embedded server's output.
          .setServerConfig("logging_collector", "on")
          .setServerConfig("log_directory", java.nio.file.Path.of("target", "postgres-log").toAbsolutePath().toString())
          .setServerConfig("log_filename", "postgresql.log");
    }
    return builder;
  }

  /** The pool as the postgres profile configures it (spring.datasource.hikari.*), on the embedded server. */
  @Bean
  @Primary
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPassword("postgres");
    return dataSource;
  }
}
