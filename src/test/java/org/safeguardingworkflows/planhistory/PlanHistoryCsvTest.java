package org.safeguardingworkflows.planhistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** How a plan history file is read: RFC 4180 values, each plan line with the line of the file it starts on. */
class PlanHistoryCsvTest {

  @Test
  void quotedValuesMayHoldCommasQuotesAndLineBreaks() {
    List<String> read = read("child_ref,plan_start,plan_end,initial_category,latest_category,iro\n"
        + "C-1,2010-01-04,,NEG,NEG,\"Reviewer, A. \"\"Sam\"\"\"\n"
        + "C-2,2010-01-04,,NEG,NEG,\"A. Reviewer\n(cover)\"\n"
        + "C-3 , 2010-01-04 ,,NEG,NEG,\n");

    assertThat(read).containsExactly(
        "1: child_ref|plan_start|plan_end|initial_category|latest_category|iro",
        "2: C-1|2010-01-04||NEG|NEG|Reviewer, A. \"Sam\"",
        "3: C-2|2010-01-04||NEG|NEG|A. Reviewer\n(cover)",
        "5: C-3|2010-01-04||NEG|NEG|");
  }

  @Test
  void blankLinesKeepTheNumbersOfTheLinesAfterThem() {
    assertThat(read("header\n\nC-1\r\n\r\nC-2")).containsExactly("1: header", "2: ", "3: C-1", "4: ", "5: C-2");
  }

  @Test
  void aQuoteLeftOpenIsReportedOnTheLineItOpensOn() {
    PlanHistoryImport.Lines lines = new PlanHistoryImport.Lines(new StringReader("header\nC-1\n\"C-2,x\nC-3\n"));
    lines.next();
    lines.next();

    assertThatThrownBy(lines::next).isInstanceOf(PlanHistoryImport.UnreadableLine.class).hasMessageContaining("quoted");
    assertThat(lines.lineNo()).isEqualTo(3);
  }

  @Test
  void aLineThatRunsOnIsRefusedBeforeItIsHeldWhole() {
    String endless = "\"" + "x".repeat(PlanHistoryImport.MAX_UNFINISHED_LINE * 4);
    PlanHistoryImport.Lines lines = new PlanHistoryImport.Lines(new StringReader("header\n" + endless));
    lines.next();

    assertThatThrownBy(lines::next).isInstanceOf(PlanHistoryImport.UnreadableLine.class).hasMessageContaining("longer");
    assertThat(lines.lineNo()).isEqualTo(2);
  }

  private static List<String> read(String file) {
    PlanHistoryImport.Lines lines = new PlanHistoryImport.Lines(new StringReader(file));
    List<String> read = new ArrayList<>();
    CSVRecord record;
    while ((record = lines.next()) != null) {
      read.add(lines.lineNo() + ": " + String.join("|", record.toList()));
    }
    return read;
  }
}
