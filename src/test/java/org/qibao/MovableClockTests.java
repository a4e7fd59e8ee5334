package org.qibao;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MovableClockTests {

	private static final Instant NINE = Instant.parse("2026-03-01T09:00:00Z");

	private final MovableClock clock = MovableClock.following(Clock.fixed(NINE, ZoneOffset.UTC));

	@Test
	void untilMovedItReadsTheClockItFollows() {
		assertThat(this.clock.instant()).isEqualTo(NINE);
	}

	@Test
	void movingItOnIsAsIfTheTimeHadPassed() {
		this.clock.moveTo(NINE.plusSeconds(62));
		assertThat(this.clock.instant()).isEqualTo(NINE.plusSeconds(62));
		this.clock.moveTo(NINE.plusSeconds(90));
		assertThat(this.clock.instant()).isEqualTo(NINE.plusSeconds(90));
	}

	@Test
	void aMomentPassedAlreadyMovesNothing() {
		this.clock.moveTo(NINE.plusSeconds(62));
		this.clock.moveTo(NINE.plusSeconds(2));
		assertThat(this.clock.instant()).isEqualTo(NINE.plusSeconds(62));
	}

	@Test
	void theClockInAnotherZoneMovesWithIt() {
		Clock shanghai = this.clock.withZone(ZoneId.of("Asia/Shanghai"));
		this.clock.moveTo(NINE.plusSeconds(62));
		assertThat(shanghai.instant()).isEqualTo(NINE.plusSeconds(62));
		assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
	}

}
