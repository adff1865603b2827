package org.safeguardingworkflows.platform.web;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;

/**
 * What the application's Cockpit plugins share: the Cockpit user of the engine (Cockpit's own login, no stored
 * credentials), answers written by the same object mapper as the application's API, and refusals as the same
 * problem+json. Jersey creates the resources, not Spring, so the application's beans come from the servlet context.
 */
public abstract class CockpitPluginResource extends AbstractCockpitPluginRootResource {

  protected static final String JSON = "application/json";
  protected static final String PROBLEM_JSON = "application/problem+json";

  protected CockpitPluginResource(String pluginId) {
    super(pluginId);
  }

  /** The user logged in to Cockpit for this engine, or null. */
  protected static UserAuthentication cockpitUser(String engine) {
    Authentications authentications = Authentications.getCurrent();
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine);
    return user instanceof UserAuthentication known ? known : null;
  }

  protected Response problem(ApiProblem problem) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
    body.setTitle(problem.title());
    if (!problem.fieldProblems().isEmpty()) {
      body.setProperty("errors", problem.fieldProblems());
    }
    return Response.status(problem.status().value()).type(PROBLEM_JSON).entity(json(body)).build();
  }

  protected String json(Object value) {
    try {
      return bean(ObjectMapper.class).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The answer could not be written as JSON", e);
    }
  }

  protected <T> T bean(Class<T> type) {
    WebApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return context.getBean(type);
  }
}
