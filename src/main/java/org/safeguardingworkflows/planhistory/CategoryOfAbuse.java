package org.safeguardingworkflows.planhistory;

import java.util.Arrays;

/** Category of abuse, as the CIN census codes it ({@code InitialCategoryOfAbuse}, {@code LatestCategoryOfAbuse}). */
public enum CategoryOfAbuse {
  NEG("Neglect"),
  PHY("Physical abuse"),
  SAB("Sexual abuse"),
  EMO("Emotional abuse"),
  MUL("Multiple categories");

  /** For {@code @OneOf(CategoryOfAbuse.class)}: the codes with what they are. */
  public static final String MUST_BE_A_CODE = "must be a CIN census code: {codes}.";

  private final String label;

  CategoryOfAbuse(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static boolean isCode(String code) {
    return code != null && Arrays.stream(values()).anyMatch(c -> c.name().equals(code));
  }
}
