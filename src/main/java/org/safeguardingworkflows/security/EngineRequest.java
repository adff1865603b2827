package org.safeguardingworkflows.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A request to the engine, whichever door it came through: the REST API ({@code /engine-rest/...}, HTTP Basic) or
 * the webapps' copy of it ({@code /camunda/api/engine/engine/default/...}, session login). Both serve the same
 * resources, so the gate sees one path ({@code /task/42/complete}) and one caller for either.
 *
 * @param method the HTTP method
 * @param path the resource path after the engine prefix, decoded and normalised by the servlet container
 * @param caller who is asking, when anyone is logged in
 */
public record EngineRequest(String method, String path, Optional<Caller> caller) {

  /** A logged-in member of staff and their groups. */
  public record Caller(String userId, List<String> groupIds) {

    boolean isAdministrator() {
      return groupIds.contains(Role.ADMINS.groupId());
    }
  }

  private static final Pattern REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)?$");
  private static final Pattern WEBAPP = Pattern.compile("^/camunda/api/engine/engine/([^/]+)(/.*)?$");

  public static Optional<EngineRequest> of(HttpServletRequest request, IdentityService identityService) {
    // Servlet path and path info are decoded, stripped of ";" parameters and of "..": the path the REST API routes on.
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher rest = REST.matcher(path);
    if (rest.matches()) {
      // The engine's authentication filter runs first and sets the caller for the rest of the request.
      Authentication current = identityService.getCurrentAuthentication();
      Optional<Caller> caller = current == null || current.getUserId() == null ? Optional.empty()
          : Optional.of(new Caller(current.getUserId(), current.getGroupIds() == null ? List.of() : current.getGroupIds()));
      return Optional.of(new EngineRequest(request.getMethod(), orRoot(rest.group(1)), caller));
    }
    Matcher webapp = WEBAPP.matcher(path);
    if (webapp.matches()) {
      return Optional.of(new EngineRequest(request.getMethod(), orRoot(webapp.group(2)), sessionCaller(request, webapp.group(1))));
    }
    return Optional.empty();
  }

  private static Optional<Caller> sessionCaller(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
      return Optional.empty();
    }
    return Optional.of(new Caller(user.getName(), user.getGroupIds() == null ? List.of() : user.getGroupIds()));
  }

  private static String orRoot(String path) {
    return path == null || path.isEmpty() ? "/" : path;
  }

  boolean isWrite() {
    return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
  }
}
