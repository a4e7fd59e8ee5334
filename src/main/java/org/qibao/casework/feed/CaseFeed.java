package org.qibao.casework.feed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the casework module records every case event for the city's grid case system: into the
 * outbox, in the transaction that changes the case, so that the event exists exactly when the
 * change does. {@link CaseFeedRelay} takes it to the city's Redis Stream afterwards.
 * <p>
 * Call it after the case's row is written (locked), so that one case's events are recorded in the
 * order its changes commit: the stream keeps that order.
 */
@Component
public class CaseFeed {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CaseFeed(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records the event in the caller's transaction; refuses to run without one, as an event
	 * written apart from its change could outlive a change rolled back.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(CaseFeedEvent event) {
		this.jdbc.sql("""
				INSERT INTO case_feed_outbox (event_id, case_id, city_id, community_id, type, occurred_at, payload)
				VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")
			.params(event.eventId(), event.caseId(), event.cityId(), event.communityId(), event.type(),
					java.sql.Timestamp.from(event.occurredAt()), this.json.writeValueAsString(event.payload()))
			.update();
	}

}
