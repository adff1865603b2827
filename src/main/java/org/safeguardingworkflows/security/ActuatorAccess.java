package org.safeguardingworkflows.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Health stays open for load balancers and orchestrators (it shows no details); every other actuator endpoint
 * (info, metrics) needs an administrator's HTTP Basic login.
 */
@Configuration
public class ActuatorAccess {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> actuatorAdministratorsOnly(IdentityService identityService) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/actuator/health") || path.startsWith("/actuator/health/") || isAdministrator(request, identityService)) {
          chain.doFilter(request, response);
        } else {
          response.setHeader("WWW-Authenticate", "Basic realm=\"safeguarding-workflows\"");
          response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
      }
    });
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setName("actuator-administrators-only");
    return registration;
  }

  private static boolean isAdministrator(HttpServletRequest request, IdentityService identityService) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = credentials.indexOf(':');
    if (colon < 1) {
      return false;
    }
    String userId = credentials.substring(0, colon);
    return identityService.checkPassword(userId, credentials.substring(colon + 1))
        && identityService.createUserQuery().userId(userId).memberOfGroup(Role.ADMINS.groupId()).count() > 0;
  }
}
