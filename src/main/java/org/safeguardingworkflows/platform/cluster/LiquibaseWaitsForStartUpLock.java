package org.safeguardingworkflows.platform.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

import liquibase.integration.spring.SpringLiquibase;

/**
 * Liquibase is the first thing a node does in the database, so it waits for the {@link ClusterStartUpLock}; the
 * engine and everything set up with it already wait for Liquibase ({@code EngineStartsAfterSchemaMigration}).
 */
@Component
public class LiquibaseWaitsForStartUpLock implements BeanFactoryPostProcessor {

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    for (String name : beanFactory.getBeanNamesForType(SpringLiquibase.class, true, false)) {
      BeanDefinition definition = beanFactory.getBeanDefinition(name.replace("&", ""));
      List<String> dependsOn = new ArrayList<>();
      if (definition.getDependsOn() != null) {
        dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
      }
      dependsOn.add(ClusterStartUpLock.BEAN_NAME);
      definition.setDependsOn(dependsOn.toArray(String[]::new));
    }
  }
}
