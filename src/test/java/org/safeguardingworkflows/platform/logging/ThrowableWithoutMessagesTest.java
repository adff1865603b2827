package org.safeguardingworkflows.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

/** An exception is printed with its classes and frames, and none of the messages that can quote case content. */
class ThrowableWithoutMessagesTest {

  @Test
  void classesAndFramesArePrinted_messagesAreNot() {
    IllegalStateException cause = new IllegalStateException("Expected an ISO date but got 'Mother's new partner'");
    RuntimeException thrown = new RuntimeException("Cannot complete task for C-1234: 'Mother's new partner'", cause);
    thrown.addSuppressed(new IllegalArgumentException("rolled back 'Mother's new partner'"));
    LoggingEvent event = new LoggingEvent(getClass().getName(), new LoggerContext().getLogger("test"), Level.ERROR,
        "Engine command failed", thrown, null);

    String printed = new ThrowableWithoutMessages().convert(event);

    assertThat(printed).startsWith("java.lang.RuntimeException" + System.lineSeparator())
        .contains("\tat org.safeguardingworkflows.platform.logging.ThrowableWithoutMessagesTest.classesAndFramesArePrinted")
        .contains("Caused by: java.lang.IllegalStateException")
        .contains("Suppressed: java.lang.IllegalArgumentException")
        .contains("common frames omitted")
        .doesNotContain("Mother").doesNotContain("C-1234").doesNotContain("ISO date");
  }

  @Test
  void anEventWithoutAnExceptionPrintsNothing() {
    LoggingEvent event = new LoggingEvent(getClass().getName(), new LoggerContext().getLogger("test"), Level.INFO,
        "Deployment done", null, null);
    assertThat(new ThrowableWithoutMessages().convert(event)).isEmpty();
  }
}
