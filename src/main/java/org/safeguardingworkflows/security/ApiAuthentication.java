package org.safeguardingworkflows.security;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.ProblemResponses;
import org.safeguardingworkflows.tasks.DeployedFormFields;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic against the engine's own users for the Camunda REST API and the domain API, then the
 * {@link EngineApiGate} on every door into the engine. The engine's filter sets the engine's current authentication
 * for the request, so Camunda authorizations apply to everything done on the caller's behalf; the gate runs after it,
 * so it knows who is asking. The order is explicit because the gate's decisions depend on it.
 */
@Configuration
public class ApiAuthentication {

  static final int AUTHENTICATION_ORDER = 0;
  static final int GATE_ORDER = AUTHENTICATION_ORDER + 10;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EveryRequestAuthenticated());
    registration.setName("engine-authentication");
    registration.setOrder(AUTHENTICATION_ORDER);
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineApiGate> engineApiGate(IdentityService identityService, DeployedFormFields formFields) {
    FilterRegistrationBean<EngineApiGate> registration =
        new FilterRegistrationBean<>(new EngineApiGate(identityService, formFields));
    registration.setName("engine-api-gate");
    registration.setOrder(GATE_ORDER);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }

  /**
   * The engine's filter lets {@code /engine-rest/engine} (the list of engines) through unauthenticated; we do not.
   * Its 401 has no body: on the domain API it gets the same problem+json as every other refusal.
   */
  static class EveryRequestAuthenticated extends ProcessEngineAuthenticationFilter {

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      super.doFilter(request, response, chain);
      HttpServletResponse httpResponse = (HttpServletResponse) response;
      if (httpResponse.getStatus() == HttpStatus.UNAUTHORIZED.value() && !httpResponse.isCommitted()
          && ((HttpServletRequest) request).getServletPath().startsWith("/api")) {
        ProblemResponses.write(httpResponse, new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized",
            "Log in with your staff account (HTTP Basic) to use this API.", java.util.List.of()));
      }
    }
  }
}
