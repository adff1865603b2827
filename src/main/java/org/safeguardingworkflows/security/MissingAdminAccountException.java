package org.safeguardingworkflows.security;

/** Start-up cannot continue without a usable administrator account. */
public class MissingAdminAccountException extends RuntimeException {

  public MissingAdminAccountException(String message) {
    super(message);
  }
}
