package org.qibao.patrol;

import java.time.Clock;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /calendar/<token>.ics}: the feed that a phone's calendar app subscribes to. */
@RestController
class CalendarFeedEndpoint {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private final CalendarFeed feed;

	private final Clock clock;

	CalendarFeedEndpoint(CalendarFeed feed, Clock clock) {
		this.feed = feed;
		this.clock = clock;
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> calendar(@PathVariable String token) {
		return this.feed.render(token, this.clock.instant())
			.map(ics -> ResponseEntity.ok().contentType(TEXT_CALENDAR).body(ics))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
