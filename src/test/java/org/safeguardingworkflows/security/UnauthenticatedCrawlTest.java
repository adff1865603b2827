package org.safeguardingworkflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.ws.rs.Path;

/**
 * Without credentials nothing answers but health: every domain API mapping, every engine REST resource, the
 * webapps' APIs and every actuator endpoint are called anonymously and must refuse (401, or 302 to a login).
 * The lists are read from the running application, so a new endpoint is crawled without editing this test.
 */
@ApplicationTest
class UnauthenticatedCrawlTest {

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired WebEndpointsSupplier actuatorEndpoints;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void everyEndpointButHealthRefusesAnAnonymousCaller() throws Exception {
    Map<String, String> endpoints = new TreeMap<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      if (handler.getBeanType().getPackageName().startsWith("org.safeguardingworkflows")) {
        String method = info.getMethodsCondition().getMethods().isEmpty() ? "GET"
            : info.getMethodsCondition().getMethods().iterator().next().name();
        info.getPatternValues().forEach(pattern -> endpoints.put(pattern.replaceAll("\\{[^}]+}", "C-1"), method));
      }
    });
    assertThat(endpoints).as("domain API mappings found").isNotEmpty();
    for (Method resource : DefaultProcessEngineRestServiceImpl.class.getMethods()) {
      Path path = resource.getAnnotation(Path.class);
      if (path != null) {
        endpoints.put("/engine-rest" + path.value(), "GET");
      }
    }
    endpoints.put("/engine-rest/engine", "GET");
    endpoints.put("/engine-rest/engine/default/process-definition", "GET");
    for (String webappApi : List.of("/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/process-instance",
        "/camunda/api/engine/engine/default/user", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
        "/camunda/api/tasklist/plugin/tasklist-process-definition/default/process-definition")) {
      endpoints.put(webappApi, "GET");
    }
    actuatorEndpoints.getEndpoints().forEach(endpoint -> endpoints.put("/actuator/" + endpoint.getEndpointId().toLowerCaseString(), "GET"));
    endpoints.put("/actuator", "GET");

    List<String> answered = new ArrayList<>();
    for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
      int status = call(endpoint.getValue(), endpoint.getKey());
      boolean health = endpoint.getKey().startsWith("/actuator/health");
      boolean refused = status == 401 || status == 403 || status == 302;
      if (health ? status != 200 : !refused) {
        answered.add(endpoint.getValue() + " " + endpoint.getKey() + " -> " + status);
      }
    }
    assertThat(answered).as("endpoints that answered an anonymous caller (of " + endpoints.size() + " crawled)").isEmpty();
    assertThat(endpoints.size()).isGreaterThan(40);
  }

  private int call(String method, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{}");
    request = switch (method) {
      case "POST" -> request.header("Content-Type", "application/json").POST(body);
      case "PUT" -> request.header("Content-Type", "application/json").PUT(body);
      case "DELETE" -> request.DELETE();
      default -> request.GET();
    };
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
