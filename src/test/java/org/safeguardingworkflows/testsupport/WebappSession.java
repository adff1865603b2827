package org.safeguardingworkflows.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's conversation with the Camunda webapps over real HTTP: fetch the CSRF token, log in to one app
 * (Tasklist, Cockpit, Admin) and call the webapp API with the session. Cookies are carried by hand, because the
 * production settings mark them Secure and the tests speak plain HTTP to localhost.
 */
public final class WebappSession {

  private final String base;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrfToken;
  private int loginStatus;

  public WebappSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A session logged in to one app; {@link #loginStatus()} tells whether the login was accepted. */
  public static WebappSession login(int port, String app, String user, String password) {
    WebappSession session = new WebappSession(port);
    try {
      session.loginStatus = session.logIn(app, user, password);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return session;
  }

  /** A browser that has not logged in. */
  public static WebappSession anonymous(int port) {
    return new WebappSession(port);
  }

  /**
   * The same browser talking to another node of a cluster (as a load balancer without sticky sessions sends it):
   * same cookies, same CSRF token.
   */
  public WebappSession onNode(int otherPort) {
    WebappSession other = new WebappSession(otherPort);
    other.cookies.putAll(cookies);
    other.csrfToken = csrfToken;
    other.loginStatus = loginStatus;
    return other;
  }

  /** The same browser without its CSRF token (a forged request carries the cookies but cannot read the token). */
  public WebappSession withoutCsrfToken() {
    WebappSession forged = onNode(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)));
    forged.csrfToken = null;
    forged.cookies.remove("XSRF-TOKEN");
    return forged;
  }

  /** The cookie of the given name this browser holds, or null. */
  public String cookie(String name) {
    return cookies.get(name);
  }

  public int loginStatus() {
    return loginStatus;
  }

  /** GET a path under /camunda (e.g. /api/cockpit/plugin/...), accepting the given media type. */
  public Api.Reply get(String path, String accept) {
    try {
      return reply(send(HttpRequest.newBuilder(URI.create(base + "/camunda" + path)).header("Accept", accept).GET()));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Logs in to the given app ("tasklist", "cockpit", "admin"); returns the HTTP status of the login. */
  public int logIn(String app, String user, String password) throws IOException, InterruptedException {
    return logInAnswer(app, user, password).status();
  }

  /** Logs in to the given app as {@link #logIn} does; returns the whole answer to the login. */
  public Api.Reply logInAnswer(String app, String user, String password) throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return reply(send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  /** A JSON call to the webapp API (for example Tasklist's {@code /camunda/api/engine/engine/default/task/{id}/submit-form}). */
  public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static Api.Reply reply(HttpResponse<String> response) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    response.headers().map().forEach(headers::addAll);
    return new Api.Reply(response.statusCode(), headers, response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
    }
    if (csrfToken != null) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    List<String> setCookies = response.headers().allValues("Set-Cookie");
    for (String setCookie : setCookies) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
    if (cookies.containsKey("XSRF-TOKEN")) {
      csrfToken = cookies.get("XSRF-TOKEN");
    }
    return response;
  }
}
