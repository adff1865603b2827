package org.safeguardingworkflows.testsupport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A CIN census return written as the DfE's XML for tests, with the personal data a real return carries (name, UPN,
 * birth date, sex, ethnicity, disability) so that tests can show none of it is kept. One element per line, so each
 * plan's {@code ChildProtectionPlans} element has a line of its own ({@link #lineOf}).
 */
public final class CensusReturn {

  /** A plan as a return states it; {@code end} null while open, {@code previous} null to leave NumberOfPreviousCPP out. */
  public record Plan(String start, String end, String initial, String latest, Integer previous, List<String> reviews) {

    public static Plan of(String start, String end, String category, int previous) {
      return new Plan(start, end, category, category, previous, List.of());
    }

    public Plan reviewed(String... dates) {
      return new Plan(start, end, initial, latest, previous, List.of(dates));
    }
  }

  /** A child of the return with personal data that must never be kept. */
  public record Child(String ref, String upn, String birthDate, String name, List<Plan> plans) {}

  private final int year;
  private final List<Child> children = new ArrayList<>();

  private CensusReturn(int year) {
    this.year = year;
  }

  /** The return for the census year ending 31 March {@code year}. */
  public static CensusReturn forYearEnding(int year) {
    return new CensusReturn(year);
  }

  public CensusReturn child(String ref, Plan... plans) {
    int n = children.size() + 1;
    children.add(new Child(ref, "A" + String.format("%012d", 123456789000L + n), LocalDate.of(2008, 1, 3).plusDays(n * 37L).toString(),
        "Zebedee" + n + " Quarrington", List.of(plans)));
    return this;
  }

  public List<Child> children() {
    return children;
  }

  public LocalDate referenceDate() {
    return LocalDate.of(year, 3, 31);
  }

  /** The line of the {@code ChildProtectionPlans} element of the child's n-th plan (0-based), as written by {@link #xml}. */
  public long lineOf(String childRef, int plan) {
    String[] lines = xml().split("\n", -1);
    int seen = -1;
    boolean inChild = false;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("<LAchildID>")) {
        inChild = lines[i].contains(">" + childRef + "<");
      }
      if (inChild && lines[i].contains("<ChildProtectionPlans>") && ++seen == plan) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no plan " + plan + " of " + childRef);
  }

  public String xml() {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Header>\n<CollectionDetails>\n")
        .append("<Collection>CIN</Collection>\n<Year>").append(year).append("</Year>\n")
        .append("<ReferenceDate>").append(referenceDate()).append("</ReferenceDate>\n</CollectionDetails>\n")
        .append("<Source>\n<SourceLevel>L</SourceLevel>\n<LEA>999</LEA>\n<SoftwareCode>Test</SoftwareCode>\n</Source>\n")
        .append("</Header>\n<Children>\n");
    for (Child child : children) {
      xml.append("<Child>\n<ChildIdentifiers>\n<LAchildID>").append(child.ref()).append("</LAchildID>\n")
          .append("<UPN>").append(child.upn()).append("</UPN>\n")
          .append("<PersonBirthDate>").append(child.birthDate()).append("</PersonBirthDate>\n")
          .append("<GenderCurrent>2</GenderCurrent>\n<PersonName>").append(child.name()).append("</PersonName>\n")
          .append("</ChildIdentifiers>\n<ChildCharacteristics>\n<Ethnicity>WROM</Ethnicity>\n")
          .append("<Disabilities>\n<Disability>AUT</Disability>\n</Disabilities>\n</ChildCharacteristics>\n")
          .append("<CINdetails>\n<CINreferralDate>2015-01-05</CINreferralDate>\n<ReferralSource>2A</ReferralSource>\n")
          .append("<ReferralNFA>false</ReferralNFA>\n");
      for (Plan plan : child.plans()) {
        xml.append("<ChildProtectionPlans>\n<CPPstartDate>").append(plan.start()).append("</CPPstartDate>\n");
        if (plan.end() != null) {
          xml.append("<CPPendDate>").append(plan.end()).append("</CPPendDate>\n");
        }
        xml.append("<InitialCategoryOfAbuse>").append(plan.initial()).append("</InitialCategoryOfAbuse>\n")
            .append("<LatestCategoryOfAbuse>").append(plan.latest()).append("</LatestCategoryOfAbuse>\n");
        if (plan.previous() != null) {
          xml.append("<NumberOfPreviousCPP>").append(plan.previous()).append("</NumberOfPreviousCPP>\n");
        }
        if (!plan.reviews().isEmpty()) {
          xml.append("<Reviews>\n");
          plan.reviews().forEach(review -> xml.append("<CPPreviewDate>").append(review).append("</CPPreviewDate>\n"));
          xml.append("</Reviews>\n");
        }
        xml.append("</ChildProtectionPlans>\n");
      }
      xml.append("</CINdetails>\n</Child>\n");
    }
    return xml.append("</Children>\n</Message>\n").toString();
  }
}
