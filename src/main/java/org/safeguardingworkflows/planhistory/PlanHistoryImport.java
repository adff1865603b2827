package org.safeguardingworkflows.planhistory;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safeguardingworkflows.platform.validation.ChildReference;
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
  /** A plan line longer than this is refused (a plan line is well under 200 characters). */
  static final int MAX_LINE_LENGTH = 1_000;
  /**
   * Characters read without a plan line ending, beyond which the file is refused without reading on: what Commons CSV
   * may hold of one line (a quoted value can run over line breaks) stays bounded however the file is written.
   */
  static final int MAX_UNFINISHED_LINE = 64 * 1024;
  /**
   * RFC 4180 with values trimmed; the header is checked by the import itself, and blank lines are skipped by it (so
   * that every line keeps its number in the file).
   */
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(true).setIgnoreEmptyLines(false).get();
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
      long planLines = stage(importId, csv, problems);
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
  private long stage(String importId, Reader csv, ImportProblems problems) {
    Lines lines = new Lines(csv);
    List<PlanHistory.ImportLine> batch = new ArrayList<>(BATCH_SIZE);
    long planLines = 0;
    try {
      CSVRecord header = lines.next();
      if (header == null || !HEADER.equalsIgnoreCase(stripByteOrderMark(String.join(",", header.toList())))) {
        problems.add(1, "header", "The first line must be the header " + HEADER + ".");
        return 0;
      }
      CSVRecord line;
      while ((line = lines.next()) != null) {
        if (line.size() == 1 && line.get(0).isEmpty()) {
          continue;
        }
        planLines++;
        PlanHistory.ImportLine plan = parse(lines.lineNo(), line, problems);
        if (plan != null) {
          batch.add(plan);
          if (batch.size() == BATCH_SIZE) {
            planHistory.stage(importId, batch);
            batch.clear();
          }
        }
      }
    } catch (UnreadableLine unreadable) {
      problems.add(lines.lineNo(), unreadable.rule, unreadable.getMessage());
    }
    if (!batch.isEmpty()) {
      planHistory.stage(importId, batch);
    }
    return planLines;
  }

  /** One line, checked on its own: every problem of the line is reported, and a bad line is not staged. */
  private PlanHistory.ImportLine parse(long lineNo, CSVRecord line, ImportProblems problems) {
    List<String> fields = line.toList();
    if (fields.stream().mapToInt(String::length).sum() + fields.size() - 1 > MAX_LINE_LENGTH) {
      problems.add(lineNo, "line-too-long", "The line is longer than " + MAX_LINE_LENGTH + " characters.");
      return null;
    }
    if (fields.size() != COLUMNS) {
      problems.add(lineNo, "columns", "The line has " + fields.size() + " values; " + COLUMNS + " are expected (" + HEADER + ").");
      return null;
    }
    int before = problems.count();
    String childRef = fields.get(0);
    if (!CpPlan.CHILD_REF.matcher(childRef).matches()) {
      problems.add(lineNo, "pattern", "child_ref " + ChildReference.MESSAGE);
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

  /**
   * The file's plan lines, read by Commons CSV one at a time, each with the line of the file it starts on. A quote
   * left open, or text after a closing quote, makes the rest of the file unreadable: that line is reported and
   * reading stops.
   */
  static final class Lines {
    private final LengthGuard guard;
    private final Iterator<CSVRecord> records;
    private final CSVParser parser;
    private long nextLineNo = 1;
    private long lineNo;

    Lines(Reader reader) {
      guard = new LengthGuard(reader instanceof BufferedReader ? reader : new BufferedReader(reader, 64 * 1024));
      try {
        parser = FORMAT.parse(guard);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      records = parser.iterator();
    }

    /** The next plan line, or null at the end of the file. */
    CSVRecord next() {
      lineNo = nextLineNo;
      try {
        if (!records.hasNext()) {
          return null;
        }
        CSVRecord record = records.next();
        guard.lineEnded();
        nextLineNo = parser.getCurrentLineNumber() + 1;
        return record;
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof LineTooLong) {
          throw new UnreadableLine("line-too-long", "The line is longer than " + MAX_LINE_LENGTH + " characters.");
        }
        throw new UnreadableLine("quotes", "A quoted value is not closed, or text follows its closing quote.");
      }
    }

    /** The line of the file the last plan line started on. */
    long lineNo() {
      return lineNo;
    }
  }

  /** A plan line that cannot be read, and so nothing after it either. */
  static final class UnreadableLine extends RuntimeException {
    private final String rule;

    UnreadableLine(String rule, String message) {
      super(message, null, false, false);
      this.rule = rule;
    }
  }

  /** Thrown into Commons CSV when a plan line runs on beyond {@link #MAX_UNFINISHED_LINE} characters. */
  static final class LineTooLong extends IOException {
  }

  /** Counts the characters read since the last plan line ended; Commons CSV's own read-ahead is well within the bound. */
  static final class LengthGuard extends FilterReader {
    private long sinceLineEnded;

    LengthGuard(Reader in) {
      super(in);
    }

    void lineEnded() {
      sinceLineEnded = 0;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      count(c == -1 ? 0 : 1);
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      count(Math.max(read, 0));
      return read;
    }

    private void count(int read) throws LineTooLong {
      sinceLineEnded += read;
      if (sinceLineEnded > MAX_UNFINISHED_LINE) {
        throw new LineTooLong();
      }
    }
  }
}
