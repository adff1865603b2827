package org.safeguardingworkflows.security;

import java.util.Arrays;
import java.util.List;

/**
 * The roles of the service, as Camunda groups. Candidate groups on user tasks use exactly these ids.
 */
public enum Role {
  SOCIAL_WORKERS("social-workers", "Social workers"),
  TEAM_MANAGERS("team-managers", "Team managers"),
  SENIOR_MANAGERS("senior-managers", "Senior managers"),
  IROS("iros", "Independent reviewing officers"),
  LEGAL("legal", "Legal representatives"),
  CONFERENCE_COORDINATORS("conference-coordinators", "Conference coordinators"),
  PROCESS_OWNERS("process-owners", "Process owners"),
  ADMINS("camunda-admin", "Administrators");

  private final String groupId;
  private final String displayName;

  Role(String groupId, String displayName) {
    this.groupId = groupId;
    this.displayName = displayName;
  }

  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
  }

  public static List<String> groupIds() {
    return Arrays.stream(values()).map(Role::groupId).toList();
  }
}
