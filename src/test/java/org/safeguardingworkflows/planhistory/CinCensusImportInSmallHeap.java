package org.safeguardingworkflows.planhistory;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import javax.xml.parsers.DocumentBuilderFactory;

import org.safeguardingworkflows.testsupport.GeneratedText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Run by {@link CinCensusImportMemoryTest} in a JVM of its own with a small heap: imports a generated CIN census
 * return of about 50 MB into the test database ("stream"), or, as the control, parses the same return into a DOM
 * ("hold"), as an import that reads the file whole would. Prints "bytes=N" and, on success, "imported=N reviews=M";
 * exit code 3 when the heap ran out.
 */
public final class CinCensusImportInSmallHeap {

  /** The census year of the generated return: ends 31 March 1990; every plan lies between 1950 and then. */
  static final int YEAR = 1990;

  private CinCensusImportInSmallHeap() {
  }

  public static void main(String[] args) {
    String mode = args[0];
    String jdbcUrl = args[1];
    String prefix = args[2];
    int children = Integer.parseInt(args[3]);
    try {
      GeneratedText file = generatedReturn(prefix, children);
      if (mode.equals("hold")) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        System.out.println("elements=" + factory.newDocumentBuilder().parse(file).getElementsByTagName("*").getLength());
      } else {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(jdbcUrl, "postgres", "postgres");
        CinCensusImport censusImport = new CinCensusImport(new PlanHistory(new JdbcTemplate(dataSource)),
            new DataSourceTransactionManager(dataSource), LocalDate::now);
        CinCensusImport.Result result = censusImport.importReturn(file);
        System.out.println("imported=" + result.imported() + " reviews=" + result.reviewsAdded());
      }
      System.out.println("bytes=" + file.bytesRead());
      System.out.println("max heap=" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    } catch (OutOfMemoryError e) {
      System.out.println("out of memory");
      System.exit(SmallHeapRun.OUT_OF_MEMORY);
    } catch (Exception e) {
      e.printStackTrace(System.out);
      System.exit(1);
    }
  }

  /** A return of {@code children} children, generated as it is read (never held whole). */
  static GeneratedText generatedReturn(String prefix, int children) {
    int[] next = {-1};
    return new GeneratedText(() -> {
      int n = next[0]++;
      if (n == -1) {
        return HEADER;
      }
      if (n < children) {
        return child(prefix, n);
      }
      return n == children ? "</Children>\n</Message>\n" : null;
    });
  }

  private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Header>\n<CollectionDetails>\n"
      + "<Collection>CIN</Collection>\n<Year>" + YEAR + "</Year>\n<ReferenceDate>" + YEAR + "-03-31</ReferenceDate>\n"
      + "</CollectionDetails>\n<Source>\n<SourceLevel>L</SourceLevel>\n<LEA>999</LEA>\n</Source>\n</Header>\n<Children>\n";

  /**
   * One child as a real return has it: identifiers and characteristics (never kept), a referral with an assessment
   * and a section 47 enquiry, and two plans, the second starting more than a year after the first ended and still
   * open for every other child; each plan reviewed twice.
   */
  private static String child(String prefix, int n) {
    LocalDate firstStart = LocalDate.of(1950, 1, 2).plusDays(n % 10_000);
    LocalDate firstEnd = firstStart.plusDays(120 + n % 200);
    LocalDate secondStart = firstEnd.plusDays(400 + n % 300);
    String secondEnd = n % 2 == 0 ? "" : "<CPPendDate>" + secondStart.plusDays(200) + "</CPPendDate>\n";
    String category = CategoryOfAbuse.values()[n % 5].name();
    return "<Child>\n<ChildIdentifiers>\n<LAchildID>" + prefix + n + "</LAchildID>\n<UPN>A" + String.format("%012d", n)
        + "</UPN>\n<PersonBirthDate>" + firstStart.minusYears(5) + "</PersonBirthDate>\n<GenderCurrent>1</GenderCurrent>\n"
        + "</ChildIdentifiers>\n<ChildCharacteristics>\n<Ethnicity>WBRI</Ethnicity>\n<Disabilities>\n"
        + "<Disability>NONE</Disability>\n</Disabilities>\n</ChildCharacteristics>\n<CINdetails>\n"
        + "<CINreferralDate>" + firstStart.minusMonths(1) + "</CINreferralDate>\n<ReferralSource>2A</ReferralSource>\n"
        + "<PrimaryNeedCode>N1</PrimaryNeedCode>\n<Assessments>\n<AssessmentActualStartDate>" + firstStart.minusDays(25)
        + "</AssessmentActualStartDate>\n<AssessmentAuthorisationDate>" + firstStart.minusDays(5)
        + "</AssessmentAuthorisationDate>\n<FactorsIdentifiedAtAssessment>\n<AssessmentFactors>3A</AssessmentFactors>\n"
        + "<AssessmentFactors>4B</AssessmentFactors>\n</FactorsIdentifiedAtAssessment>\n</Assessments>\n<Section47>\n"
        + "<S47ActualStartDate>" + firstStart.minusDays(20) + "</S47ActualStartDate>\n<InitialCPCtarget>"
        + firstStart.minusDays(5) + "</InitialCPCtarget>\n<DateOfInitialCPC>" + firstStart + "</DateOfInitialCPC>\n"
        + "<ICPCnotRequired>false</ICPCnotRequired>\n</Section47>\n<ReferralNFA>false</ReferralNFA>\n"
        + "<ChildProtectionPlans>\n<CPPstartDate>" + firstStart + "</CPPstartDate>\n<CPPendDate>" + firstEnd
        + "</CPPendDate>\n<InitialCategoryOfAbuse>" + category + "</InitialCategoryOfAbuse>\n<LatestCategoryOfAbuse>"
        + category + "</LatestCategoryOfAbuse>\n<NumberOfPreviousCPP>0</NumberOfPreviousCPP>\n<Reviews>\n<CPPreviewDate>"
        + firstStart.plusDays(60) + "</CPPreviewDate>\n<CPPreviewDate>" + firstStart.plusDays(110) + "</CPPreviewDate>\n"
        + "</Reviews>\n</ChildProtectionPlans>\n<ChildProtectionPlans>\n<CPPstartDate>" + secondStart + "</CPPstartDate>\n"
        + secondEnd + "<InitialCategoryOfAbuse>" + category + "</InitialCategoryOfAbuse>\n<LatestCategoryOfAbuse>"
        + category + "</LatestCategoryOfAbuse>\n<NumberOfPreviousCPP>1</NumberOfPreviousCPP>\n<Reviews>\n<CPPreviewDate>"
        + secondStart.plusDays(90) + "</CPPreviewDate>\n<CPPreviewDate>" + secondStart.plusDays(180) + "</CPPreviewDate>\n"
        + "</Reviews>\n</ChildProtectionPlans>\n</CINdetails>\n</Child>\n";
  }
}
