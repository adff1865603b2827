package org.safeguardingworkflows.platform.outage;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While the database cannot be reached, every request that needs it is answered 503 problem+json with
 * {@code Retry-After} ({@link DatabaseOutage}), whichever door it came in by:
 * <ul>
 *   <li>a failure thrown out of the chain: the logins (HTTP Basic on the APIs and the engine's REST API read the user
 *       and the password from the database), the webapps' session checks, the engine API gate, the actuator's
 *       administrator check. Without this they reach the servlet container as a bare 500;</li>
 *   <li>a failure turned into an answer further in: Camunda's REST API and the webapps' APIs map every engine
 *       exception to 500 JSON naming the exception, the webapp login included. On those paths the answer is held back
 *       until the request is over; if the engine noticed the database unreachable ({@link OutagesNoticedInTheEngine})
 *       and the answer is a failure, it is replaced. The domain API's own answer comes from
 *       {@link DatabaseOutageInTheApi}.</li>
 * </ul>
 * The health endpoint is left alone: it says DOWN (503) itself, and the load balancer reads it.
 * Runs first after the security headers, so that every later filter is inside it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseOutageAnswer extends OncePerRequestFilter {

  /** Paths whose answers are held back until the request is over (JSON answers of the APIs; no static files). */
  private static final List<String> ANSWERS_HELD_BACK = List.of("/api/", "/engine-rest/", "/camunda/api/");

  /**
   * The engine's long polling for external tasks answers asynchronously, after this filter has returned: an answer
   * held back here would never be sent. Its failures still reach this filter when thrown.
   */
  private static final String ANSWERED_LATER = "/external-task/fetchAndLock";

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageAnswer.class);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    ContentCachingResponseWrapper heldBack = ANSWERS_HELD_BACK.stream().anyMatch(path::startsWith)
        && !path.endsWith(ANSWERED_LATER) ? new ContentCachingResponseWrapper(response) : null;
    DatabaseOutage.watchThisRequest();
    try {
      chain.doFilter(request, heldBack == null ? response : heldBack);
      if (heldBack != null) {
        Throwable noticed = DatabaseOutage.noticedInThisRequest();
        if (noticed != null && heldBack.getStatus() >= 400) {
          heldBack.resetBuffer();
          answer(request, response, noticed, "the engine");
        } else {
          heldBack.copyBodyToResponse();
        }
      }
    } catch (IOException | ServletException | RuntimeException failure) {
      if (!DatabaseUnreachable.stoppedTheRequest(failure) || response.isCommitted()) {
        throw failure;
      }
      if (heldBack != null) {
        heldBack.resetBuffer();
      }
      answer(request, response, failure, failure.getClass().getSimpleName());
    } finally {
      DatabaseOutage.forgetThisRequest();
    }
  }

  private static void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure,
      String noticedBy) throws IOException {
    // Not the path: it may name a task or a child. Its first segment says which door (api, engine-rest, camunda).
    String door = path(request).split("/", 3).length > 1 ? path(request).split("/", 3)[1] : "";
    log.warn("Answered 503: {} ({} /{}..., noticed by {})", DatabaseOutage.reason(failure), request.getMethod(), door,
        noticedBy);
    DatabaseOutage.answer(response, failure);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
