package org.qibao.location;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.qibao.location.CheckInLookup.ActiveCheckIn;
import io.lettuce.core.RedisException;
import org.springframework.dao.DataAccessException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Writes accepted positions to Redis in one script run per report or batch: the live map (GEO
 * set, last-seen times, patroller entries), the minute coverage bitmap, the counters and the
 * capped recent track, each with a TTL so that everything expires by itself, and publishes the
 * newest position to the community's channel for subscribers on every instance.
 */
@Component
class LivePositionStore {

	private static final Duration CHECK_IN_KEYS_OUTLIVE_WINDOW = Duration.ofDays(1);

	/**
	 * The script's text, read once: a script made from a resource checks the resource for changes
	 * (a file-system call) every time it runs, which cost as much as the rest of a report's Redis call.
	 */
	private static final RedisScript<Long> STORE = RedisScript.of(text("location/store-positions.lua"), Long.class);

	private final StringRedisTemplate redis;

	private final LocationProperties properties;

	LivePositionStore(StringRedisTemplate redis, LocationProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * What a pipeline run stores.
	 *
	 * @param accepted the positions to append to the track, oldest first
	 * @param coveredMinutes minutes of the shift window with an in-area position
	 * @param latest the newest accepted position, which moves the patroller on the map; null for none
	 */
	record Stored(ActiveCheckIn checkIn, List<TrackPoint> accepted, List<Integer> coveredMinutes,
			LivePatroller latest, int outside, int implausible) {
	}

	/** The check-in's last stored position, and whether it was closed meanwhile. */
	record Previous(LivePatroller last, boolean closed) {
	}

	Previous previous(ActiveCheckIn checkIn) {
		LiveKeys keys = new LiveKeys(checkIn.communityId());
		String id = Long.toString(checkIn.checkInId());
		List<Object> values = guarded(() -> this.redis.opsForHash()
			.multiGet(keys.patrollers(), List.of(id, LiveKeys.closedField(checkIn.checkInId()))));
		return new Previous(LivePatroller.decode(checkIn.checkInId(), (String) values.get(0)), values.get(1) != null);
	}

	/** What became of a store. */
	enum Written {

		/** The positions are stored. */
		STORED,
		/** Nothing was stored: the check-in was closed meanwhile. */
		CLOSED,
		/** Nothing was stored: the check-in's last position is not the one expected. */
		MOVED

	}

	/**
	 * Writes everything of the report or batch in one atomic script run (one round trip), unless
	 * the check-in was closed meanwhile or, when {@code filteredAgainst} is given, its last stored
	 * position is no longer the one the reports were filtered against.
	 */
	Written store(Stored stored, LivePatroller filteredAgainst) {
		ActiveCheckIn checkIn = stored.checkIn();
		LiveKeys keys = new LiveKeys(checkIn.communityId());
		long id = checkIn.checkInId();
		LivePatroller latest = stored.latest();
		List<String> args = new ArrayList<>();
		args.add(Long.toString(id));
		args.add(LiveKeys.closedField(id));
		args.add(Long.toString(this.properties.liveMapTtl().toSeconds()));
		args.add(Long.toString(checkInKeysTtl(checkIn).toSeconds()));
		args.add(Integer.toString(this.properties.trackLength()));
		args.add(Integer.toString(stored.accepted().size()));
		args.add(Integer.toString(stored.outside()));
		args.add(Integer.toString(stored.implausible()));
		if (latest != null) {
			args.addAll(List.of("1", Double.toString(latest.position().longitude()),
					Double.toString(latest.position().latitude()), Long.toString(latest.recordedAt().toEpochMilli()),
					latest.encode(), keys.updates(), LiveUpdates.moved(latest)));
		}
		else {
			args.addAll(List.of("0", "", "", "", "", "", ""));
		}
		args.add((filteredAgainst == null) ? "" : Long.toString(filteredAgainst.recordedAt().toEpochMilli()));
		args.add(Integer.toString(stored.coveredMinutes().size()));
		stored.coveredMinutes().forEach(minute -> args.add(Integer.toString(minute)));
		stored.accepted().forEach(point -> args.add(point.encode()));
		List<String> keyNames = List.of(keys.geo(), keys.seen(), keys.patrollers(), keys.coverage(id), keys.track(id),
				keys.counts(id));
		Long written = guarded(() -> this.redis.execute(STORE, keyNames, args.toArray()));
		if (written == null || written == 0) {
			return Written.CLOSED;
		}
		return (written == 1) ? Written.STORED : Written.MOVED;
	}

	/** Until a day after the shift window ends, so a late check-out can still read them. */
	private static Duration checkInKeysTtl(ActiveCheckIn checkIn) {
		Duration untilEnd = Duration.between(Instant.now(), checkIn.windowEnd());
		return (untilEnd.isNegative() ? Duration.ZERO : untilEnd).plus(CHECK_IN_KEYS_OUTLIVE_WINDOW);
	}

	static <T> T guarded(java.util.function.Supplier<T> redisWork) {
		try {
			return redisWork.get();
		}
		catch (DataAccessException | RedisException ex) {
			throw new LiveMapUnavailableException(ex);
		}
	}

	private static String text(String classpathResource) {
		try {
			return new ClassPathResource(classpathResource).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
