package org.safeguardingworkflows.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator account. Outside the demo profile it comes only from the environment
 * ({@code ADMIN_USER}, {@code ADMIN_PASSWORD}); there is no default password.
 */
@ConfigurationProperties("safeguarding.admin")
public record AdminAccountProperties(String user, String password) {

  boolean isComplete() {
    return user != null && !user.isBlank() && password != null && !password.isBlank();
  }
}
