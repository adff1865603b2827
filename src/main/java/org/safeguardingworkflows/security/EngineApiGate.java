package org.safeguardingworkflows.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.safeguardingworkflows.platform.Json;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.platform.web.ProblemResponses;
import org.safeguardingworkflows.security.EngineRequest.Caller;
import org.safeguardingworkflows.tasks.DeployedFormFields;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request to the engine from outside, through the REST API or the webapps, obeys the rules the domain API
 * keeps. Camunda's authorizations decide what a user may read and do to a resource; they cannot say "only what the
 * form asks for" or "never an expression", so this gate says it before the engine sees the request:
 * <ol>
 *   <li><b>No expression from a client is ever evaluated.</b> Camunda 7.24 CE evaluates {@code ...Expression} fields
 *       inside {@code orQueries} even with expressions in queries switched off, with every Spring bean in reach and
 *       authorization checks off. Any field or parameter naming an expression is refused, for everyone.</li>
 *   <li><b>No Java objects from clients.</b> A variable of type {@code Object} names a class for the engine to
 *       deserialize: refused, for everyone (the engine's own type validation is on as well).</li>
 *   <li><b>Staff change only what their work needs.</b> Apart from administrators, a caller may run queries, work on
 *       a task (claim, comment, complete or submit its form with the form's own fields and nothing else), start a
 *       process through its start form, change their own password, and, by role, reassign tasks (managers) or deploy
 *       and suspend diagrams (process owners). Everything else that changes the engine (messages, signals, variables,
 *       deletions, jobs, filters, identities) is refused: the application's own API is the way to do those, and it
 *       applies the domain rules. What is not listed is refused.</li>
 * </ol>
 * Camunda's authorizations still apply to whatever passes; the gate only narrows.
 */
public class EngineApiGate extends OncePerRequestFilter {

  /** What a caller who is not an administrator may do with a request that changes something. */
  enum Permit { QUERY, WORK_ON_TASK, SUBMIT_TASK_FORM, SUBMIT_START_FORM, MANAGERS, MANAGERS_UNASSIGN, PROCESS_OWNERS, OWN_ACCOUNT }

  record Route(String method, Pattern path, Permit permit) {

    static Route of(String method, String path, Permit permit) {
      return new Route(method, Pattern.compile("^" + path + "$"), permit);
    }
  }

  private static final String ID = "([^/]+)";
  private static final String DEFINITION = "(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))";

  static final List<Route> ROUTES = List.of(
      // Queries sent as POST because their criteria do not fit in a URL
      Route.of("POST", "/(task|process-instance|execution|variable-instance|job|external-task|case-instance|case-execution)(/count)?", Permit.QUERY),
      Route.of("POST", "/filter/" + ID + "/(list|count|singleResult)", Permit.QUERY),
      Route.of("POST", "/history/(?!cleanup$)[a-z-]+(/count)?", Permit.QUERY),
      Route.of("POST", "/identity/password-policy", Permit.QUERY),
      // Working on a task
      Route.of("POST", "/task/" + ID + "/(claim|comment/create)", Permit.WORK_ON_TASK),
      Route.of("POST", "/task/" + ID + "/(complete|submit-form)", Permit.SUBMIT_TASK_FORM),
      Route.of("POST", "/process-definition/" + DEFINITION + "/submit-form", Permit.SUBMIT_START_FORM),
      // Managers allocate work, and take it off the person working on it: a statutory meeting left unassigned with one
      // click would go unseen
      Route.of("POST", "/task/" + ID + "/unclaim", Permit.MANAGERS_UNASSIGN),
      Route.of("POST", "/task/" + ID + "/(assignee|delegate|identity-links|identity-links/delete)", Permit.MANAGERS),
      Route.of("PUT", "/task/" + ID, Permit.MANAGERS),
      // Process owners revise diagrams (the engine checks what each deployment contains)
      Route.of("POST", "/deployment/create", Permit.PROCESS_OWNERS),
      Route.of("PUT", "/process-definition/(" + DEFINITION + "/)?suspended", Permit.PROCESS_OWNERS),
      Route.of("PUT", "/process-definition/" + DEFINITION + "/history-time-to-live", Permit.PROCESS_OWNERS),
      Route.of("POST", "/migration/(generate|validate|execute|executeAsync)", Permit.PROCESS_OWNERS),
      Route.of("POST", "/modification/(execute|executeAsync)", Permit.PROCESS_OWNERS),
      Route.of("POST", "/process-instance/" + ID + "/(modification|modification-async)", Permit.PROCESS_OWNERS),
      // Everyone keeps their own password and profile
      Route.of("PUT", "/user/" + ID + "/(credentials|profile)", Permit.OWN_ACCOUNT));

  private static final String UNASSIGN = "take a task off the person working on it, so that it cannot be left unseen";

  private static final Pattern TASK_ID = Pattern.compile("^/task/([^/]+)/");
  private static final Pattern START_FORM = Pattern.compile("^/process-definition/" + DEFINITION + "/submit-form$");
  private static final Pattern OWN_ACCOUNT = Pattern.compile("^/user/([^/]+)/");

  private final IdentityService identityService;
  private final DeployedFormFields formFields;

  public EngineApiGate(IdentityService identityService, DeployedFormFields formFields) {
    this.identityService = identityService;
    this.formFields = formFields;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<EngineRequest> engineRequest = EngineRequest.of(request, identityService);
    try {
      if (engineRequest.isEmpty()) {
        // A path under the engine's prefixes that names no engine resource (the list of engines): it may be read,
        // never changed, and never with an expression. Fail closed rather than pass what the gate cannot place.
        refuseExpressions(request.getQueryString(), null);
        if (!List.of("GET", "HEAD", "OPTIONS").contains(request.getMethod())) {
          throw ApiProblem.forbidden("This path names no engine resource that can be changed.");
        }
        chain.doFilter(request, response);
        return;
      }
      if (request.getHeader("X-HTTP-Method-Override") != null || request.getHeader("X-HTTP-Method") != null) {
        // The gate decides by the method it sees; a framework honouring an override would act on another.
        throw ApiProblem.invalid(List.of(new FieldProblem("X-HTTP-Method-Override", "no-method-override",
            "Send the HTTP method itself; method overrides are not accepted.")));
      }
      BufferedBody body = BufferedBody.of(request);
      JsonNode json = body.json();
      refuseExpressions(request.getQueryString(), json);
      refuseJavaObjects(json, "");
      JsonNode passed = permit(engineRequest.get(), json);
      chain.doFilter(passed == json ? body : body.withJson(passed), response);
    } catch (ApiProblem refused) {
      ProblemResponses.write(response, refused);
    }
  }

  // 1. Expressions

  static void refuseExpressions(String queryString, JsonNode json) {
    List<FieldProblem> problems = new ArrayList<>();
    if (queryString != null) {
      for (String parameter : queryString.split("&")) {
        String name = URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8);
        if (namesAnExpression(name)) {
          problems.add(expressionRefused(name));
        }
      }
    }
    collectExpressions(json, "", problems);
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
  }

  private static void collectExpressions(JsonNode node, String path, List<FieldProblem> problems) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (namesAnExpression(field.getKey())) {
          problems.add(expressionRefused(fieldPath));
        }
        collectExpressions(field.getValue(), fieldPath, problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectExpressions(node.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  /** Camunda's query fields that take an expression all end so ({@code assigneeExpression}, stored {@code expressions}). */
  private static boolean namesAnExpression(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith("expression") || lower.equals("expressions");
  }

  private static FieldProblem expressionRefused(String field) {
    return new FieldProblem(field, "no-expressions",
        field + " would make the engine evaluate an expression; expressions are never accepted from a client.");
  }

  // 2. Java objects

  static void refuseJavaObjects(JsonNode node, String path) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      if (node.has("value") && "object".equalsIgnoreCase(node.path("type").asText())) {
        String field = path.isEmpty() ? "type" : path;
        throw ApiProblem.invalid(List.of(new FieldProblem(field, "no-java-objects",
            field + " is a Java object; variables are sent as strings, numbers, booleans, dates or JSON.")));
      }
      node.fields().forEachRemaining(field ->
          refuseJavaObjects(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseJavaObjects(node.get(i), path + "[" + i + "]");
      }
    }
  }

  // 3. What staff may change

  /** The body to pass on (display-only form fields removed), or a refusal. */
  private JsonNode permit(EngineRequest request, JsonNode json) {
    if (!request.isWrite()) {
      return json;
    }
    Optional<Caller> caller = request.caller();
    if (caller.isEmpty()) {
      // Nobody is logged in: the engine's or the webapp's own authentication answers 401.
      return json;
    }
    if (caller.get().isAdministrator()) {
      return json;
    }
    Permit permit = ROUTES.stream()
        .filter(route -> route.method().equals(request.method()) && route.path().matcher(request.path()).matches())
        .map(Route::permit)
        .findFirst()
        .orElseThrow(() -> ApiProblem.forbidden(
            "This change cannot be made through the engine's API by your role; use the application's own screens or API."));
    return switch (permit) {
      case QUERY, WORK_ON_TASK -> json;
      case SUBMIT_TASK_FORM -> {
        Optional<String> taskId = taskId(request.path());
        yield onlyFormFields(json, taskId.flatMap(formFields::ofTask), "this task's form",
            name -> formFields.shownValue(taskId.get(), name));
      }
      case SUBMIT_START_FORM -> {
        Matcher definition = START_FORM.matcher(request.path());
        definition.matches();
        // A start form has nothing to show yet: a read-only field can only be sent empty.
        yield onlyFormFields(json, formFields.ofStartForm(definition.group(2), definition.group(1)), "the start form",
            name -> null);
      }
      case MANAGERS -> {
        // Tasklist's "reset assignee" sends an assignee of null: the same as unclaiming, and said so.
        JsonNode newAssignee = json == null ? null : json.get("userId");
        boolean unassign = request.path().endsWith("/assignee") && (newAssignee == null || newAssignee.isNull());
        CallerRoles.requireAny(caller.get().groupIds(), EnumSet.of(Role.TEAM_MANAGERS, Role.SENIOR_MANAGERS),
            unassign ? UNASSIGN : "reassign tasks");
        yield json;
      }
      case MANAGERS_UNASSIGN -> {
        CallerRoles.requireAny(caller.get().groupIds(), EnumSet.of(Role.TEAM_MANAGERS, Role.SENIOR_MANAGERS), UNASSIGN);
        yield json;
      }
      case PROCESS_OWNERS -> {
        CallerRoles.requireAny(caller.get().groupIds(), EnumSet.of(Role.PROCESS_OWNERS), "change diagrams");
        yield json;
      }
      case OWN_ACCOUNT -> {
        Matcher user = OWN_ACCOUNT.matcher(request.path());
        if (!user.find() || !user.group(1).equals(caller.get().userId())) {
          throw ApiProblem.forbidden("Only administrators change another person's account.");
        }
        yield json;
      }
    };
  }

  private static Optional<String> taskId(String path) {
    Matcher task = TASK_ID.matcher(path);
    return task.find() ? Optional.of(task.group(1)) : Optional.empty();
  }

  /**
   * A completion may set the fields its form writes and nothing else: not the journey's team manager, not a figure
   * the report counts. A read-only field may come back with the value the form showed (it is then dropped, since the
   * form never writes it); sent with another value, it is refused like any field that is not on the form.
   */
  private static JsonNode onlyFormFields(JsonNode json, Optional<DeployedFormFields.Fields> form, String formName,
      Function<String, Object> shownValue) {
    if (form.isEmpty()) {
      // No such task or definition: the engine answers 404 itself.
      return json;
    }
    JsonNode variables = json == null ? null : json.get("variables");
    if (variables == null || variables.isNull()) {
      return json;
    }
    if (!variables.isObject()) {
      throw ApiProblem.invalid(List.of(new FieldProblem("variables", "type", "variables must be an object of named values.")));
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<String> displayOnly = new ArrayList<>();
    variables.fieldNames().forEachRemaining(name -> {
      if (form.get().displayOnlyKeys().contains(name)) {
        if (!sameValue(variables.get(name), shownValue.apply(name))) {
          problems.add(new FieldProblem("variables." + name, "read-only",
              name + " is shown read-only on " + formName + "; it cannot be changed there."));
        }
        displayOnly.add(name);
      } else if (!form.get().inputKeys().contains(name)) {
        problems.add(new FieldProblem("variables." + name, "not-on-form",
            name + " is not a field of " + formName + "; a form sets only the fields it asks for."));
      }
    });
    if (!problems.isEmpty()) {
      throw ApiProblem.invalid(problems);
    }
    if (displayOnly.isEmpty()) {
      return json;
    }
    ObjectNode passed = json.deepCopy();
    ((ObjectNode) passed.get("variables")).remove(displayOnly);
    return passed;
  }

  /** Whether a submitted variable ({"value": ..., "type": ...}) carries the value shown. */
  private static boolean sameValue(JsonNode submitted, Object shown) {
    JsonNode value = submitted == null ? null : submitted.get("value");
    if (value == null || value.isNull()) {
      return shown == null;
    }
    return shown != null && (value.isValueNode() ? value.asText() : value.toString()).equals(String.valueOf(shown));
  }

  /** The request's body read once, so that the gate can look at it and the engine can still read it. */
  static final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] bytes;
    private final JsonNode json;

    private BufferedBody(HttpServletRequest request, byte[] bytes, JsonNode json) {
      super(request);
      this.bytes = bytes;
      this.json = json;
    }

    static BufferedBody of(HttpServletRequest request) throws IOException {
      String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
      if (!contentType.contains("json")) {
        // Multipart deployments and bodiless requests pass as they are; the engine reads no JSON from them.
        return new BufferedBody(request, null, null);
      }
      byte[] bytes = request.getInputStream().readAllBytes();
      if (bytes.length == 0) {
        return new BufferedBody(request, bytes, null);
      }
      try {
        return new BufferedBody(request, bytes, Json.MAPPER.readTree(bytes));
      } catch (JsonParseException e) {
        // Duplicate keys included: which one would the engine have taken?
        throw ApiProblem.invalid(List.of(new FieldProblem("body", "json",
            "The request body is not valid JSON" + (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                ? " (a field appears twice)." : "."))));
      }
    }

    JsonNode json() {
      return json;
    }

    BufferedBody withJson(JsonNode replaced) throws IOException {
      return new BufferedBody((HttpServletRequest) getRequest(), Json.MAPPER.writeValueAsBytes(replaced), replaced);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (bytes == null) {
        return super.getInputStream();
      }
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body has already been read");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      if (bytes == null) {
        return super.getReader();
      }
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return bytes == null ? super.getContentLength() : bytes.length;
    }

    @Override
    public long getContentLengthLong() {
      return bytes == null ? super.getContentLengthLong() : bytes.length;
    }
  }
}
