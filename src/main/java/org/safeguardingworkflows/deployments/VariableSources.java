package org.safeguardingworkflows.deployments;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * What the application's code puts into a journey from outside the diagram: the variables each process is started
 * with ({@link StartsProcessWith}), those each message brings ({@link CorrelatesMessageWith}) and those each delegate
 * or listener bean writes ({@link WritesVariables}). Found by scanning the application's package, like
 * {@link ApplicationDelegates}, so the build's model checks and the running engine read the same declarations.
 */
public record VariableSources(Map<String, Set<String>> startVariables, Map<String, Set<String>> messageVariables,
    Map<String, Set<String>> delegateWrites) {

  /** Nothing supplied from outside the diagrams: for checks of a diagram alone. */
  public static final VariableSources NONE = new VariableSources(Map.of(), Map.of(), Map.of());

  private static volatile VariableSources application;

  /** The declarations in the application's code. */
  public static VariableSources application() {
    VariableSources found = application;
    if (found == null) {
      found = scan();
      application = found;
    }
    return found;
  }

  public Set<String> startedWith(String processKey) {
    return startVariables.getOrDefault(processKey, Set.of());
  }

  public Set<String> sentWith(String messageName) {
    return messageVariables.getOrDefault(messageName, Set.of());
  }

  public Set<String> writtenBy(String beanName) {
    return delegateWrites.getOrDefault(beanName, Set.of());
  }

  private static VariableSources scan() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
        return true; // listeners the application adds itself are not Spring beans, and may be package-private
      }
    };
    scanner.addIncludeFilter(new AnnotationTypeFilter(WritesVariables.class));
    scanner.addIncludeFilter(new AnnotationTypeFilter(StartsProcessWith.class));
    scanner.addIncludeFilter(new AnnotationTypeFilter(StartsProcessWith.List.class));
    scanner.addIncludeFilter(new AnnotationTypeFilter(CorrelatesMessageWith.class));
    scanner.addIncludeFilter(new AnnotationTypeFilter(CorrelatesMessageWith.List.class));
    AnnotationBeanNameGenerator beanNames = new AnnotationBeanNameGenerator();
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Map<String, Set<String>> starts = new HashMap<>();
    Map<String, Set<String>> messages = new HashMap<>();
    Map<String, Set<String>> writes = new HashMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(ApplicationDelegates.APPLICATION_PACKAGE)) {
      AnnotationMetadata metadata = ((AnnotatedBeanDefinition) candidate).getMetadata();
      metadata.getAnnotations().stream(WritesVariables.class).forEach(annotation ->
          writes.put(beanNames.generateBeanName(candidate, registry), Set.of(annotation.getStringArray("value"))));
      repeated(metadata, StartsProcessWith.class, StartsProcessWith.List.class).forEach(annotation ->
          onlyCommon(starts, annotation.getString("process"), annotation.getStringArray("variables")));
      repeated(metadata, CorrelatesMessageWith.class, CorrelatesMessageWith.List.class).forEach(annotation ->
          onlyCommon(messages, annotation.getString("message"), annotation.getStringArray("variables")));
    }
    return new VariableSources(Map.copyOf(starts), Map.copyOf(messages), Map.copyOf(writes));
  }

  private static List<MergedAnnotation<?>> repeated(AnnotationMetadata metadata, Class<?> single, Class<?> container) {
    List<MergedAnnotation<?>> found = new java.util.ArrayList<>();
    metadata.getAnnotations().stream(single.getName()).forEach(found::add);
    metadata.getAnnotations().stream(container.getName())
        .forEach(list -> found.addAll(List.of(list.getAnnotationArray("value", single.asSubclass(java.lang.annotation.Annotation.class)))));
    return found;
  }

  /** Two places starting the same process or sending the same message: only what both supply is certain. */
  private static void onlyCommon(Map<String, Set<String>> declared, String key, String[] variables) {
    Set<String> given = new HashSet<>(List.of(variables));
    declared.merge(key, given, (before, now) -> {
      Set<String> common = new HashSet<>(before);
      common.retainAll(now);
      return common;
    });
  }
}
