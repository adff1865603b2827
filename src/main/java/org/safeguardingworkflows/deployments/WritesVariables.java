package org.safeguardingworkflows.deployments;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The process variables a delegate or listener writes, declared on its class: the model checks count them as
 * recorded by the element that names the bean ({@link RequiredVariables}). Without the declaration a revised diagram
 * could read a variable only that delegate records, on a path that never runs it, and nobody would know until a
 * journey failed there.
 *
 * <p>Names are written as text, e.g. {@code "decisionBy"}, not as the catalogue's ProcessVariable: an annotation holds
 * only compile-time constants and {@link VariableSources} reads them from the class files, so
 * DeclaredVariablesAreCataloguedTest fails the build on a name no catalogue declares.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WritesVariables {

  /** The names of the variables it writes on every run. */
  String[] value();
}
