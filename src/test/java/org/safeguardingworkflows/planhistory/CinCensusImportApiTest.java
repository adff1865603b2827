package org.safeguardingworkflows.planhistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safeguardingworkflows.testsupport.Api;
import org.safeguardingworkflows.testsupport.Api.Reply;
import org.safeguardingworkflows.testsupport.ApplicationTest;
import org.safeguardingworkflows.testsupport.CensusReturn;
import org.safeguardingworkflows.testsupport.CensusReturn.Plan;
import org.safeguardingworkflows.testsupport.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/** CIN census returns imported over real HTTP: merged across years, the DfE rules, personal data never kept, XXE refused. */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class CinCensusImportApiTest {

  static final MediaType XML = MediaType.APPLICATION_XML;

  @LocalServerPort int port;
  @Autowired PlanHistory planHistory;
  @Autowired JdbcClient jdbc;
  final String prefix = "X" + UUID.randomUUID().toString().substring(0, 8) + "-";

  @AfterEach
  void removeThisTestsPlans() {
    jdbc.sql("delete from cp_plan where child_ref like ?").param(prefix + "%").update();
    jdbc.sql("delete from cp_plan_review where child_ref like ?").param(prefix + "%").update();
  }

  /** Two returns: 2020-21 has A's plan open; 2021-22 ends it and has B's plan. */
  private CensusReturn year2021() {
    return CensusReturn.forYearEnding(2021)
        .child(prefix + "A", Plan.of("2020-06-01", null, "NEG", 0).reviewed("2020-08-20", "2021-02-18"));
  }

  private CensusReturn year2022() {
    return CensusReturn.forYearEnding(2022)
        .child(prefix + "A", new Plan("2020-06-01", "2021-09-30", "NEG", "EMO", 0, List.of("2021-02-18", "2021-08-12")))
        .child(prefix + "B", Plan.of("2021-05-04", "2021-12-01", "PHY", 1));
  }

  @Test
  void aPlanOpenInOneReturnAndEndedInTheNextIsOnePlan_andReimportingChangesNothing() {
    Reply first = importer().post("/api/plan-history", XML, year2021().xml());
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().path("imported").asLong()).isEqualTo(1);
    assertThat(first.json().path("reviewsAdded").asLong()).isEqualTo(2);

    Reply second = importer().post("/api/plan-history", XML, year2022().xml());
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().path("imported").asLong()).isEqualTo(1);
    assertThat(second.json().path("updated").asLong()).isEqualTo(1);
    assertThat(second.json().path("reviewsAdded").asLong()).isEqualTo(1);

    assertMerged();
    String before = snapshot();
    for (CensusReturn again : List.of(year2022(), year2021())) {
      Reply reimport = importer().post("/api/plan-history", XML, again.xml());
      assertThat(reimport.status()).as(reimport.body()).isEqualTo(200);
      assertThat(reimport.json().path("imported").asLong()).isZero();
      assertThat(reimport.json().path("updated").asLong()).isZero();
      assertThat(reimport.json().path("reviewsAdded").asLong()).isZero();
    }
    assertThat(snapshot()).as("re-importing either return changes nothing").isEqualTo(before);
  }

  @Test
  void returnsInReverseOrderGiveTheSameHistory_anOlderReturnNeverReopensAPlan() {
    Reply newer = importer().post("/api/plan-history", XML, year2022().xml());
    assertThat(newer.status()).as(newer.body()).isEqualTo(200);
    Reply older = importer().post("/api/plan-history", XML, year2021().xml());
    assertThat(older.status()).as(older.body()).isEqualTo(200);
    assertThat(older.json().path("imported").asLong()).isZero();
    assertThat(older.json().path("updated").asLong()).as("the older return changes nothing it says differently").isZero();
    assertThat(older.json().path("reviewsAdded").asLong()).isEqualTo(1);
    assertMerged();
  }

  private void assertMerged() {
    assertThat(planHistory.plansOf(prefix + "A"))
        .extracting(CpPlan::planStart, CpPlan::planEnd, CpPlan::initialCategory, CpPlan::latestCategory)
        .containsExactly(tuple(LocalDate.of(2020, 6, 1), LocalDate.of(2021, 9, 30), "NEG", "EMO"));
    assertThat(jdbc.sql("select previous_cpp, census_reference_date from cp_plan where child_ref = ?").param(prefix + "B")
        .query().singleRow()).containsEntry("previous_cpp", 1).containsEntry("census_reference_date", java.sql.Date.valueOf("2022-03-31"));
    assertThat(jdbc.sql("select review_date from cp_plan_review where child_ref = ? order by review_date")
        .param(prefix + "A").query(java.sql.Date.class).list()).extracting(java.sql.Date::toString)
        .containsExactly("2020-08-20", "2021-02-18", "2021-08-12");
  }

  @Test
  void eachDfeRuleBrokenOnceIsRefusedWithItsNumberTheChildAndTheLine_andNothingIsStored() {
    importer().post("/api/plan-history", XML, CensusReturn.forYearEnding(2019)
        .child(prefix + "HELD", Plan.of("2018-04-10", "2018-12-31", "NEG", 0)).xml());
    long held = storedPlans();

    record Broken(String rule, CensusReturn file, String child, int plan, String message) {}
    List<Broken> cases = List.of(
        new Broken("8925", CensusReturn.forYearEnding(2020).child(prefix + "E", Plan.of("2019-06-01", "2019-05-01", "NEG", 0)),
            prefix + "E", 0, "rule 8925: Child " + prefix + "E's CPPendDate 2019-05-01 is before CPPstartDate 2019-06-01."),
        new Broken("8840", CensusReturn.forYearEnding(2020).child(prefix + "S", Plan.of("2019-06-01", "2019-06-01", "NEG", 0)),
            prefix + "S", 0, "rule 8840: Child " + prefix + "S's plan starts and ends on the same day, 2019-06-01."),
        new Broken("8935", CensusReturn.forYearEnding(2020).child(prefix + "O",
                Plan.of("2019-05-01", null, "NEG", 0), Plan.of("2019-09-01", null, "NEG", 1)),
            prefix + "O", 1, "rule 8935: Child " + prefix + "O would have two open plans"),
        new Broken("8940", CensusReturn.forYearEnding(2020).child(prefix + "V",
                Plan.of("2019-05-01", "2019-10-01", "NEG", 0), Plan.of("2019-09-01", "2019-12-01", "NEG", 1)),
            prefix + "V", 1, "rule 8940: Child " + prefix + "V's plan overlaps the plan from 2019-05-01 to 2019-10-01"),
        new Broken("8940", CensusReturn.forYearEnding(2019).child(prefix + "HELD", Plan.of("2018-11-01", "2019-02-01", "NEG", 1)),
            prefix + "HELD", 0, "rule 8940: Child " + prefix + "HELD's plan overlaps the plan from 2018-04-10 to 2018-12-31 (already recorded)"),
        new Broken("8720", CensusReturn.forYearEnding(2020).child(prefix + "F", Plan.of("2020-04-01", null, "NEG", 0)),
            prefix + "F", 0, "rule 8720: Child " + prefix + "F's CPPstartDate 2020-04-01 is after the return's reference date 2020-03-31."),
        new Broken("8730", CensusReturn.forYearEnding(2020).child(prefix + "N", new Plan("2019-05-01", null, "NEG", "NEG", null, List.of())),
            prefix + "N", 0, "rule 8730: Child " + prefix + "N's NumberOfPreviousCPP must be given"),
        new Broken("8730", CensusReturn.forYearEnding(2020).child(prefix + "M", Plan.of("2019-05-01", null, "NEG", -1)),
            prefix + "M", 0, "rule 8730: Child " + prefix + "M's NumberOfPreviousCPP must be given"),
        new Broken("8930", CensusReturn.forYearEnding(2020).child(prefix + "L", Plan.of("2019-05-01", "2020-05-01", "NEG", 0)),
            prefix + "L", 0, "rule 8930: Child " + prefix + "L's CPPendDate 2020-05-01 is after the return's reference date 2020-03-31."));

    for (Broken broken : cases) {
      // A good child beside the broken one: all or nothing.
      CensusReturn file = broken.file().child(prefix + "GOOD", Plan.of("2019-01-07", "2019-03-01", "SAB", 0));
      Reply refused = importer().post("/api/plan-history", XML, file.xml());
      assertThat(refused.status()).as(broken.rule() + ": " + refused.body()).isEqualTo(422);
      assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
      JsonNode errors = refused.json().path("errors");
      assertThat(errors).as(broken.rule() + ": " + errors).hasSize(1);
      long line = file.lineOf(broken.child(), broken.plan());
      assertThat(errors.get(0).path("field").asText()).isEqualTo("line " + line);
      assertThat(errors.get(0).path("rule").asText()).isEqualTo(broken.rule());
      assertThat(errors.get(0).path("message").asText()).startsWith("Line " + line + ": " + broken.message());
      assertThat(refused.json().path("detail").asText()).contains("nothing was imported");
      assertThat(storedPlans()).as(broken.rule() + ": nothing stored").isEqualTo(held);
    }
    assertThat(jdbc.sql("select count(*) from cp_plan_import_line").query(Long.class).single()).isZero();
  }

  @Test
  void namesUpnsAndBirthDatesAreNeitherStoredNorLogged(CapturedOutput output) {
    CensusReturn file = year2022();
    Reply imported = importer().post("/api/plan-history", XML, file.xml());
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    // A refused return is not logged either.
    CensusReturn broken = CensusReturn.forYearEnding(2022).child(prefix + "Q", Plan.of("2021-06-01", "2021-05-01", "NEG", 0));
    assertThat(importer().post("/api/plan-history", XML, broken.xml()).status()).isEqualTo(422);

    List<String> personal = new java.util.ArrayList<>();
    for (CensusReturn source : List.of(file, broken)) {
      for (CensusReturn.Child child : source.children()) {
        personal.addAll(List.of(child.upn(), child.birthDate(), child.name(), child.name().split(" ")[0]));
      }
    }
    List<String> tables = jdbc.sql("""
        select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'""").query(String.class).list();
    assertThat(tables).contains("cp_plan", "cp_plan_review", "child_event", "act_ge_bytearray");
    // The search finds what is kept: the child reference and the plan's dates.
    assertThat(jdbc.sql("select count(*) from cp_plan t where cast(t as text) like ?").param("%" + prefix + "B%")
        .query(Long.class).single()).isEqualTo(1);
    for (String value : personal) {
      for (String table : tables) {
        long rows = jdbc.sql("select count(*) from " + table + " t where cast(t as text) like ?")
            .param("%" + value + "%").query(Long.class).single();
        assertThat(rows).as("'%s' in table %s", value, table).isZero();
      }
      assertThat(output.getAll()).as("the log").doesNotContain(value);
    }
  }

  @Test
  void anXxeAttemptIsRefusedAndReadsNothing() {
    String xxe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE Message [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <Message><Header><CollectionDetails><ReferenceDate>2022-03-31</ReferenceDate></CollectionDetails></Header>
        <Children><Child><ChildIdentifiers><LAchildID>%sXXE&secret;</LAchildID></ChildIdentifiers>
        <CINdetails><ChildProtectionPlans><CPPstartDate>2021-05-04</CPPstartDate>
        <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
        <NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans></CINdetails></Child></Children></Message>
        """.formatted(prefix);
    Reply refused = importer().post("/api/plan-history", XML, xxe);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.json().path("detail").asText()).contains("DOCTYPE");
    assertThat(refused.body()).doesNotContain("root:");
    String laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE Message [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
        <Message><Header><CollectionDetails><ReferenceDate>2022-03-31</ReferenceDate></CollectionDetails></Header>
        <Children><Child><ChildIdentifiers><LAchildID>&b;</LAchildID></ChildIdentifiers></Child></Children></Message>
        """;
    assertThat(importer().post("/api/plan-history", XML, laughs).status()).isEqualTo(400);
    Reply notXml = importer().post("/api/plan-history", XML, "<Message><Children>");
    assertThat(notXml.status()).isEqualTo(400);
    assertThat(notXml.json().path("errors").get(0).path("rule").asText()).isEqualTo("xml");
    assertThat(storedPlans()).isZero();
  }

  @Test
  void onlyAdministratorsAndProcessOwnersMayImportAReturn() {
    String file = year2021().xml();
    assertThat(Api.anonymous(port).post("/api/plan-history", XML, file).status()).isEqualTo(401);
    assertThat(Api.as(port, TestStaff.TEAM_MANAGER).post("/api/plan-history", XML, file).status()).isEqualTo(403);
    assertThat(storedPlans()).isZero();
    Reply admin = Api.as(port, "ci.admin", "Ci-admin-pass-1").post("/api/plan-history", MediaType.TEXT_XML, file);
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    assertThat(storedPlans()).isEqualTo(1);
  }

  private Api importer() {
    return Api.as(port, TestStaff.PROCESS_OWNER);
  }

  private long storedPlans() {
    return jdbc.sql("select count(*) from cp_plan where child_ref like ?").param(prefix + "%").query(Long.class).single();
  }

  private String snapshot() {
    return jdbc.sql("select id, child_ref, plan_start, plan_end, initial_category, latest_category, previous_cpp,"
            + " census_reference_date, plan_number, previous_plan_end, recorded_at from cp_plan where child_ref like ? order by id")
        .param(prefix + "%").query().listOfRows().toString()
        + jdbc.sql("select * from cp_plan_review where child_ref like ? order by child_ref, plan_start, review_date")
            .param(prefix + "%").query().listOfRows();
  }
}
