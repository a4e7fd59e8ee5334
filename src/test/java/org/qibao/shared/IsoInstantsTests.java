package org.qibao.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick reading of a date-time gives what the general parser gives, or leaves the text to it. */
class IsoInstantsTests {

	@Test
	void theFormPhonesSendReadsAsTheGeneralParserReadsIt() {
		List<String> texts = new ArrayList<>(List.of("2026-12-07T20:15:30Z", "2026-12-07T20:15:30.1Z",
				"2026-12-07T20:15:30.123456789Z", "2026-12-07T20:15:30.120+08:00", "2024-02-29T23:59:59-05:30",
				"2000-01-01T00:00:00+18:00", "2100-12-31T23:59:59-18:00", "2026-01-01T00:00:00-00:00"));
		Random random = new Random(7);
		for (int i = 0; i < 2_000; i++) {
			Instant at = Instant.ofEpochSecond(946_684_800L + random.nextLong(3_155_000_000L), random.nextInt(1_000_000_000));
			int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
			texts.add(at.atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toString());
			texts.add(at.toString());
		}
		for (String text : texts) {
			Instant read = IsoInstants.read(text);
			if (read != null) {
				assertThat(read).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
			}
		}
		assertThat(texts.subList(0, 8)).allMatch(text -> IsoInstants.read(text) != null);
	}

	@Test
	void anythingElseIsLeftToTheGeneralParser() {
		for (String text : List.of("2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-12-07T24:00:00Z",
				"2026-12-07T23:60:00Z", "2026-12-07T23:59:60Z", "2026-12-07t20:15:30z", "2026-12-07T20:15Z",
				"2026-12-07T20:15:30", "2026-12-07T20:15:30.Z", "2026-12-07T20:15:30.1234567890Z",
				"2026-12-07T20:15:30+0800", "2026-12-07T20:15:30+08:00:00", "2026-12-07T20:15:30+18:01",
				"1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "+2026-12-07T20:15:30Z", "2026-12-07T20:15:30Z ",
				"2026-12-07 20:15:30Z", "２026-12-07T20:15:30Z", "2026-12-07T20:15:30.5+08:00x")) {
			assertThat(IsoInstants.read(text)).as(text).isNull();
		}
		assertThat(IsoInstants.read("2026-12-07t20:15:30z")).isNull();
		try {
			OffsetDateTime.parse("2026-02-29T10:00:00Z");
			throw new AssertionError("the general parser refuses a day the month lacks");
		}
		catch (DateTimeParseException expected) {
			// left to it, the text is refused as before
		}
	}

}
