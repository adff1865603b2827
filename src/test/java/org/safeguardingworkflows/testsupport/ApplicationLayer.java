package org.safeguardingworkflows.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two test layers. Unit tests ({@code mvn test}) check rules, calculations, listeners and models in plain Java and
 * must stay fast; application tests ({@code mvn verify}) boot the whole application and carry the tag {@link #TAG}
 * (through {@link RunningApplication}, or directly when they build applications themselves).
 *
 * <p>Registered for every Spring application started from the test classpath: in the unit layer (Surefire sets
 * {@code safeguarding.test-layer=unit}) it refuses to start one, so a test that needs the application cannot slip
 * into {@code mvn test} without its tag.
 */
public final class ApplicationLayer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String TAG = "application";

  /** Application tests that build applications of their own, and so run in a JVM of their own. */
  public static final String OWN_JVM_TAG = "own-jvm";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if ("unit".equals(System.getProperty("safeguarding.test-layer"))) {
      throw new IllegalStateException("A unit test started a Spring application. Tests that need the application "
          + "belong to `mvn verify`: annotate the class with @ApplicationTest or @Tag(ApplicationLayer.TAG).");
    }
  }
}
