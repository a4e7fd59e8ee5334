package org.qibao.casework.feed;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox as the relay works through it; a city's work is done under that city's lock. */
@Repository
class CaseFeedOutbox {

	/** The first key of the cities' advisory locks ({@code pg_advisory_xact_lock(int, int)}): "case" in ASCII. */
	private static final int CITY_LOCK = 0x63617365;

	private final JdbcClient jdbc;

	CaseFeedOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The cities with events not yet relayed. */
	List<Long> citiesWithUnrelayedEvents() {
		return this.jdbc.sql("SELECT DISTINCT city_id FROM case_feed_outbox WHERE relayed_at IS NULL ORDER BY city_id")
			.query(Long.class)
			.list();
	}

	/**
	 * Takes the city's lock for the transaction unless another relay holds it: only one relay
	 * appends to a city's stream at a time, so its events go there in order.
	 */
	boolean tryLockCity(long cityId) {
		return this.jdbc.sql("SELECT pg_try_advisory_xact_lock(?, ?)")
			.params(CITY_LOCK, (int) cityId)
			.query(Boolean.class)
			.single();
	}

	/** Takes the city's lock for the transaction, waiting for a relay that holds it. */
	void lockCity(long cityId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(CITY_LOCK, (int) cityId).query(Object.class).list();
	}

	/** The city's oldest events not yet relayed, in the order they were recorded. */
	List<OutboxEvent> unrelayed(long cityId, int limit) {
		return this.jdbc.sql("""
				SELECT sequence, event_id, case_id, city_id, community_id, type, occurred_at, payload::text AS payload
				FROM case_feed_outbox WHERE city_id = ? AND relayed_at IS NULL ORDER BY sequence LIMIT ?""")
			.params(cityId, limit)
			.query((rs, n) -> new OutboxEvent(rs.getLong("sequence"), rs.getObject("event_id", UUID.class),
					rs.getLong("case_id"), rs.getLong("city_id"), rs.getLong("community_id"), rs.getString("type"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload")))
			.list();
	}

	/** Notes where each event went in the stream. */
	void markRelayed(Map<UUID, String> entryIds) {
		if (entryIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE case_feed_outbox o SET relayed_at = now(), stream_entry_id = e.entry_id
				FROM unnest(?::uuid[], ?::text[]) AS e(event_id, entry_id) WHERE o.event_id = e.event_id""")
			.params(entryIds.keySet().toArray(UUID[]::new), entryIds.values().toArray(String[]::new))
			.update();
	}

	/** The cities with events relayed since the time (whose streams may hold entries). */
	List<Long> citiesRelayedSince(Instant since) {
		return this.jdbc.sql("SELECT DISTINCT city_id FROM case_feed_outbox WHERE relayed_at >= ? ORDER BY city_id")
			.param(Timestamp.from(since))
			.query(Long.class)
			.list();
	}

	/** Deletes events relayed before the time; the number deleted. */
	int deleteRelayedBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM case_feed_outbox WHERE relayed_at < ?").param(Timestamp.from(before)).update();
	}

	/** Marks the city's events relayed since the time as not relayed, except those still in the stream. */
	int unmarkRelayedSince(long cityId, Instant since, java.util.Set<UUID> stillInStream) {
		return this.jdbc.sql("""
				UPDATE case_feed_outbox SET relayed_at = NULL, stream_entry_id = NULL
				WHERE city_id = ? AND relayed_at >= ? AND NOT (event_id = ANY(?))""")
			.params(cityId, Timestamp.from(since), stillInStream.toArray(UUID[]::new))
			.update();
	}

}
