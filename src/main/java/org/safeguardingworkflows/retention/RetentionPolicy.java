package org.safeguardingworkflows.retention;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the engine keeps a finished journey's history (its tasks, variables and the record of who did what) before
 * the nightly history clean-up removes it: the council's retention policy, in days after the journey ended.
 *
 * @param historyTimeToLiveDays every process's history time to live, unless {@code perProcess} names it
 * @param perProcess a different time to live for some processes, by process key
 */
@ConfigurationProperties("safeguarding.retention")
public record RetentionPolicy(int historyTimeToLiveDays, Map<String, Integer> perProcess) {

  public RetentionPolicy {
    perProcess = perProcess == null ? Map.of() : Map.copyOf(perProcess);
    if (historyTimeToLiveDays < 1 || perProcess.values().stream().anyMatch(days -> days == null || days < 1)) {
      throw new IllegalArgumentException("safeguarding.retention: every history time to live must be at least one day");
    }
  }

  /** The history time to live, in days, of the process with this key. */
  public int daysFor(String processKey) {
    return perProcess.getOrDefault(processKey, historyTimeToLiveDays);
  }
}
