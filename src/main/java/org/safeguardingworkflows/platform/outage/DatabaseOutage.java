package org.safeguardingworkflows.platform.outage;

import java.io.IOException;
import java.util.List;

import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one answer to a request the database outage stopped: 503, problem+json, a plain sentence and when to try
 * again. Also where a request notes that the database failed it somewhere out of the answering filter's sight (inside
 * the engine, whose failures Camunda's REST API and the webapps turn into answers of their own).
 */
final class DatabaseOutage {

  /**
   * Seconds a client is told to wait. Long enough for PostgreSQL to restart or fail over, short enough that a
   * practitioner retrying by hand is not kept waiting for nothing.
   */
  static final int RETRY_AFTER_SECONDS = 10;

  static final String TITLE = "Case database unavailable";
  static final String DETAIL = "The case database cannot be reached; try again in a moment.";
  static final String BUSY_TITLE = "Service busy";
  static final String BUSY_DETAIL = "Too many requests are being handled at once; try again in a moment.";

  /**
   * Set by {@link DatabaseOutageAnswer} for the request on this thread (the failure that stopped it, once noticed);
   * null outside a request (the job executor).
   */
  private static final ThreadLocal<Throwable[]> NOTICED_IN_THIS_REQUEST = new ThreadLocal<>();

  private DatabaseOutage() {
  }

  /** Notes, for the request being served on this thread, that the database failed it (the first such failure). */
  static void noticeIfUnreachable(Throwable failure) {
    Throwable[] noticed = NOTICED_IN_THIS_REQUEST.get();
    if (noticed != null && noticed[0] == null && DatabaseUnreachable.stoppedTheRequest(failure)) {
      noticed[0] = failure;
    }
  }

  static void watchThisRequest() {
    NOTICED_IN_THIS_REQUEST.set(new Throwable[1]);
  }

  /** The failure the engine noticed stopping this request, or null. */
  static Throwable noticedInThisRequest() {
    Throwable[] noticed = NOTICED_IN_THIS_REQUEST.get();
    return noticed == null ? null : noticed[0];
  }

  static void forgetThisRequest() {
    NOTICED_IN_THIS_REQUEST.remove();
  }

  static void answer(HttpServletResponse response, Throwable failure) throws IOException {
    boolean busy = DatabaseUnreachable.onlyBusy(failure);
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    ProblemResponses.write(response, new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, busy ? BUSY_TITLE : TITLE,
        busy ? BUSY_DETAIL : DETAIL, List.of()));
  }

  /** What the log says: an outage, or an overloaded node. */
  static String reason(Throwable failure) {
    return DatabaseUnreachable.onlyBusy(failure) ? "every database connection is busy" : "the database cannot be reached";
  }
}
