package org.safeguardingworkflows.repeaticpc;

import java.util.Arrays;
import java.util.Optional;

import org.safeguardingworkflows.security.Role;

/**
 * The four views the briefing asks for before a repeat ICPC (point 7): team manager, senior manager, IRO and legal
 * representative. Each is a user task of its own that only a holder of the role can complete.
 */
public enum FourPartyView {
  TEAM_MANAGER("Task_TeamManagerView", Role.TEAM_MANAGERS, "teamManager", "team manager"),
  SENIOR_MANAGER("Task_SeniorManagerView", Role.SENIOR_MANAGERS, "seniorManager", "senior manager"),
  IRO("Task_IroView", Role.IROS, "iro", "IRO"),
  LEGAL("Task_LegalView", Role.LEGAL, "legal", "legal representative");

  /** Threshold answers in a view. */
  public enum Threshold { MET, NOT_MET }

  private final String taskKey;
  private final Role role;
  private final String prefix;
  private final String label;

  FourPartyView(String taskKey, Role role, String prefix, String label) {
    this.taskKey = taskKey;
    this.role = role;
    this.prefix = prefix;
    this.label = label;
  }

  public String taskKey() { return taskKey; }
  public Role role() { return role; }
  public String label() { return label; }
  /** e.g. {@code iroViewBy}: who gave the view, recorded by the process, never by the form. */
  public String viewByVariable() { return prefix + "ViewBy"; }
  public String thresholdVariable() { return prefix + "Threshold"; }
  public String frameworkVariable() { return prefix + "Framework"; }
  public String reasonsVariable() { return prefix + "Reasons"; }
  /** The key the API uses for this view. */
  public String apiKey() { return prefix; }

  public static Optional<FourPartyView> ofTask(String taskDefinitionKey) {
    return Arrays.stream(values()).filter(view -> view.taskKey.equals(taskDefinitionKey)).findFirst();
  }
}
