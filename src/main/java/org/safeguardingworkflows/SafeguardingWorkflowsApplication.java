package org.safeguardingworkflows;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Safeguarding Workflows: Camunda 7 processes that make the lessons of a repeat child protection plan audit
 * impossible to skip (step-down journey, repeat-ICPC pre-meeting, legal planning, live audit figures).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SafeguardingWorkflowsApplication {

  public static void main(String[] args) {
    SpringApplication.run(SafeguardingWorkflowsApplication.class, args);
  }
}
