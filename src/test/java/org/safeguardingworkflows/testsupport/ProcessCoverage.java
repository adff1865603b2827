package org.safeguardingworkflows.testsupport;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Scenario test classes (those registering the coverage listener) must walk every flow node and sequence flow of
 * the diagrams they drive; the HTML report is written under target/process-test-coverage.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverage {

  @Bean
  @Primary
  ProcessEngineCoverageProperties fullCoverageRequired() {
    return ProcessEngineCoverageProperties.Companion.builder()
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}
