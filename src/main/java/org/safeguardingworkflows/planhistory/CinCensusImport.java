package org.safeguardingworkflows.planhistory;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.safeguardingworkflows.platform.web.ApiProblem;
import org.safeguardingworkflows.platform.web.FieldProblem;
import org.safeguardingworkflows.timescales.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one CIN census return (the DfE's XML, one file per census year) into the plan history: the XML twin of
 * {@link PlanHistoryImport}, with the same staging, child locks and all-or-nothing transaction. The return is read as
 * a stream (StAX; DTDs and external entities refused), and only the child reference ({@code LAchildID}) and the CP plan
 * items are read out of it: names, UPNs, birth and death dates, sex, ethnicity, disability and every other element
 * are skipped unread, so they are neither stored nor logged.
 *
 * <p>Several years' returns, in any order, make one history: a plan is the child and the start date; a return at
 * least as new as the one that last described a held plan may end it and update its latest category and number of
 * previous plans; an older return never changes it; re-importing a return changes nothing. The DfE validator's rules
 * for CP plans are checked with their numbers ({@link Rule}); one broken rule refuses the whole return (422).
 */
@Service
public class CinCensusImport {

  /** The DfE CIN census validation rules for CP plans that an import enforces (numbers as the DfE publishes them). */
  enum Rule {
    END_BEFORE_START("8925"),
    STARTS_AND_ENDS_SAME_DAY("8840"),
    MORE_THAN_ONE_OPEN_PLAN("8935"),
    OVERLAPPING_PLANS("8940"),
    START_AFTER_REFERENCE_DATE("8720"),
    PREVIOUS_PLANS_MISSING_OR_NEGATIVE("8730"),
    END_AFTER_REFERENCE_DATE("8930");

    final String number;

    Rule(String number) {
      this.number = number;
    }
  }

  /** What an import did: plans added, held plans changed by the return, plans unchanged, review dates added. */
  public record Result(long imported, long updated, long unchanged, long reviewsAdded) {}

  static final int BATCH_SIZE = PlanHistoryImport.BATCH_SIZE;
  /** Review dates kept per plan: a plan is reviewed every 6 months at most, so more than this is a broken file. */
  static final int MAX_REVIEWS_PER_PLAN = 200;
  /** The census year ends on 31 March: the return's reference date. */
  static final MonthDay REFERENCE_DAY = MonthDay.of(3, 31);
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("^-?\\d{1,6}$");

  private final PlanHistory planHistory;
  private final TransactionTemplate transactions;
  private final Supplier<LocalDate> today;

  @Autowired
  public CinCensusImport(PlanHistory planHistory, PlatformTransactionManager transactionManager, WorkingDays workingDays) {
    this(planHistory, transactionManager, workingDays::today);
  }

  CinCensusImport(PlanHistory planHistory, PlatformTransactionManager transactionManager, Supplier<LocalDate> today) {
    this.planHistory = planHistory;
    this.transactions = new TransactionTemplate(transactionManager);
    this.today = today;
  }

  /**
   * A reader that cannot be made to fetch anything or expand an entity: no DTD (a DOCTYPE is refused when it is met),
   * no external entities. An XXE or "billion laughs" file is refused 400 before anything of it is used.
   */
  static XMLStreamReader safeReader(InputStream xml) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("External resources are not read.");
    });
    return factory.createXMLStreamReader(xml);
  }

  /** Imports the return; throws an ApiProblem (400 unreadable, 422 rules broken) having stored nothing. */
  public Result importReturn(InputStream xml) {
    return transactions.execute(status -> {
      String importId = UUID.randomUUID().toString();
      ImportProblems problems = new ImportProblems();
      long plans = stage(importId, xml, problems);
      if (problems.count() > 0) {
        throw problems.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "The return breaks CIN census rules");
      }
      planHistory.lockChildrenOfImport(importId);
      planHistory.adoptNewerReturns(importId);
      planHistory.stagedConflicts(importId, conflict -> problems.add(conflict.lineNo(), census(conflict.rule()),
          numbered(census(conflict.rule()), conflict.message())));
      planHistory.censusConflicts(importId, conflict -> problems.add(conflict.lineNo(), conflict.rule(), conflict.message()));
      if (problems.count() > 0) {
        throw problems.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "The return breaks CIN census rules");
      }
      long updated = planHistory.mergeRestatedCensusPlans(importId);
      long imported = planHistory.insertStaged(importId);
      long reviews = planHistory.insertStagedReviews(importId);
      planHistory.clearStaged(importId);
      return new Result(imported, updated, plans - imported - updated, reviews);
    });
  }

  /** The DfE number of a rule the staged checks share with the CSV import. */
  private static String census(String rule) {
    return switch (rule) {
      case "one-open-plan" -> Rule.MORE_THAN_ONE_OPEN_PLAN.number;
      case "plans-do-not-overlap", "one-line-per-plan" -> Rule.OVERLAPPING_PLANS.number;
      default -> rule;
    };
  }

  private static String numbered(String rule, String message) {
    return rule.chars().allMatch(Character::isDigit) ? "rule " + rule + ": " + message : message;
  }

  /** Reads the return once, checks each plan on its own, stages the good ones in batches; returns the plans read. */
  private long stage(String importId, InputStream xml, ImportProblems problems) {
    Reading reading = new Reading(importId, problems);
    try {
      XMLStreamReader reader = safeReader(xml);
      try {
        reading.read(reader);
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      // The parser's message may quote the file: only the position is given back.
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw unreadable("The file is not a well-formed XML CIN census return" + (line > 0 ? " (line " + line + ")" : "")
          + "; nothing was imported.");
    }
    reading.flush();
    return reading.plans;
  }

  static ApiProblem unreadable(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid CIN census return", detail,
        List.of(new FieldProblem("body", "xml", detail)));
  }

  /** The state of one pass over the return. */
  private final class Reading {
    private final String importId;
    private final ImportProblems problems;
    private final List<PlanHistory.CensusPlan> batch = new ArrayList<>(BATCH_SIZE);
    private final List<PlanHistory.CensusReview> reviewBatch = new ArrayList<>(BATCH_SIZE);
    private LocalDate referenceDate;
    private boolean referenceDateRead;
    private boolean messageSeen;
    private String childRef;
    private long childLine;
    private long plans;

    Reading(String importId, ImportProblems problems) {
      this.importId = importId;
      this.problems = problems;
    }

    void read(XMLStreamReader reader) throws XMLStreamException {
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          throw unreadable("A CIN census return has no DOCTYPE: DTDs and entities are refused; nothing was imported.");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw unreadable("A CIN census return has no entity references; nothing was imported.");
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (reader.getLocalName()) {
          case "Message" -> messageSeen = true;
          case "ReferenceDate" -> referenceDate(reader);
          case "Child" -> {
            childRef = null;
            childLine = reader.getLocation().getLineNumber();
          }
          case "LAchildID" -> childRef = reader.getElementText().strip();
          case "Children" -> requireReferenceDate(reader);
          case "ChildProtectionPlans" -> plan(reader);
          default -> {
            // Everything else of the return (personal data included) is skipped without being read.
          }
        }
      }
      if (!messageSeen) {
        throw unreadable("The file is not a CIN census return: its root element must be Message; nothing was imported.");
      }
    }

    private void referenceDate(XMLStreamReader reader) throws XMLStreamException {
      long line = reader.getLocation().getLineNumber();
      String text = reader.getElementText().strip();
      referenceDateRead = true;
      LocalDate date = parseDate(text);
      if (date == null || !MonthDay.from(date).equals(REFERENCE_DAY)) {
        problems.add(line, "reference-date", "Header/CollectionDetails/ReferenceDate must be the 31 March ending the census"
            + " year, written as yyyy-MM-dd.");
        return;
      }
      referenceDate = date;
    }

    private void requireReferenceDate(XMLStreamReader reader) {
      if (!referenceDateRead) {
        referenceDateRead = true;
        problems.add(reader.getLocation().getLineNumber(), "reference-date",
            "The return has no Header/CollectionDetails/ReferenceDate before its children; the rules need the census year.");
      }
    }

    /** One ChildProtectionPlans element, read to its end; checked on its own and staged if good. */
    private void plan(XMLStreamReader reader) throws XMLStreamException {
      long line = reader.getLocation().getLineNumber();
      plans++;
      String child = childRef;
      String start = null;
      String end = null;
      String initial = null;
      String latest = null;
      String previous = null;
      List<String> reviews = new ArrayList<>();
      int depth = 1;
      while (depth > 0) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (reader.getLocalName()) {
            case "CPPstartDate" -> start = reader.getElementText().strip();
            case "CPPendDate" -> end = reader.getElementText().strip();
            case "InitialCategoryOfAbuse" -> initial = reader.getElementText().strip();
            case "LatestCategoryOfAbuse" -> latest = reader.getElementText().strip();
            case "NumberOfPreviousCPP" -> previous = reader.getElementText().strip();
            case "CPPreviewDate" -> {
              String review = reader.getElementText().strip();
              if (reviews.size() < MAX_REVIEWS_PER_PLAN) {
                reviews.add(review);
              } else if (reviews.size() == MAX_REVIEWS_PER_PLAN) {
                reviews.add(review);
                problems.add(line, "reviews", "A plan has more than " + MAX_REVIEWS_PER_PLAN + " review dates.");
              }
            }
            default -> depth++;
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw unreadable("A CIN census return has no DTD or entity references; nothing was imported.");
        }
      }
      check(line, child, start, end, initial, latest, previous, reviews);
    }

    private void check(long line, String child, String startText, String endText, String initial, String latest,
        String previousText, List<String> reviewTexts) {
      int before = problems.count();
      String who = child == null || child.isEmpty() ? "The child (line " + childLine + ")" : "Child " + safe(child);
      if (child == null || child.isEmpty()) {
        problems.add(line, "required", who + " has no ChildIdentifiers/LAchildID.");
      } else if (!CpPlan.CHILD_REF.matcher(child).matches()) {
        problems.add(line, "pattern", "LAchildID must be the council's child reference: 1-40 letters, digits or hyphens"
            + " (never a name).");
      }
      LocalDate start = date(line, who, "CPPstartDate", startText, true);
      LocalDate end = date(line, who, "CPPendDate", endText, false);
      if (start != null && end != null) {
        if (end.isBefore(start)) {
          rule(line, Rule.END_BEFORE_START, who + "'s CPPendDate " + end + " is before CPPstartDate " + start + ".");
        } else if (end.equals(start)) {
          rule(line, Rule.STARTS_AND_ENDS_SAME_DAY, who + "'s plan starts and ends on the same day, " + start + ".");
        }
      }
      if (referenceDate != null && start != null && start.isAfter(referenceDate)) {
        rule(line, Rule.START_AFTER_REFERENCE_DATE, who + "'s CPPstartDate " + start + " is after the return's reference"
            + " date " + referenceDate + ".");
      }
      if (referenceDate != null && end != null && end.isAfter(referenceDate)) {
        rule(line, Rule.END_AFTER_REFERENCE_DATE, who + "'s CPPendDate " + end + " is after the return's reference date "
            + referenceDate + ".");
      }
      for (String[] category : new String[][] {{"InitialCategoryOfAbuse", initial}, {"LatestCategoryOfAbuse", latest}}) {
        if (!CategoryOfAbuse.isCode(category[1])) {
          problems.add(line, "code-list", who + "'s " + category[0] + " must be a CIN census category of abuse: NEG, PHY,"
              + " SAB, EMO or MUL.");
        }
      }
      Integer previous = previousText == null || !WHOLE_NUMBER.matcher(previousText).matches()
          ? null : Integer.valueOf(previousText);
      if (previous == null || previous < 0) {
        rule(line, Rule.PREVIOUS_PLANS_MISSING_OR_NEGATIVE, who + "'s NumberOfPreviousCPP must be given as a whole"
            + " number, 0 or more.");
      }
      List<LocalDate> reviews = new ArrayList<>();
      for (String review : reviewTexts) {
        LocalDate date = date(line, who, "CPPreviewDate", review, true);
        if (date != null) {
          reviews.add(date);
        }
      }
      if (problems.count() > before || referenceDate == null) {
        return;
      }
      batch.add(new PlanHistory.CensusPlan(plans, line, child, start, end, initial, latest, previous, referenceDate));
      reviews.stream().distinct().forEach(review -> reviewBatch.add(new PlanHistory.CensusReview(child, start, review)));
      if (batch.size() >= BATCH_SIZE || reviewBatch.size() >= BATCH_SIZE) {
        flush();
      }
    }

    void flush() {
      if (!batch.isEmpty()) {
        planHistory.stageCensus(importId, batch);
        batch.clear();
      }
      if (!reviewBatch.isEmpty()) {
        planHistory.stageReviews(importId, reviewBatch);
        reviewBatch.clear();
      }
    }

    private void rule(long line, Rule rule, String message) {
      problems.add(line, rule.number, "rule " + rule.number + ": " + message);
    }

    private LocalDate date(long line, String who, String element, String text, boolean required) {
      if (text == null || text.isEmpty()) {
        if (required) {
          problems.add(line, "required", who + "'s " + element + " is required.");
        }
        return null;
      }
      LocalDate date = parseDate(text);
      if (date == null) {
        problems.add(line, "date", who + "'s " + element + " must be a date written as yyyy-MM-dd.");
        return null;
      }
      if (date.isAfter(today.get())) {
        problems.add(line, "not-in-future", who + "'s " + element + " " + date + " is in the future.");
        return null;
      }
      return date;
    }
  }

  /** A child reference quoted in a refusal only when it is one (a name in its place is not repeated back). */
  private static String safe(String childRef) {
    return CpPlan.CHILD_REF.matcher(childRef).matches() ? childRef : "(LAchildID not a reference)";
  }

  private static LocalDate parseDate(String text) {
    if (text == null || !DATE.matcher(text).matches()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text);
      return date.getYear() < 1900 ? null : date;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
