package org.safeguardingworkflows.security;

import org.camunda.bpm.engine.IdentityService;
import java.util.List;

import org.safeguardingworkflows.platform.SystemAccess;
import org.safeguardingworkflows.platform.SystemAccess.Reason;
import org.safeguardingworkflows.platform.validation.FieldRules;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.springframework.stereotype.Component;

/** Who works here and in which role: answers for validation, whatever the asking user may list themselves. */
@Component
public class Staff {

  private final IdentityService identityService;
  private final SystemAccess systemAccess;

  public Staff(IdentityService identityService, SystemAccess systemAccess) {
    this.identityService = identityService;
    this.systemAccess = systemAccess;
  }

  /**
   * For a login id that arrives outside a request record ({@link StaffInRole} is the rule on a record's field):
   * checks that a field names a member of staff who holds the role: "required" or "staff-in-role" otherwise. Someone
   * who is not staff and someone in another role get the same answer, so that refusals do not tell a caller who
   * works here.
   */
  public void check(String userId, String field, Role role, List<FieldProblem> problems) {
    if (userId == null || userId.isBlank()) {
      problems.add(new FieldProblem(field, "required", field + " " + FieldRules.REQUIRED));
    } else if (!hasRole(userId, role)) {
      problems.add(new FieldProblem(field, "staff-in-role",
          field + " " + StaffInRole.MESSAGE.replace("{role}", StaffInRole.Check.inWords(role))));
    }
  }

  public boolean exists(String userId) {
    return userId != null && !userId.isBlank()
        && systemAccess.call(Reason.STAFF_DIRECTORY, () -> identityService.createUserQuery().userId(userId).count() > 0);
  }

  public boolean hasRole(String userId, Role role) {
    return userId != null && !userId.isBlank()
        && systemAccess.call(Reason.STAFF_DIRECTORY, () -> identityService.createUserQuery().userId(userId).memberOfGroup(role.groupId()).count() > 0);
  }
}
