package org.safeguardingworkflows.platform.outage;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The domain API's answer when the database cannot be reached. The API's own advice answers any exception it does not
 * know with 500 "Internal error" and an error id for the service desk; an outage is not our fault to investigate but
 * a moment to wait, so it is answered first, here, with {@link DatabaseOutage}'s 503. Runs before every other
 * resolver (Spring's error attributes aside, which only record the exception).
 */
@Component
public class DatabaseOutageInTheApi implements HandlerExceptionResolver, Ordered {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageInTheApi.class);

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception failure) {
    if (!DatabaseUnreachable.stoppedTheRequest(failure) || response.isCommitted()) {
      return null;
    }
    try {
      log.warn("Answered 503: {} ({} API request, {})", DatabaseOutage.reason(failure), request.getMethod(),
          failure.getClass().getSimpleName());
      DatabaseOutage.answer(response, failure);
    } catch (IOException e) {
      return null;
    }
    return new ModelAndView();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
