package org.safeguardingworkflows.children;

import java.util.List;

import org.safeguardingworkflows.security.Role;

/**
 * The people who hold a child: the allocated social worker, the team manager and the IRO. Each names the process
 * variables that say who holds it in a diagram (a diagram uses those it needs), and the staff role the holder must
 * have.
 */
public enum ChildRole {
  SOCIAL_WORKER(Role.SOCIAL_WORKERS, List.of("allocatedWorker")),
  TEAM_MANAGER(Role.TEAM_MANAGERS, List.of("teamManager")),
  IRO(Role.IROS, List.of("iro", "chair"));

  private final Role staffRole;
  private final List<String> processVariables;

  ChildRole(Role staffRole, List<String> processVariables) {
    this.staffRole = staffRole;
    this.processVariables = processVariables;
  }

  public Role staffRole() {
    return staffRole;
  }

  public List<String> processVariables() {
    return processVariables;
  }

  public static boolean isName(String value) {
    for (ChildRole role : values()) {
      if (role.name().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
