package org.safeguardingworkflows.tasks;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.safeguardingworkflows.platform.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda's REST API puts the task's id in front of every refusal of a completion ("Cannot submit task form
 * 3f2a...-11f1: Please correct the form: ..."), and Tasklist shows that message to the practitioner as it is. The
 * sentence after the id is the application's own, written for them; this filter takes the id-laden prefix off the
 * {@code message} of a refused change (4xx) on the engine's REST API and Tasklist's. Nothing else in the answer changes.
 */
@Configuration
class RefusalsNameNoIds {

  /** "Cannot complete task <id>: ", "Cannot submit task form <id>: ", "Cannot claim task <id>: "... */
  static final Pattern ENGINE_PREFIX = Pattern.compile("^Cannot [A-Za-z ]+ [0-9a-fA-F-]{8,}: ");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> refusalsWithoutEngineIdsFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if ("GET".equals(request.getMethod())) {
          chain.doFilter(request, response); // Reads are passed as they stream: only refused changes are reworded.
          return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        if (answer.getStatus() >= 400 && answer.getStatus() < 500 && answer.getContentType() != null
            && answer.getContentType().contains("json")) {
          reword(answer);
        }
        answer.copyBodyToResponse();
      }
    });
    registration.setName("refusals-name-no-ids");
    // After authentication, before the gate: it rewords whatever the gate or the engine answered.
    registration.setOrder(5);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }

  private static void reword(ContentCachingResponseWrapper answer) throws IOException {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(answer.getContentAsByteArray());
    } catch (IOException notJson) {
      return;
    }
    if (body instanceof ObjectNode object && object.path("message").isTextual()) {
      String message = object.path("message").asText();
      String reworded = ENGINE_PREFIX.matcher(message).replaceFirst("");
      if (!reworded.equals(message)) {
        object.put("message", reworded);
        answer.resetBuffer();
        answer.getOutputStream().write(Json.MAPPER.writeValueAsBytes(object));
      }
    }
  }
}
