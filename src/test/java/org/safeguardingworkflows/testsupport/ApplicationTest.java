package org.safeguardingworkflows.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The {@link RunningApplication} with process coverage recorded for the scenario tests. Every test class using this
 * annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RunningApplication
@Import(ProcessEngineCoverageConfiguration.class)
public @interface ApplicationTest {
}
