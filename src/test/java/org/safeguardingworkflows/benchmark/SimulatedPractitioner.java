package org.safeguardingworkflows.benchmark;

import static org.safeguardingworkflows.stepdown.StepDownVariables.STEP_DOWN_DECISION;
import static org.safeguardingworkflows.stepdown.StepDownVariables.STEP_DOWN_DECISION_REASONS;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.safeguardingworkflows.stepdown.StepDownDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One practitioner at work in Tasklist, over real HTTP, with no pause between tasks: log in, then again and again the
 * requests Tasklist sends to list "My tasks", open one of them with its Camunda Form, and complete it with valid
 * answers. Every request goes to the next node ({@link RoundRobinNodes}), and its time and outcome go to the
 * {@link PractitionerLoad}.
 *
 * <p>By default the practitioner speaks the webapp API that Tasklist itself calls
 * ({@code /camunda/api/engine/engine/default/...}, a session cookie from the Tasklist login and the CSRF token): Tasklist
 * never sends HTTP Basic to {@code /engine-rest}, and the session and CSRF checks are part of what a Tasklist request
 * costs, and of what two nodes must share. {@link Api#ENGINE_REST} sends the same requests to {@code /engine-rest} with
 * HTTP Basic on each, as a case management system would: stateless, for comparison.
 */
final class SimulatedPractitioner implements Runnable {

  static final String LOG_IN = "log in (Tasklist)";
  static final String FILTER_COUNTS = "filters with their counts";
  static final String LIST = "list 'My tasks' (first page of 15)";
  static final String OPEN_TASK = "open task";
  static final String FORM_KEY = "task form key";
  static final String DEPLOYED_FORM = "deployed Camunda Form";
  static final String FORM_VARIABLES = "form variables";
  static final String COMPLETE = "complete (submit-form)";

  /** Tasklist shows this many tasks a page. */
  static final int PAGE_SIZE = 15;

  /** Where the engine's API is and how a request proves who sends it. */
  enum Api {
    TASKLIST("/camunda/api/engine/engine/default", "Tasklist's webapp API, session"),
    ENGINE_REST("/engine-rest", "engine REST, HTTP Basic");

    final String path;
    final String label;

    Api(String path, String label) {
      this.path = path;
      this.label = label;
    }

    /** {@code -Dbenchmark.practitionerApi=tasklist} (the default), {@code engine-rest}, or both: {@code tasklist,engine-rest}. */
    static List<Api> fromProperty() {
      return java.util.Arrays.stream(System.getProperty("benchmark.practitionerApi", "tasklist").split(",")).map(String::trim)
          .map(name -> switch (name) {
            case "tasklist" -> TASKLIST;
            case "engine-rest" -> ENGINE_REST;
            default -> throw new IllegalArgumentException("benchmark.practitionerApi: tasklist or engine-rest, not " + name);
          }).distinct().toList();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String user;
  private final String password;
  private final Api api;
  private final RoundRobinNodes nodes;
  private final PractitionerLoad load;
  private final long until;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
  /** A browser's cookie jar. Every node is on localhost, so one jar serves them all, as it would behind one proxy. */
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrfToken;
  private String myTasksFilter;

  /** Works until {@code until} ({@link System#nanoTime()}). */
  SimulatedPractitioner(String user, String password, Api api, RoundRobinNodes nodes, PractitionerLoad load, long until) {
    this.user = user;
    this.password = password;
    this.api = api;
    this.nodes = nodes;
    this.load = load;
    this.until = until;
  }

  @Override
  public void run() {
    while (System.nanoTime() < until && !loggedIn()) {
      pause();
    }
    while (System.nanoTime() < until) {
      if (!workOnOneTask()) {
        // A failed request is counted; a pause keeps a failing node from being hammered by a tight loop.
        pause();
      }
    }
  }

  /** Tasklist's login: the app page (for the CSRF cookie), the login, then the request that brings the new token. */
  private boolean loggedIn() {
    if (api == Api.TASKLIST) {
      if (send(null, get("/camunda/app/tasklist/default/", "text/html")) == null) {
        return false;
      }
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      if (send(LOG_IN, request("/camunda/api/admin/auth/user/default/login/tasklist", "application/json")
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))) == null) {
        return false;
      }
      // The login starts a new session with a new CSRF token, which Tasklist fetches with its next request.
      if (send(null, get("/camunda/api/engine/engine/", "application/json")) == null) {
        return false;
      }
    }
    JsonNode filters = json(send(FILTER_COUNTS, get(api.path + "/filter?resourceType=Task&itemCount=true", "application/json")));
    if (filters == null) {
      return false;
    }
    for (JsonNode filter : filters) {
      if (("user:" + user).equals(filter.path("properties").path("definedBy").asText())) {
        myTasksFilter = filter.path("id").asText();
      }
    }
    if (myTasksFilter == null) {
      load.failed(FILTER_COUNTS, "no 'My tasks' filter", false);
      return false;
    }
    return true;
  }

  /** List, open, complete: what a practitioner does for each task. Returns false when a request failed. */
  private boolean workOnOneTask() {
    if (json(send(FILTER_COUNTS, get(api.path + "/filter?resourceType=Task&itemCount=true", "application/json"))) == null) {
      return false;
    }
    // Tasklist asks for HAL: the page of tasks with the filter's total count and the linked resources.
    JsonNode page = json(send(LIST, request(api.path + "/filter/" + myTasksFilter + "/list?firstResult=0&maxResults=" + PAGE_SIZE,
        "application/hal+json").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))));
    if (page == null) {
      return false;
    }
    JsonNode tasks = page.path("_embedded").path("task");
    if (tasks.size() == 0) {
      load.emptyList();
      return false;
    }
    String task = tasks.get(ThreadLocalRandom.current().nextInt(tasks.size())).path("id").asText();
    String base = api.path + "/task/" + task;
    if (send(OPEN_TASK, get(base, "application/hal+json")) == null || send(FORM_KEY, get(base + "/form", "application/json")) == null) {
      return false;
    }
    JsonNode form = json(send(DEPLOYED_FORM, get(base + "/deployed-form", "application/json")));
    if (form == null || send(FORM_VARIABLES, get(base + "/form-variables", "application/json")) == null) {
      return false;
    }
    Map<String, Object> answers = answers(form.path("id").asText());
    if (answers == null) {
      load.failed(DEPLOYED_FORM, "a form the practitioners cannot answer: " + form.path("id").asText(), false);
      return false;
    }
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("variables", answers));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (send(COMPLETE, request(base + "/submit-form", "application/json").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))) == null) {
      return false;
    }
    load.completed();
    return true;
  }

  /**
   * Valid answers to the forms the practitioners' tasks carry, encoded as Tasklist's Camunda Forms submit them: lists
   * as JSON variables, the rest typed by value.
   */
  static Map<String, Object> answers(String formId) {
    Map<String, Object> values = switch (formId) {
      case "hold-step-down-meeting" -> StepDownDriver.stepDownMeeting();
      case "approve-step-down-plan" -> Map.of(STEP_DOWN_DECISION.name(), "APPROVE", STEP_DOWN_DECISION_REASONS.name(), "Considered in supervision");
      default -> null;
    };
    if (values == null) {
      return null;
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      try {
        variables.put(name, value instanceof List<?> || value instanceof Map<?, ?>
            ? Map.of("value", JSON.writeValueAsString(value), "type", "Json")
            : Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    return variables;
  }

  private HttpRequest.Builder get(String path, String accept) {
    return request(path, accept).GET();
  }

  private HttpRequest.Builder request(String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.next() + path)).timeout(Duration.ofSeconds(60)).header("Accept", accept);
    if (api == Api.ENGINE_REST) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  /**
   * Sends the request with the browser's cookies and CSRF token, times it under {@code kind} (null: not measured) and
   * returns the body, or null when it failed (counted, with its status and exception type only).
   */
  private String send(String kind, HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
    }
    if (csrfToken != null) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    String label = kind == null ? "Tasklist page or token" : kind;
    HttpResponse<String> response;
    long started = System.nanoTime();
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      load.failed(label, "no answer (" + e.getClass().getSimpleName() + ")", false);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      load.failed(label, "interrupted", false);
      return null;
    }
    long nanos = System.nanoTime() - started;
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
    if (cookies.containsKey("XSRF-TOKEN")) {
      csrfToken = cookies.get("XSRF-TOKEN");
    }
    if (response.statusCode() >= 400) {
      String type = exceptionType(response.body());
      load.failed(label, "HTTP " + response.statusCode() + (type.isEmpty() ? "" : " " + type), type.contains("OptimisticLocking"));
      return null;
    }
    if (kind != null) {
      load.answered(kind, nanos);
    }
    return response.body();
  }

  /** The engine's exception type, or a problem's type, from an error body; never its message (it may quote case content). */
  private static String exceptionType(String body) {
    if (body != null && body.contains("OptimisticLocking")) {
      return "OptimisticLockingException";
    }
    try {
      JsonNode error = JSON.readTree(body);
      return error.path("type").asText("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private JsonNode json(String body) {
    if (body == null) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      load.failed("reading an answer", "not JSON", false);
      return null;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
