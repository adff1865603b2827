package org.safeguardingworkflows.pages;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The application's pages ({@code /pages/*}) are opened from Tasklist and Cockpit, so they use the same login: the
 * webapps' session. The member of staff logged in there becomes the engine's current authentication for the request,
 * so that every rule about who may see a child ({@code children/ChildVisibility}) applies exactly as in the API. No
 * session, no page (401, with a link to log in); the API's HTTP Basic is not accepted here, so a page can never be
 * opened with credentials a browser remembered for the API.
 */
@Configuration
public class PagesLogin {

  static final String ENGINE = "default";

  @Bean
  FilterRegistrationBean<Filter> pagesBehindTheWebappLogin(IdentityService identityService) {
    Filter filter = (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      HttpServletResponse answer = (HttpServletResponse) response;
      answer.setHeader("Cache-Control", "no-store");
      UserAuthentication user = loggedIn(http.getSession(false));
      if (user == null) {
        answer.setStatus(HttpStatus.UNAUTHORIZED.value());
        answer.setContentType(StaffPage.HTML);
        answer.getWriter().write("""
            <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Log in first</title></head>
            <body><main><h1>Log in first</h1><p><a href="/camunda/app/tasklist/">Log in to Tasklist</a>, then open this page again.</p>
            <p><a href="/accessibility-statement.html">Accessibility statement</a></p></main></body></html>""");
        return;
      }
      identityService.setAuthentication(user.getName(), user.getGroupIds() == null ? List.of() : user.getGroupIds(),
          user.getTenantIds());
      try {
        chain.doFilter(request, response);
      } finally {
        identityService.clearAuthentication();
      }
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("pages-behind-the-webapp-login");
    registration.addUrlPatterns("/pages/*");
    return registration;
  }

  private static UserAuthentication loggedIn(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
        ? user : null;
  }
}
