package org.safeguardingworkflows.children;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * The timescales after a life event that ends or moves a child's work, read by the life event diagram as
 * {@code ${lifeEventSettings.X}}. Defaults and their sources are in {@code application.yaml} under
 * {@code safeguarding.life-events}.
 */
@Component("lifeEventSettings")
@ConfigurationProperties("safeguarding.life-events")
@Validated
public class LifeEventSettings {

  @Positive
  private int transferOutDueWorkingDays;
  @Positive
  private int transferInConferenceWorkingDays;
  @Positive
  private int seriousIncidentNotificationWorkingDays;

  public int getTransferOutDueWorkingDays() { return transferOutDueWorkingDays; }
  public void setTransferOutDueWorkingDays(int value) { this.transferOutDueWorkingDays = value; }
  public int getTransferInConferenceWorkingDays() { return transferInConferenceWorkingDays; }
  public void setTransferInConferenceWorkingDays(int value) { this.transferInConferenceWorkingDays = value; }
  public int getSeriousIncidentNotificationWorkingDays() { return seriousIncidentNotificationWorkingDays; }
  public void setSeriousIncidentNotificationWorkingDays(int value) { this.seriousIncidentNotificationWorkingDays = value; }
}
