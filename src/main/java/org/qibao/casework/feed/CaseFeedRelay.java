package org.qibao.casework.feed;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes recorded case events from the outbox to their city's Redis Stream. Every instance runs it;
 * a city's events are relayed by one relay at a time (the city's lock), in the order they were
 * recorded, a batch per transaction: appended first, then marked relayed. A relay that dies in
 * between leaves them unmarked, and the next pass appends them again, which the stream's index of
 * appended events turns into nothing ({@link CityStreamWriter}). While Redis cannot be reached the
 * events wait in the outbox.
 */
@Component
public class CaseFeedRelay {

	private static final Log log = LogFactory.getLog(CaseFeedRelay.class);

	private final CaseFeedOutbox outbox;

	private final CityStreamWriter streams;

	private final TransactionTemplate transaction;

	private final FeedProperties properties;

	private final AfterAppend afterAppend;

	private final Clock clock;

	private volatile boolean redisAway;

	@Autowired
	CaseFeedRelay(CaseFeedOutbox outbox, CityStreamWriter streams, TransactionTemplate transaction,
			FeedProperties properties) {
		this(outbox, streams, transaction, properties, (cityId, appended) -> {
		}, Clock.systemUTC());
	}

	CaseFeedRelay(CaseFeedOutbox outbox, CityStreamWriter streams, TransactionTemplate transaction,
			FeedProperties properties, AfterAppend afterAppend, Clock clock) {
		this.outbox = outbox;
		this.streams = streams;
		this.transaction = transaction;
		this.properties = properties;
		this.afterAppend = afterAppend;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${qibao.casework.feed.relay-every:1s}",
			fixedDelayString = "${qibao.casework.feed.relay-every:1s}")
	void onSchedule() {
		if (this.properties.scheduled()) {
			relayPending();
		}
	}

	@Scheduled(initialDelayString = "${qibao.casework.feed.upkeep-every:10m}",
			fixedDelayString = "${qibao.casework.feed.upkeep-every:10m}")
	void onUpkeepSchedule() {
		if (this.properties.scheduled()) {
			replayLostStreams();
			trimStreams();
			int deleted = this.outbox.deleteRelayedBefore(this.clock.instant().minus(this.properties.keepInOutbox()));
			if (deleted > 0) {
				log.info("Deleted " + deleted + " case events relayed more than " + this.properties.keepInOutbox() + " ago");
			}
		}
	}

	/**
	 * Writes again, from the outbox, the streams Redis lost whole (a flush, a restart without
	 * persistence, a {@code DEL}): those of cities with events relayed within the retention period
	 * that are not there any more. A stream that lost only some entries needs {@link #replay}.
	 * Returns the number of events appended again.
	 */
	public int replayLostStreams() {
		int replayed = 0;
		try {
			for (long cityId : this.outbox.citiesRelayedSince(keepFrom())) {
				if (!this.streams.exists(cityId)) {
					log.warn("The case event stream of city " + cityId + " is gone from Redis: writing it again");
					replayed += replay(cityId);
				}
			}
		}
		catch (DataAccessException ex) {
			log.warn("Lost case event streams not looked for now: " + ex.getMessage());
		}
		return replayed;
	}

	/**
	 * Trims the streams of entries older than the retention, those with nothing new too (the relay
	 * trims a stream whenever it appends). Any number of instances may run it at once.
	 */
	public void trimStreams() {
		java.time.Instant keepFrom = keepFrom();
		try {
			for (long cityId : this.outbox.citiesRelayedSince(keepFrom.minus(this.properties.retention()))) {
				this.streams.trim(cityId, keepFrom);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Case event streams not trimmed now: " + ex.getMessage());
		}
	}

	/**
	 * Relays the events recorded so far, city by city, skipping cities another relay is working
	 * on; the number of events this relay appended (or found appended already).
	 */
	public int relayPending() {
		int relayed = 0;
		try {
			for (long cityId : this.outbox.citiesWithUnrelayedEvents()) {
				for (int batch = relayBatch(cityId); batch > 0; batch = relayBatch(cityId)) {
					relayed += batch;
				}
			}
			if (this.redisAway) {
				this.redisAway = false;
				log.info("Redis is back: case events are relayed again");
			}
		}
		catch (DataAccessException ex) {
			if (!this.redisAway) {
				log.warn("Case events wait in the outbox: " + ex.getMessage());
			}
			this.redisAway = true;
		}
		return relayed;
	}

	/** One batch of the city's events, under its lock; 0 when there are none or another relay has it. */
	private int relayBatch(long cityId) {
		Integer relayed = this.transaction.execute(status -> {
			if (!this.outbox.tryLockCity(cityId)) {
				return 0;
			}
			List<OutboxEvent> events = this.outbox.unrelayed(cityId, this.properties.batchSize());
			if (events.isEmpty()) {
				return 0;
			}
			Map<UUID, String> appended = this.streams.append(cityId, events, keepFrom());
			this.afterAppend.appended(cityId, appended);
			this.outbox.markRelayed(appended);
			return events.size();
		});
		return (relayed == null) ? 0 : relayed;
	}

	/**
	 * Writes the city's stream again from the outbox, after Redis lost it or part of it: the
	 * events relayed within the retention period that the stream no longer holds are appended
	 * again (after those it still holds, which stay as they are, consumer groups included). Safe
	 * to run at any time and on any instance; returns the number of events appended again.
	 */
	public int replay(long cityId) {
		Integer missing = this.transaction.execute(status -> {
			this.outbox.lockCity(cityId);
			Set<UUID> held = this.streams.reindex(cityId);
			return this.outbox.unmarkRelayedSince(cityId, keepFrom(), held);
		});
		relayPending();
		return (missing == null) ? 0 : missing;
	}

	/** The time of the oldest entries a stream keeps. */
	private java.time.Instant keepFrom() {
		return this.clock.instant().minus(this.properties.retention());
	}

	/** What happens between an append and its bookkeeping: nothing, but a test may stop the relay there. */
	@FunctionalInterface
	interface AfterAppend {

		void appended(long cityId, Map<UUID, String> entryIds);

	}

}
