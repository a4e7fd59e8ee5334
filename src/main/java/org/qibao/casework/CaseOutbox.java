package org.qibao.casework;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.qibao.casework.feed.CaseFeed;
import org.qibao.casework.feed.CaseFeedEvent;
import org.qibao.geo.Geography;
import org.springframework.stereotype.Component;

/**
 * Hands every case event to the feed to the city's grid case system ({@link CaseFeed}), in the
 * change's own transaction and after the case's row is written, so the city's stream gets each
 * case's events in the order they happened. The event's ID is derived from the timeline entry's,
 * so it is the same however often it is relayed.
 */
@Component
class CaseOutbox {

	private final CaseFeed feed;

	private final Geography geography;

	CaseOutbox(CaseFeed feed, Geography geography) {
		this.feed = feed;
		this.geography = geography;
	}

	void record(Case gridCase, CaseEvent event) {
		Long city = this.geography.citiesOf(List.of(gridCase.communityId())).get(gridCase.communityId());
		this.feed.record(new CaseFeedEvent(eventId(event.id()), gridCase.id(), city, gridCase.communityId(),
				"case." + event.kind().name().toLowerCase(Locale.ROOT), event.at(), payload(gridCase, event)));
	}

	static UUID eventId(long caseEventId) {
		return UUID.nameUUIDFromBytes(("qibao:case-event:" + caseEventId).getBytes(StandardCharsets.UTF_8));
	}

	/** The event's facts: the case's stage and version after it, and what the event itself carries. */
	private static Map<String, Object> payload(Case gridCase, CaseEvent event) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("stage", gridCase.stage().name());
		payload.put("version", gridCase.version());
		payload.put("categoryId", gridCase.categoryId());
		payload.put("gridId", gridCase.gridId());
		payload.put("actorAccountId", event.actorId());
		payload.put("note", event.note());
		payload.put("photoIds", event.photoIds());
		if (event.kind() == CaseEventKind.REPORTED) {
			payload.put("description", gridCase.description());
			payload.put("longitude", gridCase.position().longitude());
			payload.put("latitude", gridCase.position().latitude());
			payload.put("reportedAt", gridCase.reportedAt().toString());
		}
		if (gridCase.dueAt() != null) {
			payload.put("dueAt", gridCase.dueAt().toString());
		}
		return payload;
	}

}
