package org.safeguardingworkflows.timescales;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which public holidays count and when a working day ends.
 *
 * @param country jollyday calendar code (GB)
 * @param region jollyday subdivision: {@code eng} (England; Wales has the same bank holidays)
 * @param zone the local authority's time zone
 * @param endOfWorkingDay the time of day at which a deadline falls due
 */
@ConfigurationProperties("safeguarding.calendar")
public record CalendarProperties(String country, String region, ZoneId zone, LocalTime endOfWorkingDay) {}
