package org.qibao.location;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Check-ins opened and closed at will, handed to the location module through its real
 * {@link PatrolSessions} API, as the patrol module hands them over; PostgreSQL and Redis stay real.
 */
class TestCheckIns {

	/** Check-in keys far from any the patrol module hands out, and new on every run. */
	private static final AtomicLong NEXT = new AtomicLong(9_000_000_000L + (System.currentTimeMillis() % 1_000_000_000L) * 10);

	private final PatrolSessions sessions;

	TestCheckIns(PatrolSessions sessions) {
		this.sessions = sessions;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		TestCheckIns testCheckIns(PatrolSessions sessions) {
			return new TestCheckIns(sessions);
		}

	}

	ActiveCheckIn open(long accountId, long communityId, long teamId, List<Long> gridIds, Instant windowStart,
			Instant windowEnd) {
		return open(accountId, communityId, teamId, gridIds, windowStart, windowEnd, null);
	}

	ActiveCheckIn open(long accountId, long communityId, long teamId, List<Long> gridIds, Instant windowStart,
			Instant windowEnd, Long reportedBy) {
		ActiveCheckIn checkIn = new ActiveCheckIn(NEXT.incrementAndGet(), accountId, communityId, teamId, gridIds,
				windowStart, windowEnd, windowStart, null, reportedBy);
		this.sessions.opened(checkIn);
		return checkIn;
	}

	ActiveCheckIn checkOut(ActiveCheckIn checkIn) {
		Instant now = Instant.now();
		this.sessions.closed(checkIn.checkInId(), now);
		return checkIn.closedAt(now);
	}

}
