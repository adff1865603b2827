package org.safeguardingworkflows.platform.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * Prints a logged exception as its class names and stack frames, without any exception message. Messages are where
 * case content travels: the engine puts variable values into its exception messages, JSON parsers quote the body
 * they could not read, validation messages repeat the field. A stack trace still says what failed and where, which is
 * what an operator needs; the class names and frames come from code, never from a practitioner.
 */
public class ThrowableWithoutMessages extends ThrowableHandlingConverter {

  @Override
  public String convert(ILoggingEvent event) {
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    append(out, throwable, "", "");
    return out.toString();
  }

  private static void append(StringBuilder out, IThrowableProxy throwable, String prefix, String indent) {
    out.append(indent).append(prefix).append(throwable.getClassName()).append(CoreConstants.LINE_SEPARATOR);
    StackTraceElementProxy[] frames = throwable.getStackTraceElementProxyArray();
    int shown = frames.length - throwable.getCommonFrames();
    for (int i = 0; i < shown; i++) {
      out.append(indent).append('\t').append(frames[i].getSTEAsString()).append(CoreConstants.LINE_SEPARATOR);
    }
    if (throwable.getCommonFrames() > 0) {
      out.append(indent).append("\t... ").append(throwable.getCommonFrames()).append(" common frames omitted")
          .append(CoreConstants.LINE_SEPARATOR);
    }
    if (throwable.getSuppressed() != null) {
      for (IThrowableProxy suppressed : throwable.getSuppressed()) {
        append(out, suppressed, "Suppressed: ", indent + '\t');
      }
    }
    if (throwable.getCause() != null) {
      append(out, throwable.getCause(), "Caused by: ", indent);
    }
  }
}
