package org.safeguardingworkflows.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  @Test
  void aProcessNamedInThePolicyHasItsOwnTimeAndEveryOtherTheDefault() {
    RetentionPolicy policy = new RetentionPolicy(9125, Map.of("concernReview", 3650));
    assertThat(policy.daysFor("concernReview")).isEqualTo(3650);
    assertThat(policy.daysFor("stepDownFromProtection")).isEqualTo(9125);
    assertThat(new RetentionPolicy(9125, null).daysFor("anything")).isEqualTo(9125);
  }

  @Test
  void aTimeToLiveUnderOneDayIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new RetentionPolicy(0, Map.of())).hasMessageContaining("at least one day");
    assertThatThrownBy(() -> new RetentionPolicy(9125, Map.of("concernReview", -1))).hasMessageContaining("at least one day");
  }
}
