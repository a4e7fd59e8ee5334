package org.qibao.location;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.qibao.location.CheckInLookup.ActiveCheckIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The open check-ins of reporting phones, asked of the patrol module through
 * {@link CheckInLookup} and reused for a few seconds, since every phone reports every ~15 s.
 * A check-in closed meanwhile is caught by the closed mark on the live map, so the reuse never
 * lets a position in after check-out. Without a lookup (no patrol module), nobody is checked in.
 */
@Component
class OpenCheckIns {

	private static final int MAX_CACHED = 100_000;

	private final ObjectProvider<CheckInLookup> lookup;

	private final LocationProperties properties;

	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	OpenCheckIns(ObjectProvider<CheckInLookup> lookup, LocationProperties properties) {
		this.lookup = lookup;
		this.properties = properties;
	}

	Optional<ActiveCheckIn> of(long accountId) {
		Instant now = Instant.now();
		Cached cached = this.cache.get(accountId);
		if (cached != null && cached.until().isAfter(now)) {
			return Optional.of(cached.checkIn());
		}
		CheckInLookup checkIns = this.lookup.getIfAvailable();
		Optional<ActiveCheckIn> open = (checkIns == null) ? Optional.empty() : checkIns.openCheckIn(accountId, now);
		if (this.cache.size() > MAX_CACHED) {
			this.cache.clear();
		}
		open.ifPresentOrElse(c -> this.cache.put(accountId, new Cached(c, now.plus(this.properties.checkInCache()))),
				() -> this.cache.remove(accountId));
		return open;
	}

	/** Any check-in, open or closed. */
	Optional<ActiveCheckIn> find(long checkInId) {
		CheckInLookup checkIns = this.lookup.getIfAvailable();
		return (checkIns == null) ? Optional.empty() : checkIns.find(checkInId);
	}

	void forget(long accountId) {
		this.cache.remove(accountId);
	}

	private record Cached(ActiveCheckIn checkIn, Instant until) {
	}

}
