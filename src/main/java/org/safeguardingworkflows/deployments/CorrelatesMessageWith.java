package org.safeguardingworkflows.deployments;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The variables the application sends with a message, declared on the class whose code correlates it: the model
 * checks count them as recorded at every event that catches the message ({@link RequiredVariables}). When several
 * classes send the same message, only what all of them send counts.
 *
 * <p>Names are written as text, e.g. {@code "decisionBy"}, not as the catalogue's ProcessVariable: an annotation holds
 * only compile-time constants and {@link VariableSources} reads them from the class files, so
 * DeclaredVariablesAreCataloguedTest fails the build on a name no catalogue declares.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(CorrelatesMessageWith.List.class)
public @interface CorrelatesMessageWith {

  /** The message name, as in the diagram's bpmn:message. */
  String message();

  /** The variables every correlation of it sends. */
  String[] variables();

  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    CorrelatesMessageWith[] value();
  }
}
