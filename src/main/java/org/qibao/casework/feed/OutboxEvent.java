package org.qibao.casework.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An event as the outbox holds it, with the fields its stream entry carries. */
record OutboxEvent(long sequence, UUID eventId, long caseId, long cityId, long communityId, String type,
		Instant occurredAt, String payloadJson) {

	/** The number of strings {@link #entryFields()} gives: name, value, name, value... */
	static final int ENTRY_FIELD_STRINGS = 16;

	/** The stream entry's fields, as name and value in turn (docs/casework.md, "The feed"). */
	List<String> entryFields() {
		return List.of("event_id", this.eventId.toString(), "type", this.type, "case_id", Long.toString(this.caseId),
				"community_id", Long.toString(this.communityId), "city_id", Long.toString(this.cityId), "occurred_at",
				this.occurredAt.toString(), "sequence", Long.toString(this.sequence), "payload", this.payloadJson);
	}

}
