package org.safeguardingworkflows.repeaticpc;

import org.safeguardingworkflows.platform.ProcessVariable;
import java.util.Arrays;
import java.util.Optional;

import org.safeguardingworkflows.security.Role;

/**
 * The four views the briefing asks for before a repeat ICPC (point 7): team manager, senior manager, IRO and legal
 * representative. Each is a user task of its own that only a holder of the role can complete.
 */
public enum FourPartyView {
  TEAM_MANAGER(RepeatIcpcVariables.Elements.TEAM_MANAGER_VIEW, Role.TEAM_MANAGERS, "teamManager", "team manager",
      RepeatIcpcVariables.TEAM_MANAGER_THRESHOLD, RepeatIcpcVariables.TEAM_MANAGER_FRAMEWORK,
      RepeatIcpcVariables.TEAM_MANAGER_REASONS, RepeatIcpcVariables.TEAM_MANAGER_VIEW_BY),
  SENIOR_MANAGER(RepeatIcpcVariables.Elements.SENIOR_MANAGER_VIEW, Role.SENIOR_MANAGERS, "seniorManager", "senior manager",
      RepeatIcpcVariables.SENIOR_MANAGER_THRESHOLD, RepeatIcpcVariables.SENIOR_MANAGER_FRAMEWORK,
      RepeatIcpcVariables.SENIOR_MANAGER_REASONS, RepeatIcpcVariables.SENIOR_MANAGER_VIEW_BY),
  IRO(RepeatIcpcVariables.Elements.IRO_VIEW, Role.IROS, "iro", "IRO",
      RepeatIcpcVariables.IRO_THRESHOLD, RepeatIcpcVariables.IRO_FRAMEWORK,
      RepeatIcpcVariables.IRO_REASONS, RepeatIcpcVariables.IRO_VIEW_BY),
  LEGAL(RepeatIcpcVariables.Elements.LEGAL_VIEW, Role.LEGAL, "legal", "legal representative",
      RepeatIcpcVariables.LEGAL_THRESHOLD, RepeatIcpcVariables.LEGAL_FRAMEWORK,
      RepeatIcpcVariables.LEGAL_REASONS, RepeatIcpcVariables.LEGAL_VIEW_BY);

  /** Threshold answers in a view. */
  public enum Threshold { MET, NOT_MET }

  private final String taskKey;
  private final Role role;
  private final String apiKey;
  private final String label;
  private final ProcessVariable<String> threshold;
  private final ProcessVariable<String> framework;
  private final ProcessVariable<String> reasons;
  private final ProcessVariable<String> viewBy;

  FourPartyView(String taskKey, Role role, String apiKey, String label, ProcessVariable<String> threshold,
      ProcessVariable<String> framework, ProcessVariable<String> reasons, ProcessVariable<String> viewBy) {
    this.taskKey = taskKey;
    this.role = role;
    this.apiKey = apiKey;
    this.label = label;
    this.threshold = threshold;
    this.framework = framework;
    this.reasons = reasons;
    this.viewBy = viewBy;
  }

  public String taskKey() { return taskKey; }
  public Role role() { return role; }
  public String label() { return label; }
  /** e.g. {@code iroViewBy}: who gave the view, recorded by the process, never by the form. */
  public ProcessVariable<String> viewByVariable() { return viewBy; }
  public ProcessVariable<String> thresholdVariable() { return threshold; }
  public ProcessVariable<String> frameworkVariable() { return framework; }
  public ProcessVariable<String> reasonsVariable() { return reasons; }
  /** The key the API uses for this view. */
  public String apiKey() { return apiKey; }

  public static Optional<FourPartyView> ofTask(String taskDefinitionKey) {
    return Arrays.stream(values()).filter(view -> view.taskKey.equals(taskDefinitionKey)).findFirst();
  }
}
