package org.qibao.patrol;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The patrol rules a community may tune ({@code qibao.patrol.*}).
 *
 * @param checkInLead how long before a shift's start check-in opens
 * @param checkOutGrace how long after a shift's end a forgotten check-out is closed automatically
 * @param maxAccuracyMetres the worst reported accuracy a check-in accepts (the geofence itself is geo.Geofence)
 * @param atRiskWithin how close to its start a shift below its minimum counts as at risk
 * @param generateAheadDays how many days ahead schedules generate their shifts
 * @param minCoverageShare the share of checked-in minutes that must be covered for automatic verification
 * @param maxOutsideShare the share of positions that may lie outside the area for automatic verification
 * @param maxImplausiblePositions how many implausible positions automatic verification tolerates (a phone
 *        glitches now and then: one NaN or one jump should not send a clean patrol to review)
 * @param backdatingAllowance how long before its creation a shift may start (a captain starting a patrol on the
 *        spot types the round time); a shift created later than its start plus this cannot be checked into
 */
@ConfigurationProperties("qibao.patrol")
record PatrolProperties(@DefaultValue("30m") Duration checkInLead, @DefaultValue("30m") Duration checkOutGrace,
		@DefaultValue("150") int maxAccuracyMetres,
		@DefaultValue("24h") Duration atRiskWithin, @DefaultValue("14") int generateAheadDays,
		@DefaultValue("0.8") double minCoverageShare, @DefaultValue("0.1") double maxOutsideShare,
		@DefaultValue("3") int maxImplausiblePositions, @DefaultValue("15m") Duration backdatingAllowance) {
}
