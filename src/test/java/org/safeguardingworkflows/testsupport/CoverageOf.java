package org.safeguardingworkflows.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The diagrams (process keys) a scenario class is about. {@link FullProcessCoverage} requires every flow node and
 * sequence flow of these, and only these: a process that the scenarios start through a link (a message throw event
 * starting legal planning, say) is walked in full by its own scenario class. Without this annotation every
 * diagram the class reaches must be walked in full.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CoverageOf {
  String[] value();
}
