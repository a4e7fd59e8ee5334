package org.qibao.casework;

import org.springframework.stereotype.Component;

/**
 * Hands every case event to the feed to the city's grid case system, in the change's own
 * transaction. The feed ({@code casework.feed.CaseFeed}: outbox table, relay to Redis Streams)
 * is built separately; until it is merged this is the seam it plugs into, and events are kept
 * only on the case's own timeline ({@code case_event}).
 */
@Component
class CaseOutbox {

	void record(Case gridCase, CaseEvent event) {
		// wired to casework.feed.CaseFeed#record once the feed is merged
	}

}
