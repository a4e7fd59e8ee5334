package org.qibao.location;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * The last position this instance stored for each check-in, so that a phone's next report is
 * filtered without first reading it back from Redis. It is only a guess: the store checks it
 * against the live map in the same atomic step and refuses when another instance (or a
 * check-out, or a drop-off) changed the check-in meanwhile; then the report is filed again
 * against what Redis holds.
 */
@Component
class LastPositions {

	private static final int MAX_CHECK_INS = 100_000;

	private static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);

	private final Cache<Long, LivePatroller> last = Caffeine.newBuilder()
		.maximumSize(MAX_CHECK_INS)
		.expireAfterWrite(REMEMBERED_FOR)
		.build();

	/** The check-in's last position as this instance stored it, or null. */
	LivePatroller of(long checkInId) {
		return this.last.getIfPresent(checkInId);
	}

	void stored(LivePatroller position) {
		this.last.put(position.checkInId(), position);
	}

	void forget(long checkInId) {
		this.last.invalidate(checkInId);
	}

}
