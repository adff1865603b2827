package org.safeguardingworkflows.repeaticpc;

import java.util.Arrays;

/**
 * The framework chosen by the four-party discussion (briefing point 7: "the most appropriate framework"), and the
 * framework each party recommends in their view.
 */
public enum Decision {
  /** Hold the repeat initial child protection conference. */
  ICPC,
  /** A legal planning meeting / pre-proceedings (PLO) instead of a conference. */
  LEGAL_ROUTE,
  /** Hold the conference and start legal planning alongside it. */
  ICPC_AND_LEGAL_ROUTE,
  /** No conference, for example an enhanced child in need plan. */
  NO_CONFERENCE;

  public boolean includesConference() {
    return this == ICPC || this == ICPC_AND_LEGAL_ROUTE;
  }

  public static boolean isCode(Object value) {
    return value != null && Arrays.stream(values()).anyMatch(d -> d.name().equals(value.toString()));
  }
}
