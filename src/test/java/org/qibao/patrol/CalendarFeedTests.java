package org.qibao.patrol;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.patrol.PatrolFixture.Crew;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.patrol.PatrolFixture.signUp;

@QibaoTest
@Import(PatrolTestConfiguration.class)
class CalendarFeedTests {

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Test
	void aVolunteersPrivateFeedListsTheirShiftsWithoutSigningIn() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofHours(3), Duration.ofHours(2), 1, 7);
		var phone = crew.volunteer(0).client(this.port);
		signUp(phone, shift);
		String url = phone.document("{ myCalendarUrl }").execute().path("myCalendarUrl").entity(String.class).get();
		assertThat(url).matches("/calendar/[A-Za-z0-9_-]{32}\\.ics");
		assertThat(phone.document("{ myCalendarUrl }").execute().path("myCalendarUrl").entity(String.class).get()).isEqualTo(url);
		String ics = Clients.http(this.port).get().uri(url).exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("text/calendar")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(ics).contains("BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:shift-" + shift.id() + "@qibao",
				"DTSTART:" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
					.withZone(java.time.ZoneOffset.UTC).format(shift.startsAt()));
	}

	@Test
	void anUnknownFeedIsNotFound() {
		Clients.http(this.port).get().uri("/calendar/nothing-here.ics").exchange().expectStatus().isNotFound();
	}

}
