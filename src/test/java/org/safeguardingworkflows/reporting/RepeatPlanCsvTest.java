package org.safeguardingworkflows.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The report's cells as a spreadsheet reads them: figures as written, text never taken for a formula. */
class RepeatPlanCsvTest {

  @Test
  void figuresAreWrittenPlainAndNothingIsEmpty() {
    assertThat(RepeatPlanCsv.cell(new BigDecimal("1E+1"))).isEqualTo("10");
    assertThat(RepeatPlanCsv.cell(-3L)).isEqualTo("-3");
    assertThat(RepeatPlanCsv.cell(null)).isEmpty();
  }

  @Test
  void textThatASpreadsheetWouldRunAsAFormulaIsKeptAsText() {
    assertThat(RepeatPlanCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(RepeatPlanCsv.cell("+44")).isEqualTo("'+44");
    assertThat(RepeatPlanCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(RepeatPlanCsv.cell("repeat_plans")).isEqualTo("repeat_plans");
  }
}
