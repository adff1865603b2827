package org.safeguardingworkflows.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A date in a sentence a practitioner reads: dd/mm/yyyy, as the forms show and take dates in English (UK). The ISO
 * form the variables hold (2026-03-15) reads as a code to most people.
 */
public final class ShownDate {

  private static final DateTimeFormatter DD_MM_YYYY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private ShownDate() {
  }

  public static String of(LocalDate date) {
    return date == null ? "" : date.format(DD_MM_YYYY);
  }
}
