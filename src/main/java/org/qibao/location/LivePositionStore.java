package org.qibao.location;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.qibao.location.CheckInLookup.ActiveCheckIn;
import org.springframework.dao.DataAccessException;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes accepted positions to Redis in one round of commands per report or batch: the live map (GEO
 * set, last-seen times, patroller entries), the minute coverage bitmap, the counters and the
 * capped recent track, each with a TTL so that everything expires by itself, and publishes the
 * newest position to the community's channel for subscribers on every instance.
 */
@Component
class LivePositionStore {

	private static final Duration CHECK_IN_KEYS_OUTLIVE_WINDOW = Duration.ofDays(1);

	private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(2);

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

	/**
	 * Sends every command of the report at once on the shared (multiplexed) Lettuce connection and
	 * waits for all replies: a pipeline without borrowing a dedicated connection per report.
	 */
	void store(Stored stored) {
		guarded(() -> this.redis.execute((RedisCallback<Void>) connection -> {
			@SuppressWarnings("unchecked")
			RedisClusterAsyncCommands<byte[], byte[]> async = (RedisClusterAsyncCommands<byte[], byte[]>) connection
				.getNativeConnection();
			List<RedisFuture<?>> replies = write(async, stored);
			if (!LettuceFutures.awaitAll(REPLY_TIMEOUT, replies.toArray(RedisFuture[]::new))) {
				throw new RedisCommandTimeoutException("No reply from Redis within " + REPLY_TIMEOUT);
			}
			return null;
		}));
	}

	private List<RedisFuture<?>> write(RedisClusterAsyncCommands<byte[], byte[]> redis, Stored stored) {
		ActiveCheckIn checkIn = stored.checkIn();
		LiveKeys keys = new LiveKeys(checkIn.communityId());
		long id = checkIn.checkInId();
		long checkInKeysTtl = checkInKeysTtl(checkIn).toSeconds();
		List<RedisFuture<?>> replies = new ArrayList<>();
		LivePatroller latest = stored.latest();
		if (latest != null) {
			byte[] member = bytes(Long.toString(id));
			long liveTtl = this.properties.dropAfter().plusMinutes(1).toSeconds();
			replies.add(redis.geoadd(bytes(keys.geo()), latest.position().longitude(), latest.position().latitude(), member));
			replies.add(redis.zadd(bytes(keys.seen()), latest.recordedAt().toEpochMilli(), member));
			replies.add(redis.hset(bytes(keys.patrollers()), member, bytes(latest.encode())));
			replies.add(redis.expire(bytes(keys.geo()), liveTtl));
			replies.add(redis.expire(bytes(keys.seen()), liveTtl));
			replies.add(redis.expire(bytes(keys.patrollers()), liveTtl));
			replies.add(redis.publish(bytes(keys.updates()), bytes(LiveUpdates.moved(latest))));
		}
		for (Integer minute : stored.coveredMinutes()) {
			replies.add(redis.setbit(bytes(keys.coverage(id)), minute, 1));
		}
		if (!stored.coveredMinutes().isEmpty()) {
			replies.add(redis.expire(bytes(keys.coverage(id)), checkInKeysTtl));
		}
		if (!stored.accepted().isEmpty()) {
			byte[][] track = stored.accepted().stream().map(p -> bytes(p.encode())).toArray(byte[][]::new);
			replies.add(redis.lpush(bytes(keys.track(id)), track));
			replies.add(redis.ltrim(bytes(keys.track(id)), 0, this.properties.trackLength() - 1));
			replies.add(redis.expire(bytes(keys.track(id)), checkInKeysTtl));
		}
		count(redis, replies, keys.counts(id), "accepted", stored.accepted().size());
		count(redis, replies, keys.counts(id), "outside", stored.outside());
		count(redis, replies, keys.counts(id), "implausible", stored.implausible());
		replies.add(redis.expire(bytes(keys.counts(id)), checkInKeysTtl));
		return replies;
	}

	private static void count(RedisClusterAsyncCommands<byte[], byte[]> redis, List<RedisFuture<?>> replies,
			String key, String counter, int n) {
		if (n > 0) {
			replies.add(redis.hincrby(bytes(key), bytes(counter), n));
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
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

}
