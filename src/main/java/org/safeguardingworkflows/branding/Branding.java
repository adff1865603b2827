package org.safeguardingworkflows.branding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the application calls itself on every page: Tasklist, Cockpit, Admin, the welcome page, their login pages and
 * the application's own pages. Each council sets its own name; the application's name can be changed too (councils
 * often name their systems).
 *
 * @param applicationName the application's name, shown after the council's
 * @param councilName the council that runs it
 */
@ConfigurationProperties("safeguarding.branding")
public record Branding(String applicationName, String councilName) {

  /** As the Camunda header writes it: the vendor (the council), then the application. */
  public String fullName() {
    return councilName == null || councilName.isBlank() ? applicationName : councilName + " " + applicationName;
  }
}
