package org.qibao.location;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How live patrol locations behave ({@code qibao.location.*}).
 *
 * @param staleAfter a position older than this is shown as stale (greyed) on the live map
 * @param dropAfter a position older than this drops off the live map
 * @param maxAccuracyMetres reports less accurate than this are dropped
 * @param maxFuture how far ahead of the server's clock a phone's timestamp may be
 * @param maxAge how old a report may be (a phone's offline queue)
 * @param maxSpeedMetresPerSecond the fastest a foot or bicycle patrol moves
 * @param minInterval reports closer together than this are coalesced
 * @param trackLength how many recent positions a check-in keeps in Redis
 * @param maxBatch the most reports one batch may carry
 * @param retention how long closed check-ins' tracks are kept in PostgreSQL
 * @param checkInCache how long this instance reuses its copy of a phone's check-in before reading it
 *        again (a check-out elsewhere is caught at once by the live map's closed mark)
 * @param lateReportWindow how long after a check-out positions the phone took before it are still
 *        taken (queued in a dead zone), before the coverage is final
 */
@ConfigurationProperties("qibao.location")
record LocationProperties(@DefaultValue("60s") Duration staleAfter, @DefaultValue("10m") Duration dropAfter,
		@DefaultValue("100") double maxAccuracyMetres, @DefaultValue("30s") Duration maxFuture,
		@DefaultValue("12h") Duration maxAge, @DefaultValue("8") double maxSpeedMetresPerSecond,
		@DefaultValue("5s") Duration minInterval,
		@DefaultValue("2000") int trackLength, @DefaultValue("100") int maxBatch,
		@DefaultValue("30d") Duration retention, @DefaultValue("5m") Duration checkInCache,
		@DefaultValue("10m") Duration lateReportWindow) {

	/**
	 * The live map's keys' TTL: renewed once half has run down, so they outlive the community's last
	 * position by at least the drop-off time plus a minute, and by at most twice that.
	 */
	Duration liveMapTtl() {
		return this.dropAfter.plusMinutes(1).multipliedBy(2);
	}

}
