package org.safeguardingworkflows.supervisionorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * A supervision order's dates (Children Act 1989, Schedule 3 para 6: up to one year, extendable to three years from
 * the date it was made): when it ends, how far an extension may take it, and when the extension decision is due.
 */
class OrderDatesTest {

  private static final LocalDate MADE = LocalDate.of(2026, 1, 31);

  private final SupervisionOrderSettings settings = settings();

  @Test
  void anOrderEndsItsLengthInMonthsAfterItWasMade() {
    assertThat(OrderDates.end(MADE, 12)).isEqualTo(LocalDate.of(2027, 1, 31));
    // A month without the 31st ends on its last day.
    assertThat(OrderDates.end(MADE, 1)).isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void noExtensionMayGoBeyondThreeYearsFromTheDateTheOrderWasMade() {
    assertThat(OrderDates.latestPermittedEnd(MADE, settings)).isEqualTo(LocalDate.of(2029, 1, 31));
  }

  @Test
  void theExtensionIsDecidedThreeMonthsAndEscalatedOneMonthBeforeTheOrderExpires() {
    LocalDate end = OrderDates.end(MADE, 12);

    assertThat(OrderDates.extensionDecisionDue(MADE, end, settings)).isEqualTo(LocalDate.of(2026, 10, 31));
    assertThat(OrderDates.extensionEscalationDue(MADE, end, settings)).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void aShortOrderHasItsExtensionDecidedFromTheDayItIsMadeNeverBefore() {
    LocalDate end = OrderDates.end(MADE, 2);

    assertThat(OrderDates.extensionDecisionDue(MADE, end, settings)).isEqualTo(MADE);
    assertThat(OrderDates.extensionEscalationDue(MADE, end, settings)).isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void datesAreWrittenInWordsForTheForms() {
    assertThat(OrderDates.inWords(LocalDate.of(2027, 3, 5))).isEqualTo("5 March 2027");
  }

  private static SupervisionOrderSettings settings() {
    SupervisionOrderSettings settings = new SupervisionOrderSettings();
    settings.setAbsoluteLimit("P3Y");
    settings.setExtensionDecisionBeforeExpiry("P3M");
    settings.setExtensionEscalationBeforeExpiry("P1M");
    return settings;
  }
}
