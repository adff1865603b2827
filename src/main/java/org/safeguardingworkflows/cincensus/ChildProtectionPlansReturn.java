package org.safeguardingworkflows.cincensus;

import java.io.OutputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.safeguardingworkflows.cincensus.PreProceedingsFromLegalPlanning.PreProceedings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The child protection plan part of a CIN census return, written from the plan history as the DfE's XML: every plan
 * open at any time in the census year (1 April to the 31 March reference date), per child ({@code LAchildID}), with
 * the CP plan items and the review dates in the year. A plan that ended after the reference date was open on it, so
 * its end is left out, as the return of that year had it. From the 2026-27 census (reference date 31 March 2027) each
 * child's pre-proceedings from legal planning follow the plans ({@link PreProceedingsFromLegalPlanning}).
 *
 * <p>The plans are streamed from the database and the XML straight to the caller: nothing is held but one plan.
 */
@Service
public class ChildProtectionPlansReturn {

  /** The first census with the pre-proceedings block: 2026-27, whose reference date is 31 March 2027. */
  static final int FIRST_YEAR_WITH_PRE_PROCEEDINGS = 2027;
  static final int FETCH_SIZE = 1_000;

  /**
   * Plans open at any time in the year, each with its review dates in the year (one row per review), in the order of
   * the children and their plans. NumberOfPreviousCPP comes from the record: the plans held before this one, plus the
   * previous plans a census return declared for the child's earliest held plan; or what a return declared for this
   * plan, if more. Parameters: the year's first day, the reference date, the reference date, the year's first day.
   */
  static final String PLANS_OF_THE_YEAR = """
      select p.child_ref, p.plan_start, p.plan_end, p.initial_category, p.latest_category, p.plan_number, p.previous_cpp,
             (select f.previous_cpp from cp_plan f where f.child_ref = p.child_ref and f.plan_number = 1) as first_previous_cpp,
             r.review_date
      from cp_plan p
      left join cp_plan_review r on r.child_ref = p.child_ref and r.plan_start = p.plan_start
                                and r.review_date between ? and ?
      where p.plan_start <= ? and (p.plan_end is null or p.plan_end >= ?)
      order by p.child_ref, p.plan_start, r.review_date""";

  private final JdbcClient jdbc;
  private final TransactionTemplate readOnly;
  private final PreProceedingsFromLegalPlanning preProceedings;

  public ChildProtectionPlansReturn(DataSource dataSource, PlatformTransactionManager transactionManager,
      PreProceedingsFromLegalPlanning preProceedings) {
    JdbcTemplate streaming = new JdbcTemplate(dataSource);
    // PostgreSQL streams a result set with a cursor only inside a transaction and with a fetch size.
    streaming.setFetchSize(FETCH_SIZE);
    this.jdbc = JdbcClient.create(streaming);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    this.preProceedings = preProceedings;
  }

  /** Writes the return of the census year ending 31 March {@code year} to {@code out}. */
  public void write(int year, OutputStream out) {
    LocalDate referenceDate = LocalDate.of(year, 3, 31);
    LocalDate yearStart = referenceDate.minusYears(1).plusDays(1);
    readOnly.executeWithoutResult(status -> {
      try {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        Writer writer = new Writer(xml, year, yearStart, referenceDate);
        writer.start();
        jdbc.sql(PLANS_OF_THE_YEAR)
            .params(Date.valueOf(yearStart), Date.valueOf(referenceDate), Date.valueOf(referenceDate), Date.valueOf(yearStart))
            .query(writer::row);
        writer.end();
        xml.close();
      } catch (XMLStreamException e) {
        throw new IllegalStateException("The census return could not be written.", e);
      }
    });
  }

  /** Writes rows as they come: a child's element opens at its first plan and closes at the next child's. */
  private final class Writer {
    private final XMLStreamWriter xml;
    private final int year;
    private final LocalDate yearStart;
    private final LocalDate referenceDate;
    private String child;
    private LocalDate planStart;
    private final List<LocalDate> reviews = new ArrayList<>();
    private Object[] plan;

    Writer(XMLStreamWriter xml, int year, LocalDate yearStart, LocalDate referenceDate) {
      this.xml = xml;
      this.year = year;
      this.yearStart = yearStart;
      this.referenceDate = referenceDate;
    }

    void start() throws XMLStreamException {
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("Message");
      xml.writeStartElement("Header");
      xml.writeStartElement("CollectionDetails");
      element("Collection", "CIN");
      element("Year", String.valueOf(year));
      element("ReferenceDate", referenceDate.toString());
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeStartElement("Children");
    }

    void row(ResultSet rs) throws SQLException {
      try {
        String childRef = rs.getString("child_ref");
        LocalDate start = rs.getDate("plan_start").toLocalDate();
        if (!childRef.equals(child) || !start.equals(planStart)) {
          flushPlan();
          if (!childRef.equals(child)) {
            endChild();
            child = childRef;
            xml.writeStartElement("Child");
            xml.writeStartElement("ChildIdentifiers");
            element("LAchildID", childRef);
            xml.writeEndElement();
            xml.writeStartElement("CINdetails");
          }
          planStart = start;
          Date end = rs.getDate("plan_end");
          int planNumber = rs.getInt("plan_number");
          int own = rs.getInt("previous_cpp");
          int first = rs.getInt("first_previous_cpp");
          int previous = Math.max(own, first + planNumber - 1);
          // Ended after the reference date: open on it, as that year's return had it.
          LocalDate planEnd = end == null || end.toLocalDate().isAfter(referenceDate) ? null : end.toLocalDate();
          plan = new Object[] {start, planEnd, rs.getString("initial_category"), rs.getString("latest_category"), previous};
        }
        Date review = rs.getDate("review_date");
        if (review != null) {
          reviews.add(review.toLocalDate());
        }
      } catch (XMLStreamException e) {
        throw new IllegalStateException("The census return could not be written.", e);
      }
    }

    void end() throws XMLStreamException {
      flushPlan();
      endChild();
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
    }

    private void flushPlan() throws XMLStreamException {
      if (plan == null) {
        return;
      }
      xml.writeStartElement("ChildProtectionPlans");
      element("CPPstartDate", plan[0].toString());
      if (plan[1] != null) {
        element("CPPendDate", plan[1].toString());
      }
      element("InitialCategoryOfAbuse", (String) plan[2]);
      element("LatestCategoryOfAbuse", (String) plan[3]);
      element("NumberOfPreviousCPP", plan[4].toString());
      if (!reviews.isEmpty()) {
        xml.writeStartElement("Reviews");
        for (LocalDate review : reviews) {
          element("CPPreviewDate", review.toString());
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      plan = null;
      reviews.clear();
    }

    private void endChild() throws XMLStreamException {
      if (child == null) {
        return;
      }
      if (year >= FIRST_YEAR_WITH_PRE_PROCEEDINGS) {
        for (PreProceedings pre : preProceedings.of(child, yearStart, referenceDate)) {
          writePreProceedings(pre);
        }
      }
      xml.writeEndElement();
      xml.writeEndElement();
      child = null;
    }

    /**
     * The 2026-27 pre-proceedings block. The element names inside it follow the census's naming but could not be
     * checked against the DfE's 2026-27 specification; family group decision making (offered, held) is not recorded
     * by legal planning, so those items are left out rather than guessed.
     */
    private void writePreProceedings(PreProceedings pre) throws XMLStreamException {
      xml.writeStartElement("PreProceedingsandFGDM");
      dateElement("PreProceedingsStartDate", pre.start());
      dateElement("LetterBeforeProceedingsDate", pre.letterBeforeProceedings());
      dateElement("InitialPreProceedingsMeetingDate", pre.initialMeeting());
      element("NumberOfPreProceedingsReviews", String.valueOf(pre.reviews()));
      dateElement("PreProceedingsDecisionDate", pre.decision());
      if (pre.outcome() != null) {
        element("PreProceedingsOutcome", pre.outcome());
      }
      dateElement("CourtApplicationDate", pre.courtApplication());
      xml.writeEndElement();
    }

    private void dateElement(String name, LocalDate date) throws XMLStreamException {
      if (date != null) {
        element(name, date.toString());
      }
    }

    private void element(String name, String text) throws XMLStreamException {
      xml.writeStartElement(name);
      xml.writeCharacters(text);
      xml.writeEndElement();
    }
  }
}
