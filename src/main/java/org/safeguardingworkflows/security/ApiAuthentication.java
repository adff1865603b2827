package org.safeguardingworkflows.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against the engine's own users for the Camunda REST API and the domain API. The engine's filter
 * also sets the engine's current authentication for the request, so Camunda authorizations apply to
 * everything done on the caller's behalf, and repeated wrong passwords lock the account as the engine does.
 */
@Configuration
public class ApiAuthentication {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EveryRequestAuthenticated());
    registration.setName("engine-authentication");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  /** The engine's filter lets {@code /engine-rest/engine} (the list of engines) through unauthenticated; we do not. */
  static class EveryRequestAuthenticated extends ProcessEngineAuthenticationFilter {

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }
  }
}
