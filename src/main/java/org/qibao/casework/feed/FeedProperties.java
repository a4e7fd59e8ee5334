package org.qibao.casework.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How case events reach the cities' Redis Streams ({@code qibao.casework.feed.*}).
 *
 * @param relayEvery how long the relay waits after a pass before it looks for new events again
 * @param batchSize the most events of one city appended in one pass (one Redis round trip)
 * @param retention how long entries stay in a stream: older ones are trimmed (by entry ID, MINID);
 *        a replay rewrites the events relayed within this period
 * @param keepInOutbox how long relayed events stay in the outbox (at least the retention, so that a
 *        replay finds them)
 * @param upkeepEvery how often idle streams are trimmed and old events leave the outbox
 * @param scheduled whether this instance relays on its own schedule (any number of instances may)
 */
@ConfigurationProperties("qibao.casework.feed")
record FeedProperties(@DefaultValue("1s") Duration relayEvery, @DefaultValue("200") int batchSize,
		@DefaultValue("7d") Duration retention, @DefaultValue("30d") Duration keepInOutbox,
		@DefaultValue("10m") Duration upkeepEvery, @DefaultValue("true") boolean scheduled) {

	FeedProperties {
		if (batchSize < 1 || batchSize > 1000) {
			throw new IllegalArgumentException("qibao.casework.feed.batch-size must be between 1 and 1000");
		}
		if (retention.toMinutes() < 1) {
			throw new IllegalArgumentException("qibao.casework.feed.retention must be at least a minute");
		}
		if (keepInOutbox.compareTo(retention) < 0) {
			throw new IllegalArgumentException("qibao.casework.feed.keep-in-outbox must be at least the retention");
		}
	}

}
