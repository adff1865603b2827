package org.safeguardingworkflows.planhistory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a plan history file (CSV, header {@value #HEADER}) all or nothing, idempotently, and without holding the
 * file in memory. In one transaction: every line is read once and checked on its own (format, code lists, dates),
 * valid lines go to the staging table in JDBC batches, then SQL checks them against each other and the recorded
 * history ({@link PlanHistory#stagedConflicts}). Only if no line is bad are the new plans copied to {@code cp_plan};
 * otherwise the transaction rolls back and every bad line is reported with its number and the rule it breaks.
 */
@Service
public class PlanHistoryImport {

  public static final String HEADER = "child_ref,plan_start,plan_end,initial_category,latest_category,iro";
  static final int COLUMNS = 6;
  /** Lines staged per JDBC batch: the only lines held in memory at once. */
  static final int BATCH_SIZE = 1_000;
  /** A line longer than this is refused without being held whole (a plan line is well under 200 characters). */
  static final int MAX_LINE_LENGTH = 1_000;
  static final int IRO_MAX_LENGTH = 64;
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  /** What an import did: plans added, and lines that matched a recorded plan and so changed nothing. */
  public record Result(long imported, long unchanged) {}

  private final PlanHistory planHistory;
  private final TransactionTemplate transactions;
  private final Supplier<LocalDate> today;

  @Autowired
  public PlanHistoryImport(PlanHistory planHistory, PlatformTransactionManager transactionManager, WorkingDays workingDays) {
    this(planHistory, transactionManager, workingDays::today);
  }

  PlanHistoryImport(PlanHistory planHistory, PlatformTransactionManager transactionManager, Supplier<LocalDate> today) {
    this.planHistory = planHistory;
    this.transactions = new TransactionTemplate(transactionManager);
    this.today = today;
  }

  /** Imports the file; throws an ApiProblem (400) naming every bad line, having stored nothing. */
  public Result importCsv(Reader csv) {
    return transactions.execute(status -> {
      String importId = UUID.randomUUID().toString();
      ImportProblems problems = new ImportProblems();
      long planLines = stage(importId, new LineReader(csv), problems);
      // From here until the import commits, no plan is recorded for a child of the file, by a journey or another
      // import, on any node: the checks below see every plan those children will have.
      planHistory.lockChildrenOfImport(importId);
      planHistory.stagedConflicts(importId, conflict -> problems.add(conflict.lineNo(), conflict.rule(), conflict.message()));
      if (problems.count() > 0) {
        // Thrown inside the transaction: the staged lines roll back with it.
        throw problems.refusal(HttpStatus.BAD_REQUEST, "Invalid plan history file");
      }
      long imported = planHistory.insertStaged(importId);
      planHistory.clearStaged(importId);
      return new Result(imported, planLines - imported);
    });
  }

  /** Reads the file once: checks each line on its own and stages the good ones in batches. Returns the plan lines. */
  private long stage(String importId, LineReader reader, ImportProblems problems) {
    String header = reader.next();
    if (header == null || !HEADER.equalsIgnoreCase(stripByteOrderMark(header).strip())) {
      problems.add(1, "header", "The first line must be the header " + HEADER + ".");
      return 0;
    }
    List<PlanHistory.ImportLine> batch = new ArrayList<>(BATCH_SIZE);
    long planLines = 0;
    String line;
    while ((line = reader.next()) != null) {
      long lineNo = reader.lineNo();
      if (reader.lastLineTooLong()) {
        problems.add(lineNo, "line-too-long", "The line is longer than " + MAX_LINE_LENGTH + " characters.");
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      planLines++;
      PlanHistory.ImportLine plan = parse(lineNo, line, problems);
      if (plan != null) {
        batch.add(plan);
        if (batch.size() == BATCH_SIZE) {
          planHistory.stage(importId, batch);
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      planHistory.stage(importId, batch);
    }
    return planLines;
  }

  /** One line, checked on its own: every problem of the line is reported, and a bad line is not staged. */
  private PlanHistory.ImportLine parse(long lineNo, String line, ImportProblems problems) {
    List<String> fields = Csv.fields(line);
    if (fields == null) {
      problems.add(lineNo, "quotes", "A quoted value is not closed.");
      return null;
    }
    if (fields.size() != COLUMNS) {
      problems.add(lineNo, "columns", "The line has " + fields.size() + " values; " + COLUMNS + " are expected (" + HEADER + ").");
      return null;
    }
    int before = problems.count();
    String childRef = fields.get(0);
    if (!CpPlan.CHILD_REF.matcher(childRef).matches()) {
      problems.add(lineNo, "pattern", "child_ref must be the case-management reference: 1-40 letters, digits or hyphens (never a name).");
    }
    LocalDate start = date(lineNo, "plan_start", fields.get(1), true, problems);
    LocalDate end = date(lineNo, "plan_end", fields.get(2), false, problems);
    if (start != null && end != null && end.isBefore(start)) {
      // DfE CIN census validator: a CP plan's end date is not before its start date.
      problems.add(lineNo, "end-not-before-start", "plan_end " + end + " is before plan_start " + start + ".");
    }
    String initial = fields.get(3);
    String latest = fields.get(4);
    for (String[] category : new String[][] {{"initial_category", initial}, {"latest_category", latest}}) {
      if (!CategoryOfAbuse.isCode(category[1])) {
        problems.add(lineNo, "code-list", category[0] + " must be a CIN census category of abuse: NEG, PHY, SAB, EMO or MUL.");
      }
    }
    String iro = fields.get(5).isEmpty() ? null : fields.get(5);
    if (iro != null && iro.length() > IRO_MAX_LENGTH) {
      problems.add(lineNo, "max-length", "iro must be at most " + IRO_MAX_LENGTH + " characters.");
    }
    if (problems.count() > before) {
      return null;
    }
    return new PlanHistory.ImportLine(lineNo, childRef, start, end, initial, latest, iro);
  }

  private LocalDate date(long lineNo, String column, String value, boolean required, ImportProblems problems) {
    if (value.isEmpty()) {
      if (required) {
        problems.add(lineNo, "required", column + " is required.");
      }
      return null;
    }
    LocalDate date;
    try {
      date = DATE.matcher(value).matches() ? LocalDate.parse(value) : null;
    } catch (DateTimeParseException e) {
      date = null;
    }
    if (date == null) {
      problems.add(lineNo, "date", column + " must be a date written as yyyy-MM-dd.");
      return null;
    }
    if (date.isAfter(today.get())) {
      problems.add(lineNo, "not-in-future", column + " " + date + " is in the future.");
      return null;
    }
    return date;
  }

  private static String stripByteOrderMark(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** Reads lines one at a time, never holding more than {@link #MAX_LINE_LENGTH} characters of one line. */
  static final class LineReader {
    private final Reader reader;
    private final StringBuilder line = new StringBuilder();
    private long lineNo;
    private boolean tooLong;
    private boolean ended;

    LineReader(Reader reader) {
      this.reader = reader instanceof BufferedReader ? reader : new BufferedReader(reader, 64 * 1024);
    }

    /** The next line without its line ending, or null at the end of the file. */
    String next() {
      if (ended) {
        return null;
      }
      line.setLength(0);
      tooLong = false;
      try {
        int c;
        boolean any = false;
        while ((c = reader.read()) != -1) {
          any = true;
          if (c == '\n') {
            break;
          }
          if (line.length() < MAX_LINE_LENGTH) {
            line.append((char) c);
          } else {
            tooLong = true;
          }
        }
        if (c == -1) {
          ended = true;
          if (!any) {
            return null;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      lineNo++;
      int last = line.length() - 1;
      if (last >= 0 && line.charAt(last) == '\r') {
        line.setLength(last);
      }
      return line.toString();
    }

    long lineNo() {
      return lineNo;
    }

    boolean lastLineTooLong() {
      return tooLong;
    }
  }

  /** The comma-separated values of one line (RFC 4180 quoting), trimmed; null when a quote is not closed. */
  static final class Csv {

    private Csv() {
    }

    static List<String> fields(String line) {
      List<String> fields = new ArrayList<>(COLUMNS);
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          fields.add(field.toString().strip());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      if (quoted) {
        return null;
      }
      fields.add(field.toString().strip());
      return fields;
    }
  }
}
