package org.qibao.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.qibao.location.PatrolSessions;
import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.qibao.shared.GlobalId;

/**
 * A volunteer's check-in to a shift of the demo team in DT-01 and DT-02, opened through the
 * location module's API as the patrol module opens it, with a position reported from the phone:
 * its track is what {@code patrolTrack} shows.
 */
final class TrackObjects {

	private static final String REPORT = """
			mutation($input: PositionReportInput!) { positionReport(input: $input) { accepted userErrors { code } } }""";

	/** Check-in keys far from any the patrol module hands out, new on every run. */
	private static final long FIRST_KEY = 30_000_000_000L + System.currentTimeMillis() % 1_000_000_000L;

	private final Dongting dongting;

	private final PatrolSessions sessions;

	private ActiveCheckIn checkIn;

	TrackObjects(Dongting dongting, PatrolSessions sessions) {
		this.dongting = dongting;
		this.sessions = sessions;
	}

	/** One check-in is enough: looking at its track changes nothing. */
	ExistingObject toRead() {
		if (this.checkIn == null) {
			this.checkIn = open();
		}
		return ExistingObject.read(Map.of("checkInId", GlobalId.encode("CheckIn", this.checkIn.checkInId())));
	}

	private ActiveCheckIn open() {
		Dongting.Person volunteer = this.dongting.volunteer("矩阵巡逻");
		Instant start = Instant.now().minus(Duration.ofMinutes(20));
		ActiveCheckIn opened = new ActiveCheckIn(FIRST_KEY, volunteer.accountId(), this.dongting.communityId,
				this.dongting.teamId, List.of(this.dongting.dt01, this.dongting.dt02), start, start.plus(Duration.ofHours(2)),
				start, null, null);
		this.sessions.opened(opened);
		Map<String, Object> report = this.dongting.calls.succeeded(volunteer.token(), REPORT,
				Map.of("input", Map.of("position", Map.of("longitude", 114.3530, "latitude", 30.5675), "accuracy", 10,
						"recordedAt", Instant.now().toString())),
				"positionReport");
		if (!Integer.valueOf(1).equals(report.get("accepted"))) {
			throw new AssertionError("The position should be on the track: " + report);
		}
		return opened;
	}

	/** Ends the check-in, so that the volunteer leaves the live map other tests look at. */
	void close() {
		if (this.checkIn != null) {
			this.sessions.closed(this.checkIn.checkInId(), Instant.now());
			this.checkIn = null;
		}
	}

}
