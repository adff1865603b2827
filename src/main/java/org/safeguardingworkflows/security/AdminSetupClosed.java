package org.safeguardingworkflows.security;

import java.io.IOException;
import java.util.List;

import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Admin webapp's first-user setup creates an administrator without logging in whenever {@code camunda-admin} has
 * no direct member (CVE-2026-77226), and a membership can be removed at run time. The administrator here comes from
 * {@link AdminAccount} at start-up, so the setup endpoint has no use: it is closed in every profile, always, whatever
 * the state of the group.
 */
@Configuration
public class AdminSetupClosed {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> adminSetupClosedFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws IOException {
        ProblemResponses.write(response, new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden",
            "First-user setup is closed: the administrator is created from ADMIN_USER and ADMIN_PASSWORD at start-up.",
            List.of()));
      }
    });
    registration.setName("admin-setup-closed");
    registration.setOrder(ApiAuthentication.AUTHENTICATION_ORDER);
    registration.addUrlPatterns("/camunda/api/admin/setup/*", "/camunda/app/admin/*/setup/*");
    return registration;
  }
}
