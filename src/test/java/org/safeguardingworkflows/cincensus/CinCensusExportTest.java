package org.safeguardingworkflows.cincensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardingworkflows.children.ChildEvent;
import org.safeguardingworkflows.children.ChildRecord;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.CensusReturn;
import org.safeguardingworkflows.testsupport.CensusReturn.Plan;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CP plan part of the census over real HTTP: who may take it, what it holds, the round trip (a year's export
 * imported into a plan history without those plans gives the same national figures for the year) and the 2026-27
 * pre-proceedings block from the child record's legal planning entries.
 */
@ApplicationTest
class CinCensusExportTest {

  static final String XML = "application/xml";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ChildRecord childRecord;
  @Autowired PlatformTransactionManager transactionManager;
  final String prefix = "Y" + UUID.randomUUID().toString().substring(0, 8) + "-";

  @AfterEach
  void removeThisTestsRecords() {
    removePlans();
    jdbc.sql("delete from child_event where child_ref like ?").param(prefix + "%").update();
    jdbc.sql("delete from child where child_ref like ?").param(prefix + "%").update();
  }

  private void removePlans() {
    jdbc.sql("delete from cp_plan where child_ref like ?").param(prefix + "%").update();
    jdbc.sql("delete from cp_plan_review where child_ref like ?").param(prefix + "%").update();
  }

  @Test
  void onlyProcessOwnersAndAdministratorsMayExport_asXmlForAGivenYear() {
    String uri = "/api/cin-census/child-protection-plans?year=1931";
    assertThat(Api.anonymous(port).get(uri, XML).status()).isEqualTo(401);
    for (String user : List.of(TestStaff.TEAM_MANAGER, TestStaff.WORKER)) {
      Reply refused = Api.as(port, user).get(uri, XML);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
      assertThat(refused.json().path("detail").asText()).isEqualTo("Only process owners and administrators may export the CIN census.");
    }
    Reply owner = Api.as(port, TestStaff.PROCESS_OWNER).get(uri, XML);
    assertThat(owner.status()).isEqualTo(200);
    assertThat(owner.headers().getContentType().toString()).startsWith("application/xml");
    assertThat(Api.as(port, "ci.admin", "Ci-admin-pass-1").get(uri, XML).status()).isEqualTo(200);

    for (String bad : List.of("", "31", "1931-03-31", "1800", "abcd")) {
      Reply refused = Api.as(port, TestStaff.PROCESS_OWNER).get("/api/cin-census/child-protection-plans?year=" + bad, XML);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("year");
    }
    assertThat(Api.as(port, TestStaff.PROCESS_OWNER).get("/api/cin-census/child-protection-plans?year=1931", "application/json")
        .status()).isEqualTo(406);
  }

  /**
   * Census year 1930-31 (no other test uses it): first plans, repeats whose earlier plan is in the year and one whose
   * earlier plan ended before it, a third plan, a plan still open and one ending after the reference date.
   */
  private void history() {
    String csv = """
        child_ref,plan_start,plan_end,initial_category,latest_category,iro
        %1$sA,1930-05-05,1930-09-30,NEG,NEG,iro.one
        %1$sA,1930-12-01,,NEG,EMO,iro.one
        %1$sB,1928-01-09,1928-06-30,PHY,PHY,
        %1$sB,1929-02-04,1929-09-30,PHY,PHY,
        %1$sB,1930-06-02,1930-11-30,PHY,PHY,
        %1$sC,1929-11-04,1930-08-29,SAB,SAB,
        %1$sD,1931-01-05,1931-06-30,EMO,EMO,
        %1$sE,1926-03-01,1926-09-30,MUL,MUL,
        %1$sE,1930-10-06,1931-02-27,MUL,MUL,
        """.formatted(prefix);
    Reply csvImport = Api.as(port, TestStaff.PROCESS_OWNER).post("/api/plan-history", MediaType.parseMediaType("text/csv"), csv);
    assertThat(csvImport.status()).as(csvImport.body()).isEqualTo(200);
    // A census return adds review dates and a declared previous plan held nowhere.
    Reply census = Api.as(port, TestStaff.PROCESS_OWNER).post("/api/plan-history", MediaType.APPLICATION_XML,
        CensusReturn.forYearEnding(1931)
            .child(prefix + "A", new Plan("1930-05-05", "1930-09-30", "NEG", "NEG", 0, List.of("1930-07-28")))
            .child(prefix + "F", Plan.of("1930-07-07", null, "NEG", 1).reviewed("1930-09-15", "1931-03-09"))
            .xml());
    assertThat(census.status()).as(census.body()).isEqualTo(200);
  }

  @Test
  void theExportOfAYearImportedIntoAnEmptyHistoryGivesTheSameNationalFiguresForThatYear() throws Exception {
    history();
    String report = "/api/reports/repeat-plans?from=1930-04-01&to=1931-03-31";
    JsonNode before = Api.as(port, TestStaff.PROCESS_OWNER).get(report).json();
    List<String> reviewsBefore = reviews();

    Reply export = Api.as(port, TestStaff.PROCESS_OWNER).get("/api/cin-census/child-protection-plans?year=1931", XML);
    assertThat(export.status()).isEqualTo(200);
    Document xml = parse(export.body());
    assertThat(text(xml, "ReferenceDate")).containsExactly("1931-03-31");
    Map<String, List<Element>> plans = plansByChild(xml);
    assertThat(plans.keySet()).containsExactlyInAnyOrder(prefix + "A", prefix + "B", prefix + "C", prefix + "D",
        prefix + "E", prefix + "F");
    // B's third plan: two earlier plans held (one before the year), so NumberOfPreviousCPP 2.
    assertThat(plans.get(prefix + "B")).hasSize(1);
    assertThat(child(plans.get(prefix + "B").get(0), "NumberOfPreviousCPP")).isEqualTo("2");
    // D's plan ends after the reference date: open in that year's return.
    assertThat(child(plans.get(prefix + "D").get(0), "CPPendDate")).isNull();
    assertThat(child(plans.get(prefix + "A").get(1), "LatestCategoryOfAbuse")).isEqualTo("EMO");
    assertThat(child(plans.get(prefix + "A").get(1), "NumberOfPreviousCPP")).isEqualTo("1");
    assertThat(child(plans.get(prefix + "F").get(0), "NumberOfPreviousCPP")).isEqualTo("1");
    assertThat(export.body()).doesNotContain("iro.one").doesNotContain("PreProceedingsandFGDM");

    removePlans();
    Reply imported = Api.as(port, TestStaff.PROCESS_OWNER).post("/api/plan-history", MediaType.APPLICATION_XML, export.body());
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("imported").asLong()).isEqualTo(7);
    JsonNode after = Api.as(port, TestStaff.PROCESS_OWNER).get(report).json();

    for (String figure : List.of("plansStarted", "repeatPlans", "repeatRate", "childrenWithRepeatPlan", "thirdOrLaterPlans",
        "byCategory")) {
      assertThat(after.path(figure)).as(figure).isEqualTo(before.path(figure));
    }
    for (String figure : List.of("label", "plansStarted", "repeatPlans", "repeatRate", "childrenStartingAPlan",
        "childrenWithRepeatPlan", "childRepeatRate")) {
      assertThat(after.path("nationalMeasure").path(figure)).as(figure).isEqualTo(before.path("nationalMeasure").path(figure));
    }
    assertThat(before.path("repeatPlans").asLong()).isEqualTo(4);
    assertThat(reviews()).isEqualTo(reviewsBefore).hasSize(3);
    // What a census return cannot carry: the interval to a plan that ended before the year (B's and E's earlier plans),
    // so those repeats count nationally but not "within 2 years" after the round trip.
    assertThat(before.path("repeatPlansWithin2Years").asLong()).isEqualTo(2);
    assertThat(after.path("repeatPlansWithin2Years").asLong()).isEqualTo(1);
    assertThat(after.path("repeatPlansFromNumberOfPreviousCpp").asLong()).isEqualTo(3);
  }

  @Test
  void from2026to27EachChildsPreProceedingsFollowTheirPlans() throws Exception {
    String child = prefix + "L";
    Reply csvImport = Api.as(port, TestStaff.PROCESS_OWNER).post("/api/plan-history", MediaType.parseMediaType("text/csv"),
        "child_ref,plan_start,plan_end,initial_category,latest_category,iro\n" + child + ",2026-04-06,,NEG,NEG,\n");
    assertThat(csvImport.status()).as(csvImport.body()).isEqualTo(200);
    String instance = "test-" + UUID.randomUUID();
    record Entry(String date, ChildEvent.Kind kind, Map<String, Object> details) {}
    List<Entry> entries = List.of(
        new Entry("2026-05-11", ChildEvent.Kind.LEGAL_PLANNING_MEETING,
            Map.of("meetingDate", "2026-05-11", "legalPlanningOutcome", "PRE_PROCEEDINGS", "legalAdvice", "SENTINEL-ADVICE")),
        new Entry("2026-05-18", ChildEvent.Kind.LEGAL_OUTCOME, Map.of("letterSentDate", "2026-05-18")),
        new Entry("2026-05-27", ChildEvent.Kind.LEGAL_OUTCOME, Map.of("preProceedingsMeetingDate", "2026-05-27")),
        new Entry("2026-06-24", ChildEvent.Kind.LEGAL_OUTCOME, Map.of("ploProgress", "SOME_PROGRESS", "ploReviewNotes", "SENTINEL-NOTES")),
        new Entry("2026-07-22", ChildEvent.Kind.LEGAL_OUTCOME, Map.of("ploProgress", "GOOD_PROGRESS")),
        new Entry("2026-08-19", ChildEvent.Kind.LEGAL_OUTCOME, Map.of("ploDecision", "CONTINUE_PRE_PROCEEDINGS")),
        new Entry("2026-09-16", ChildEvent.Kind.LEGAL_OUTCOME, Map.of("ploDecision", "ISSUE_PROCEEDINGS")),
        new Entry("2026-09-23", ChildEvent.Kind.LEGAL_OUTCOME, Map.of("applicationDate", "2026-09-23")));
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> entries.forEach(entry ->
        childRecord.record(ChildEvent.of(child, LocalDate.parse(entry.date()), entry.kind(), TestStaff.TEAM_MANAGER,
            "legalPlanning", instance, new LinkedHashMap<>(entry.details())))));

    Reply export = Api.as(port, TestStaff.PROCESS_OWNER).get("/api/cin-census/child-protection-plans?year=2027", XML);
    assertThat(export.status()).isEqualTo(200);
    Element block = preProceedingsOf(parse(export.body()), child);
    assertThat(block).as("the child's pre-proceedings").isNotNull();
    assertThat(child(block, "PreProceedingsStartDate")).isEqualTo("2026-05-11");
    assertThat(child(block, "LetterBeforeProceedingsDate")).isEqualTo("2026-05-18");
    assertThat(child(block, "InitialPreProceedingsMeetingDate")).isEqualTo("2026-05-27");
    assertThat(child(block, "NumberOfPreProceedingsReviews")).isEqualTo("2");
    assertThat(child(block, "PreProceedingsDecisionDate")).isEqualTo("2026-09-16");
    assertThat(child(block, "PreProceedingsOutcome")).isEqualTo("ISSUE_PROCEEDINGS");
    assertThat(child(block, "CourtApplicationDate")).isEqualTo("2026-09-23");
    assertThat(export.body()).doesNotContain("SENTINEL");

    Reply earlier = Api.as(port, TestStaff.PROCESS_OWNER).get("/api/cin-census/child-protection-plans?year=2026", XML);
    assertThat(earlier.body()).as("no such block before 2026-27").doesNotContain("PreProceedingsandFGDM");
  }

  private List<String> reviews() {
    return jdbc.sql("select child_ref, plan_start, review_date from cp_plan_review where child_ref like ? order by 1, 2, 3")
        .param(prefix + "%").query().listOfRows().stream().map(Object::toString).toList();
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> text(Document xml, String element) {
    NodeList nodes = xml.getElementsByTagName(element);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  private Map<String, List<Element>> plansByChild(Document xml) {
    Map<String, List<Element>> plans = new LinkedHashMap<>();
    NodeList children = xml.getElementsByTagName("Child");
    for (int i = 0; i < children.getLength(); i++) {
      Element child = (Element) children.item(i);
      String ref = child.getElementsByTagName("LAchildID").item(0).getTextContent();
      if (ref.startsWith(prefix)) {
        NodeList childPlans = child.getElementsByTagName("ChildProtectionPlans");
        for (int j = 0; j < childPlans.getLength(); j++) {
          plans.computeIfAbsent(ref, key -> new ArrayList<>()).add((Element) childPlans.item(j));
        }
      }
    }
    return plans;
  }

  private static Element preProceedingsOf(Document xml, String childRef) {
    NodeList children = xml.getElementsByTagName("Child");
    for (int i = 0; i < children.getLength(); i++) {
      Element child = (Element) children.item(i);
      if (childRef.equals(child.getElementsByTagName("LAchildID").item(0).getTextContent())) {
        NodeList blocks = child.getElementsByTagName("PreProceedingsandFGDM");
        return blocks.getLength() == 0 ? null : (Element) blocks.item(0);
      }
    }
    return null;
  }

  private static String child(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }
}
