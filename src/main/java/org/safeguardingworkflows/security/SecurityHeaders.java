package org.safeguardingworkflows.security;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security headers on every response, the APIs included (the webapps add their own on top): no MIME sniffing,
 * no framing, no caching of children's data in browsers or proxies, and HSTS when served over HTTPS.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders extends OncePerRequestFilter {

  private final TransportSecurityProperties transport;

  public SecurityHeaders(TransportSecurityProperties transport) {
    this.transport = transport;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    if (transport.https()) {
      response.setHeader("Strict-Transport-Security", "max-age=" + transport.hstsMaxAgeSeconds() + "; includeSubDomains");
    }
    chain.doFilter(request, response);
  }
}
