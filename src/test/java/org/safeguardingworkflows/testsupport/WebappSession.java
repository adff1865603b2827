package org.safeguardingworkflows.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;

/**
 * A logged-in session of the Camunda webapps (Cockpit, Tasklist), as the browser has it: session cookie and CSRF
 * token, no stored credentials. Logs in the way the webapps' login page does.
 */
public final class WebappSession {

  private final String base;
  private final HttpClient client;

  private WebappSession(String base, HttpClient client) {
    this.base = base;
    this.client = client;
  }

  /** Logs {@code user} in to {@code app} (cockpit, tasklist, admin); the status of the login is {@link #loginStatus}. */
  public static WebappSession login(int port, String app, String user, String password) {
    String base = "http://localhost:" + port + "/camunda";
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    WebappSession session = new WebappSession(base, client);
    // The first page hands out the CSRF token that every state-changing request must repeat.
    session.send(HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/")).GET());
    String token = cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    session.loginStatus = session.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/" + app))
        .header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
    return session;
  }

  /** A session that never logged in. */
  public static WebappSession anonymous(int port) {
    return new WebappSession("http://localhost:" + port + "/camunda", HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
  }

  private int loginStatus;

  public int loginStatus() {
    return loginStatus;
  }

  /** GET a path under /camunda (e.g. /api/cockpit/plugin/...). */
  public Api.Reply get(String path, String accept) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).header(HttpHeaders.ACCEPT, accept).GET());
    HttpHeaders headers = new HttpHeaders();
    response.headers().map().forEach(headers::addAll);
    return new Api.Reply(response.statusCode(), headers, response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
