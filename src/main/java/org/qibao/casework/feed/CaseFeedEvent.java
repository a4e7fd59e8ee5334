package org.qibao.casework.feed;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One case event as the city's grid case system receives it: a transition, an added note, a
 * deadline passed. {@code eventId} is stable (a consumer keys its work by it, and the relay never
 * appends one twice to a stream); {@code type} names what happened ({@code case.reported},
 * {@code case.accepted}, ...); {@code payload} carries the event's facts as JSON-able values
 * (strings, numbers, booleans, lists and maps of them).
 */
public record CaseFeedEvent(UUID eventId, long caseId, long cityId, long communityId, String type, Instant occurredAt,
		Map<String, Object> payload) {

	public CaseFeedEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(occurredAt, "occurredAt");
		payload = (payload != null) ? payload : Map.of();
	}

	/** An event with a new id. */
	public static CaseFeedEvent of(long caseId, long cityId, long communityId, String type, Instant occurredAt,
			Map<String, Object> payload) {
		return new CaseFeedEvent(UUID.randomUUID(), caseId, cityId, communityId, type, occurredAt, payload);
	}

}
