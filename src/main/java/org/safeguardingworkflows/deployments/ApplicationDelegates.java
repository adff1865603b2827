package org.safeguardingworkflows.deployments;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The bean names of the application's own delegates and listeners: the Spring components of this application that
 * implement {@link JavaDelegate}, {@link TaskListener} or {@link ExecutionListener}. A diagram may name these in a
 * {@code delegateExpression}. Found by scanning the application's package, the same way Spring finds them, so the
 * build's model checks and the running engine agree on the list.
 */
public final class ApplicationDelegates {

  static final String APPLICATION_PACKAGE = "org.safeguardingworkflows";

  private static volatile Set<String> names;

  private ApplicationDelegates() {
  }

  public static Set<String> names() {
    Set<String> found = names;
    if (found == null) {
      found = scan();
      names = found;
    }
    return found;
  }

  private static Set<String> scan() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter((reader, factory) ->
        new AnnotationTypeFilter(Component.class).match(reader, factory)
            && (new AssignableTypeFilter(JavaDelegate.class).match(reader, factory)
                || new AssignableTypeFilter(TaskListener.class).match(reader, factory)
                || new AssignableTypeFilter(ExecutionListener.class).match(reader, factory)));
    AnnotationBeanNameGenerator beanNames = new AnnotationBeanNameGenerator();
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> delegates = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(APPLICATION_PACKAGE)) {
      delegates.add(beanNames.generateBeanName(candidate, registry));
    }
    return Set.copyOf(delegates);
  }
}
