package org.safeguardingworkflows.planhistory;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.safeguardingworkflows.testsupport.GeneratedText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Run by {@link PlanHistoryImportMemoryTest} in a JVM of its own with a small heap: imports a generated plan history
 * file into the test database ("stream"), or, as the control, only holds the same file's lines in memory ("hold").
 * Exit code 0 with "imported=N unchanged=M" on success, 3 when the heap ran out.
 */
public final class PlanHistoryImportInSmallHeap {


  private PlanHistoryImportInSmallHeap() {
  }

  public static void main(String[] args) {
    String mode = args[0];
    String jdbcUrl = args[1];
    String prefix = args[2];
    int lines = Integer.parseInt(args[3]);
    try {
      if (mode.equals("hold")) {
        List<PlanHistory.ImportLine> held = new ArrayList<>();
        try (Reader reader = new InputStreamReader(generatedFile(prefix, lines), StandardCharsets.UTF_8)) {
          PlanHistoryImport.Lines planLines = new PlanHistoryImport.Lines(reader);
          planLines.next();
          CSVRecord line;
          while ((line = planLines.next()) != null) {
            List<String> fields = line.toList();
            held.add(new PlanHistory.ImportLine(planLines.lineNo(), fields.get(0), LocalDate.parse(fields.get(1)),
                fields.get(2).isEmpty() ? null : LocalDate.parse(fields.get(2)), fields.get(3), fields.get(4), fields.get(5)));
          }
        }
        System.out.println("held=" + held.size());
      } else {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(jdbcUrl, "postgres", "postgres");
        PlanHistoryImport planHistoryImport = new PlanHistoryImport(new PlanHistory(new JdbcTemplate(dataSource)),
            new DataSourceTransactionManager(dataSource), LocalDate::now);
        try (Reader reader = new InputStreamReader(generatedFile(prefix, lines), StandardCharsets.UTF_8)) {
          PlanHistoryImport.Result result = planHistoryImport.importCsv(reader);
          System.out.println("imported=" + result.imported() + " unchanged=" + result.unchanged());
        }
      }
      Runtime runtime = Runtime.getRuntime();
      System.out.println("max heap=" + runtime.maxMemory() / (1024 * 1024) + " MB");
    } catch (OutOfMemoryError e) {
      System.out.println("out of memory");
      System.exit(SmallHeapRun.OUT_OF_MEMORY);
    } catch (Exception e) {
      e.printStackTrace(System.out);
      System.exit(1);
    }
  }

  /**
   * A plan history file of {@code lines} plans, generated as it is read (never held whole): children {@code prefix}0,
   * {@code prefix}1... with two plans each, the second starting more than a year after the first ended, the second
   * plan of every other child still open. All dates lie between 1950 and 1990.
   */
  public static InputStream generatedFile(String prefix, int lines) {
    int[] next = {-1};
    return new GeneratedText(() -> {
      int n = next[0]++;
      if (n == -1) {
        return PlanHistoryImport.HEADER + "\r\n";
      }
      return n < lines ? line(prefix, n) : null;
    });
  }

  private static String line(String prefix, int n) {
    int child = n / 2;
    LocalDate firstStart = LocalDate.of(1950, 1, 2).plusDays(child % 10_000);
    LocalDate firstEnd = firstStart.plusDays(120 + child % 200);
    LocalDate start = n % 2 == 0 ? firstStart : firstEnd.plusDays(400 + child % 300);
    String end = n % 2 == 0 ? firstEnd.toString() : child % 2 == 0 ? "" : start.plusDays(200).toString();
    String category = CategoryOfAbuse.values()[child % 5].name();
    return prefix + child + "," + start + "," + end + "," + category + "," + category
        + ",independent-reviewing-officer-" + (child % 97) + "\r\n";
  }
}
