package org.qibao.location;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.qibao.shared.GeoPoint;
import org.springframework.data.geo.Distance;
import org.springframework.data.geo.GeoResult;
import org.springframework.data.geo.Metrics;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisGeoCommands.GeoLocation;
import org.springframework.data.redis.connection.RedisGeoCommands.GeoSearchCommandArgs;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.domain.geo.GeoReference;
import org.springframework.stereotype.Component;

import static org.qibao.location.LivePositionStore.guarded;

/**
 * Reads a community's live map from Redis, leaving out (and pruning) patrollers whose last
 * position is older than the configured drop-off, and removes a check-in from it at once.
 */
@Component
class LiveMap {

	private final StringRedisTemplate redis;

	private final LocationProperties properties;

	private final LastPositions lastPositions;

	private final Clock clock;

	LiveMap(StringRedisTemplate redis, LocationProperties properties, LastPositions lastPositions, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.lastPositions = lastPositions;
		this.clock = clock;
	}

	/** Every patroller on the community's live map. */
	List<LivePatroller> inCommunity(long communityId) {
		LiveKeys keys = new LiveKeys(communityId);
		Map<Object, Object> entries = guarded(() -> this.redis.opsForHash().entries(keys.patrollers()));
		List<LivePatroller> patrollers = new ArrayList<>();
		entries.forEach((field, value) -> {
			String id = (String) field;
			if (!id.startsWith("x:")) {
				patrollers.add(LivePatroller.decode(Long.parseLong(id), (String) value));
			}
		});
		return current(keys, patrollers.stream().filter(Objects::nonNull).toList());
	}

	/** Patrollers within the radius of a point, nearest first (GEOSEARCH). */
	List<LivePatroller> near(long communityId, GeoPoint point, double radiusMetres) {
		LiveKeys keys = new LiveKeys(communityId);
		var found = guarded(() -> this.redis.opsForGeo()
			.search(keys.geo(), GeoReference.fromCoordinate(point.longitude(), point.latitude()),
					new Distance(radiusMetres / 1000.0, Metrics.KILOMETERS),
					GeoSearchCommandArgs.newGeoSearchArgs().includeDistance().sortAscending()));
		if (found == null || found.getContent().isEmpty()) {
			return List.of();
		}
		List<GeoResult<GeoLocation<String>>> results = found.getContent();
		List<Object> ids = results.stream().map(r -> (Object) r.getContent().getName()).toList();
		List<Object> values = guarded(() -> this.redis.opsForHash().multiGet(keys.patrollers(), ids));
		List<LivePatroller> patrollers = new ArrayList<>();
		for (int i = 0; i < results.size(); i++) {
			LivePatroller p = LivePatroller.decode(Long.parseLong((String) ids.get(i)), (String) values.get(i));
			if (p != null) {
				patrollers.add(p.atDistance(results.get(i).getDistance().getValue() * 1000.0));
			}
		}
		return current(keys, patrollers);
	}

	/** The check-in's recent positions, newest first. */
	List<TrackPoint> recentTrack(long communityId, long checkInId, int limit) {
		List<String> raw = guarded(
				() -> this.redis.opsForList().range(new LiveKeys(communityId).track(checkInId), 0, limit - 1));
		return raw == null ? List.of() : raw.stream().map(TrackPoint::decode).toList();
	}

	/** What Redis holds of a check-in: its coverage bitmap, counters and track. */
	record Recorded(byte[] coverage, Map<Object, Object> counts, List<TrackPoint> track) {
	}

	Recorded recorded(long communityId, long checkInId) {
		LiveKeys keys = new LiveKeys(communityId);
		byte[] bitmap = guarded(() -> this.redis.execute((RedisCallback<byte[]>) connection -> connection
			.stringCommands().get(keys.coverage(checkInId).getBytes(StandardCharsets.UTF_8))));
		Map<Object, Object> counts = guarded(() -> this.redis.opsForHash().entries(keys.counts(checkInId)));
		List<TrackPoint> track = recentTrack(communityId, checkInId, this.properties.trackLength());
		return new Recorded(bitmap == null ? new byte[0] : bitmap, counts, track);
	}

	/**
	 * Takes a closed check-in off the live map at once, marks it closed as of its check-out (later
	 * positions are refused; earlier ones still arriving go to its coverage), and tells subscribers.
	 */
	void remove(long communityId, long checkInId, Instant closedAt, LivePatroller last) {
		this.lastPositions.forget(checkInId);
		LiveKeys keys = new LiveKeys(communityId);
		String member = Long.toString(checkInId);
		guarded(() -> this.redis.executePipelined((RedisCallback<Object>) connection -> {
			remove(connection, keys, member, checkInId, closedAt, this.properties.liveMapTtl());
			if (last != null) {
				connection.publish(bytes(keys.updates()), bytes(LiveUpdates.left(last)));
			}
			return null;
		}));
	}

	private static void remove(RedisConnection connection, LiveKeys keys, String member, long checkInId,
			Instant closedAt, Duration liveMapTtl) {
		connection.zSetCommands().zRem(bytes(keys.geo()), bytes(member));
		connection.zSetCommands().zRem(bytes(keys.seen()), bytes(member));
		connection.hashCommands().hDel(bytes(keys.patrollers()), bytes(member));
		// the closed mark may be the hash's first entry: it expires with the live map, like the rest
		connection.hashCommands()
			.hSet(bytes(keys.patrollers()), bytes(LiveKeys.closedField(checkInId)),
					bytes(Long.toString(closedAt.toEpochMilli())));
		connection.keyCommands().expire(bytes(keys.patrollers()), liveMapTtl.toSeconds());
		// the coverage, track and counters stay for late positions; they expire a day after the window
	}

	/** Leaves out patrollers past the drop-off and prunes them; marks stale ones. */
	private List<LivePatroller> current(LiveKeys keys, List<LivePatroller> patrollers) {
		Instant now = this.clock.instant();
		Instant dropOff = now.minus(this.properties.dropAfter());
		Set<String> gone = guarded(
				() -> this.redis.opsForZSet().rangeByScore(keys.seen(), 0, dropOff.toEpochMilli()));
		if (gone != null && !gone.isEmpty()) {
			prune(keys, gone);
		}
		return patrollers.stream()
			.filter(p -> p.recordedAt().isAfter(dropOff))
			.map(p -> p.seenAt(now, this.properties.staleAfter()))
			.toList();
	}

	private void prune(LiveKeys keys, Set<String> gone) {
		String[] members = gone.toArray(String[]::new);
		guarded(() -> this.redis.executePipelined((RedisCallback<Object>) connection -> {
			for (String member : members) {
				connection.zSetCommands().zRem(bytes(keys.geo()), bytes(member));
				connection.zSetCommands().zRem(bytes(keys.seen()), bytes(member));
				connection.hashCommands().hDel(bytes(keys.patrollers()), bytes(member));
			}
			return null;
		}));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
