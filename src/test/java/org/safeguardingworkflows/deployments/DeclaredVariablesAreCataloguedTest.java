package org.safeguardingworkflows.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.platform.ProcessVariable;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * {@link WritesVariables}, {@link StartsProcessWith} and {@link CorrelatesMessageWith} name variables as plain text
 * (an annotation holds only compile-time constants, and {@link VariableSources} reads them from the class files), so
 * the compiler no longer sees a typo or a renamed variable there. This test does: every name they hold must be the
 * name of a {@link ProcessVariable} a catalogue declares, else the model checks would wait for a variable nobody
 * writes, or miss one that is. Each declaration is read on its own, not merged as VariableSources merges two
 * places sending the same message, so that a typo in one of them is not hidden by the other.
 */
class DeclaredVariablesAreCataloguedTest {

  @Test
  void everyDeclaredVariableIsAProcessVariableOfACatalogue() throws Exception {
    Set<String> catalogued = cataloguedNames();
    List<String> unknown = new ArrayList<>();
    List<String> read = new ArrayList<>();
    for (BeanDefinition candidate : annotated().findCandidateComponents(ApplicationDelegates.APPLICATION_PACKAGE)) {
      AnnotationMetadata metadata = ((AnnotatedBeanDefinition) candidate).getMetadata();
      String where = metadata.getClassName().substring(ApplicationDelegates.APPLICATION_PACKAGE.length() + 1);
      for (String name : declaredNames(metadata)) {
        read.add(name);
        if (!catalogued.contains(name)) {
          unknown.add(where + ": \"" + name + "\"");
        }
      }
    }
    assertThat(read).as("the scan finds the declarations").hasSizeGreaterThan(100);
    assertThat(unknown).as("names no catalogue declares as a ProcessVariable (a typo, or a renamed variable)")
        .isEmpty();
  }

  /** The names every annotation on the class holds, the repeated ones included. */
  private static List<String> declaredNames(AnnotationMetadata metadata) {
    List<String> names = new ArrayList<>();
    metadata.getAnnotations().stream(WritesVariables.class)
        .forEach(annotation -> names.addAll(List.of(annotation.getStringArray("value"))));
    for (MergedAnnotation<?> annotation : repeated(metadata, StartsProcessWith.class, StartsProcessWith.List.class)) {
      names.addAll(List.of(annotation.getStringArray("variables")));
    }
    for (MergedAnnotation<?> annotation : repeated(metadata, CorrelatesMessageWith.class, CorrelatesMessageWith.List.class)) {
      names.addAll(List.of(annotation.getStringArray("variables")));
    }
    return names;
  }

  private static List<MergedAnnotation<?>> repeated(AnnotationMetadata metadata,
      Class<? extends java.lang.annotation.Annotation> single, Class<?> container) {
    List<MergedAnnotation<?>> found = new ArrayList<>();
    metadata.getAnnotations().stream(single.getName()).forEach(found::add);
    metadata.getAnnotations().stream(container.getName())
        .forEach(list -> found.addAll(List.of(list.getAnnotationArray("value", single))));
    return found;
  }

  /** The scan VariableSources makes: every class carrying one of the three, Spring bean or not. */
  private static ClassPathScanningCandidateComponentProvider annotated() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
        return true;
      }
    };
    scanner.addIncludeFilter(new AnnotationTypeFilter(WritesVariables.class));
    scanner.addIncludeFilter(new AnnotationTypeFilter(StartsProcessWith.class));
    scanner.addIncludeFilter(new AnnotationTypeFilter(StartsProcessWith.List.class));
    scanner.addIncludeFilter(new AnnotationTypeFilter(CorrelatesMessageWith.class));
    scanner.addIncludeFilter(new AnnotationTypeFilter(CorrelatesMessageWith.List.class));
    return scanner;
  }

  /**
   * The names of every public static ProcessVariable in the application's classes: each process's catalogue
   * ({@code StepDownVariables}...) and the few shared ones declared where they are used (the team, a linked start).
   */
  private static Set<String> cataloguedNames() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider everyClass = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
        return true;
      }
    };
    everyClass.addIncludeFilter((reader, factory) -> true);
    Set<String> names = new HashSet<>();
    Set<String> catalogues = new TreeSet<>();
    for (BeanDefinition candidate : everyClass.findCandidateComponents(ApplicationDelegates.APPLICATION_PACKAGE)) {
      Class<?> type = Class.forName(candidate.getBeanClassName(), false, DeclaredVariablesAreCataloguedTest.class.getClassLoader());
      boolean declares = Arrays.stream(type.getDeclaredFields()).anyMatch(field ->
          Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers()) && field.getType() == ProcessVariable.class);
      if (declares) {
        catalogues.add(type.getSimpleName());
        names.addAll(ProcessVariable.namesIn(type));
      }
    }
    assertThat(catalogues).as("the catalogues found").contains("StepDownVariables", "RepeatIcpcVariables",
        "LegalPlanningVariables", "SupervisionOrderVariables", "ConcernReviewVariables", "ChildLifeEventVariables");
    return names;
  }
}
