package org.safeguardingworkflows.platform;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Liquibase owns the schema (engine {@code schema-update} is off), so the engine must not be built before
 * Liquibase has run. Spring Boot orders beans found by this detector after every database initializer.
 * Registered in {@code META-INF/spring.factories}.
 */
public class EngineStartsAfterSchemaMigration extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineFactoryBean.class, ProcessEngine.class);
  }
}
