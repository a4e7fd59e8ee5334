package org.qibao.location;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The patrol module's side of the seam, as the tests set it up: check-ins opened and closed
 * at will. This stands in for a module boundary; Redis and PostgreSQL stay real.
 */
class TestCheckIns implements CheckInLookup {

	/** Check-in keys far from any the patrol module hands out, and new on every run. */
	private static final AtomicLong NEXT = new AtomicLong(9_000_000_000L + (System.currentTimeMillis() % 1_000_000_000L) * 10);

	private final Map<Long, ActiveCheckIn> checkIns = new ConcurrentHashMap<>();

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		@Primary
		TestCheckIns testCheckInLookup() {
			return new TestCheckIns();
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
		this.checkIns.put(checkIn.checkInId(), checkIn);
		return checkIn;
	}

	ActiveCheckIn checkOut(ActiveCheckIn checkIn) {
		ActiveCheckIn closed = new ActiveCheckIn(checkIn.checkInId(), checkIn.accountId(), checkIn.communityId(),
				checkIn.teamId(), checkIn.gridIds(), checkIn.windowStart(), checkIn.windowEnd(), checkIn.checkedInAt(),
				Instant.now(), checkIn.reportedBy());
		this.checkIns.put(closed.checkInId(), closed);
		return closed;
	}

	@Override
	public Optional<ActiveCheckIn> openCheckIn(long accountId, Instant at) {
		return this.checkIns.values()
			.stream()
			.filter(c -> c.accountId() == accountId && c.checkedOutAt() == null)
			.findFirst();
	}

	@Override
	public Optional<ActiveCheckIn> find(long checkInId) {
		return Optional.ofNullable(this.checkIns.get(checkInId));
	}

}
