package org.safeguardingworkflows.children;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * The timescales after a life event that ends or moves a child's work, read by the life event diagram as
 * {@code ${lifeEventSettings.X}}. Defaults and their sources are in {@code application.yaml} under
 * {@code safeguarding.life-events}.
 */
@Component("lifeEventSettings")
@ConfigurationProperties("safeguarding.life-events")
public class LifeEventSettings {

  private int transferOutDueWorkingDays;
  private int transferInConferenceWorkingDays;
  private int seriousIncidentNotificationWorkingDays;

  @PostConstruct
  void checkSettings() {
    if (transferOutDueWorkingDays < 1 || transferInConferenceWorkingDays < 1 || seriousIncidentNotificationWorkingDays < 1) {
      throw new IllegalStateException("safeguarding.life-events: every working-day timescale must be at least 1");
    }
  }

  public int getTransferOutDueWorkingDays() { return transferOutDueWorkingDays; }
  public void setTransferOutDueWorkingDays(int value) { this.transferOutDueWorkingDays = value; }
  public int getTransferInConferenceWorkingDays() { return transferInConferenceWorkingDays; }
  public void setTransferInConferenceWorkingDays(int value) { this.transferInConferenceWorkingDays = value; }
  public int getSeriousIncidentNotificationWorkingDays() { return seriousIncidentNotificationWorkingDays; }
  public void setSeriousIncidentNotificationWorkingDays(int value) { this.seriousIncidentNotificationWorkingDays = value; }
}
