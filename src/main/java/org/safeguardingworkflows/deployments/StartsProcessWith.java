package org.safeguardingworkflows.deployments;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The variables the application starts a process with, declared on the class whose code starts it (one place per
 * process): the model checks count them as recorded at the process's blank start event ({@link RequiredVariables}).
 *
 * <p>Names are written as text, e.g. {@code "decisionBy"}, not as the catalogue's ProcessVariable: an annotation holds
 * only compile-time constants and {@link VariableSources} reads them from the class files, so
 * DeclaredVariablesAreCataloguedTest fails the build on a name no catalogue declares.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(StartsProcessWith.List.class)
public @interface StartsProcessWith {

  /** The process key. */
  String process();

  /** The variables every start passes. */
  String[] variables();

  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    StartsProcessWith[] value();
  }
}
