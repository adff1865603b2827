package org.safeguardingworkflows.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the service is reached. {@code https=true} (the default, and what production needs) marks session and
 * CSRF cookies Secure and sends HSTS; set {@code SAFEGUARDING_HTTPS=false} only for local plain-HTTP use, as the
 * demo profile does.
 *
 * @param https whether users reach the service over HTTPS
 * @param hstsMaxAgeSeconds how long browsers must remember to use HTTPS only
 */
@ConfigurationProperties("safeguarding.transport")
public record TransportSecurityProperties(boolean https, long hstsMaxAgeSeconds) {}
