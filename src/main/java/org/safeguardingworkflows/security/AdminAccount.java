package org.safeguardingworkflows.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.safeguardingworkflows.platform.StartUpStep;
import org.springframework.stereotype.Component;

/**
 * Makes sure the administrator exists and is a direct member of {@code camunda-admin} (which also keeps
 * the webapps' first-user setup page closed). An existing administrator's password is never overwritten.
 */
@Component
public class AdminAccount implements StartUpStep {

  private final IdentityService identityService;
  private final AdminAccountProperties properties;

  public AdminAccount(IdentityService identityService, AdminAccountProperties properties) {
    this.identityService = identityService;
    this.properties = properties;
  }

  @Override
  public String name() {
    return "administrator";
  }

  @Override
  public void run() {
    if (!properties.isComplete()) {
      throw new MissingAdminAccountException(
          "No administrator account: set ADMIN_USER and ADMIN_PASSWORD (there is no default password outside the demo profile).");
    }
    String userId = properties.user();
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      PasswordPolicyResult policy = identityService.checkPasswordAgainstPolicy(properties.password());
      if (!policy.isValid()) {
        throw new MissingAdminAccountException(
            "ADMIN_PASSWORD does not meet the password policy (at least 10 characters with upper and lower case, a digit and a symbol).");
      }
      User admin = identityService.newUser(userId);
      admin.setFirstName("Service");
      admin.setLastName("Administrator");
      admin.setPassword(properties.password());
      identityService.saveUser(admin);
    }
    // Failed logins only delay the next attempt (see application.yaml, login-delay-*), but a restart always lets
    // the administrator straight back in: the documented way in when the account is being attacked.
    identityService.unlockUser(userId);
    boolean isMember = identityService.createUserQuery().userId(userId).memberOfGroup(Role.ADMINS.groupId()).count() > 0;
    if (!isMember) {
      identityService.createMembership(userId, Role.ADMINS.groupId());
    }
  }
}
