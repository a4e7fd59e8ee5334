package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.qibao.shared.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;

/** Each filter of the position pipeline, on its own: no server needed. */
class PositionFiltersTests {

	private static final Instant NOW = Instant.parse("2026-11-27T09:30:00Z");

	private static final GeoPoint HERE = new GeoPoint(114.3530, 30.5675);

	private static final ActiveCheckIn CHECK_IN = new ActiveCheckIn(1, 2, 3, 4, List.of(5L),
			NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)), null, null);

	private final PositionFilters filters = new PositionFilters(new LocationProperties(Duration.ofSeconds(60),
			Duration.ofMinutes(10), 100, Duration.ofSeconds(30), Duration.ofHours(12), 8, Duration.ofSeconds(5),
			2000, 100, Duration.ofDays(30), Duration.ofSeconds(5), Duration.ofMinutes(10)));

	@Test
	void aPlausiblePositionPassesEveryFilter() {
		assertThat(dropReason(report(HERE, 10, NOW), lastSecondsAgo(HERE, 15))).isNull();
		assertThat(dropReason(report(HERE, 10, NOW), null)).isNull();
	}

	@Test
	void nanOutOfRangeSwappedAndNullIslandCoordinatesAreInvalid() {
		assertThat(dropReason(report(new GeoPoint(Double.NaN, 30.5), 10, NOW), null))
			.isEqualTo(DropReason.INVALID_COORDINATES);
		assertThat(dropReason(report(new GeoPoint(181, 30.5), 10, NOW), null)).isEqualTo(DropReason.INVALID_COORDINATES);
		assertThat(dropReason(report(new GeoPoint(30.5675, 114.3530), 10, NOW), null))
			.isEqualTo(DropReason.INVALID_COORDINATES);
		assertThat(dropReason(report(new GeoPoint(0, 0), 10, NOW), null)).isEqualTo(DropReason.INVALID_COORDINATES);
	}

	@Test
	void missingNegativeOrPoorAccuracyIsBad() {
		assertThat(dropReason(report(HERE, 0, NOW), null)).isEqualTo(DropReason.BAD_ACCURACY);
		assertThat(dropReason(report(HERE, -5, NOW), null)).isEqualTo(DropReason.BAD_ACCURACY);
		assertThat(dropReason(report(HERE, Double.NaN, NOW), null)).isEqualTo(DropReason.BAD_ACCURACY);
		assertThat(dropReason(report(HERE, 250, NOW), null)).isEqualTo(DropReason.BAD_ACCURACY);
	}

	@Test
	void aTimestampFromTheFutureOrTooLongAgoIsDropped() {
		assertThat(dropReason(report(HERE, 10, NOW.plusSeconds(120)), null)).isEqualTo(DropReason.FUTURE_TIMESTAMP);
		assertThat(dropReason(report(HERE, 10, NOW.plusSeconds(10)), null)).isNull();
		assertThat(dropReason(report(HERE, 10, NOW.minus(Duration.ofHours(13))), null)).isEqualTo(DropReason.TOO_OLD);
	}

	@Test
	void aPositionFromBeforeTheCheckInIsNeverKept() {
		assertThat(dropReason(report(HERE, 10, NOW.minus(Duration.ofHours(2))), null))
			.isEqualTo(DropReason.OUTSIDE_CHECK_IN);
	}

	@Test
	void aResentOrOvertakenReportIsADuplicate() {
		assertThat(dropReason(report(HERE, 10, NOW), lastSecondsAgo(HERE, 0))).isEqualTo(DropReason.DUPLICATE);
		assertThat(dropReason(report(HERE, 10, NOW.minusSeconds(30)), lastSecondsAgo(HERE, 0)))
			.isEqualTo(DropReason.DUPLICATE);
	}

	@Test
	void aJumpFasterThanABicycleIsImplausible() {
		GeoPoint kilometreEast = new GeoPoint(HERE.longitude() + 1000 / (111_320 * Math.cos(Math.toRadians(30.5675))),
				HERE.latitude());
		assertThat(dropReason(report(kilometreEast, 10, NOW), lastSecondsAgo(HERE, 15)))
			.isEqualTo(DropReason.IMPLAUSIBLE_SPEED);
		assertThat(dropReason(report(kilometreEast, 10, NOW), lastSecondsAgo(HERE, 600))).isNull();
	}

	@Test
	void aPhoneReportingItsOwnCarSpeedIsImplausible() {
		PositionReport fast = new PositionReport(HERE, 10, NOW, 20.0, 90.0);
		assertThat(dropReason(fast, null)).isEqualTo(DropReason.IMPLAUSIBLE_SPEED);
	}

	@Test
	void aReportSecondsAfterTheLastIsCoalesced() {
		assertThat(dropReason(report(HERE, 10, NOW), lastSecondsAgo(HERE, 2))).isEqualTo(DropReason.TOO_FREQUENT);
	}

	private DropReason dropReason(PositionReport report, LivePatroller last) {
		return this.filters.dropReason(report, new PositionFilter.Context(CHECK_IN, last, NOW));
	}

	private static PositionReport report(GeoPoint point, double accuracy, Instant at) {
		return new PositionReport(point, accuracy, at, null, null);
	}

	private static LivePatroller lastSecondsAgo(GeoPoint point, int seconds) {
		return new LivePatroller(1, 2, 3, 4, List.of(5L), 5L, point, 10, NOW.minusSeconds(seconds), null, null, true,
				false, null);
	}

}
