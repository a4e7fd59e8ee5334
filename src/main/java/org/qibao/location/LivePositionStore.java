package org.qibao.location;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
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
	private static final String SCRIPT_TEXT = text("location/store-positions.lua");

	private static final RedisScript<Long> STORE = RedisScript.of(SCRIPT_TEXT, Long.class);

	private final StringRedisTemplate redis;

	private final RedisConnectionFactory connections;

	private final LocationProperties properties;

	private final Clock clock;

	private volatile RedisClusterAsyncCommands<byte[], byte[]> asyncCommands;

	/** Writes sent without waiting that Redis has not answered yet. */
	private final AtomicInteger writesInFlight = new AtomicInteger();

	LivePositionStore(StringRedisTemplate redis, LocationProperties properties, Clock clock) {
		this.redis = redis;
		this.connections = redis.getRequiredConnectionFactory();
		this.properties = properties;
		this.clock = clock;
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
	 * The newest position of a closed check-in's track, as a late position's filters compare it
	 * (the check-in is off the live map), or null.
	 */
	LivePatroller lastOfTrack(ActiveCheckIn checkIn) {
		String raw = guarded(() -> this.redis.opsForList()
			.index(new LiveKeys(checkIn.communityId()).track(checkIn.checkInId()), 0));
		if (raw == null) {
			return null;
		}
		TrackPoint point = TrackPoint.decode(raw);
		return new LivePatroller(checkIn.checkInId(), checkIn.accountId(), checkIn.teamId(), checkIn.communityId(),
				checkIn.gridIds(), null, point.position(), point.accuracy(), point.recordedAt(), null, null,
				point.inside(), false, null);
	}

	/** What became of a store. */
	enum Written {

		/** The positions are stored. */
		STORED,
		/** Nothing was stored: the check-in was closed before the newest position was taken. */
		CLOSED,
		/** Nothing was stored: the check-in's last position is not the one expected. */
		MOVED

	}

	/**
	 * Writes everything of the report or batch in one atomic script run (one round trip), unless
	 * the check-in was closed meanwhile.
	 */
	Written store(Stored stored) {
		ScriptRun run = new ScriptRun(stored, null);
		return written(guarded(() -> this.redis.execute(STORE, run.keys(), run.args().toArray())));
	}

	/**
	 * The same as {@link #store}, without waiting for Redis, and only if the check-in's last stored
	 * position is still {@code filteredAgainst} (else nothing is written: MOVED). The script is sent
	 * through Lettuce's asynchronous API on the shared connection, and the result arrives on
	 * Lettuce's thread. Redis runs a connection's commands in order, so anything this instance
	 * reads afterwards (the live map, the coverage at check-out) sees the write.
	 */
	CompletableFuture<Written> storeLater(Stored stored, LivePatroller filteredAgainst) {
		ScriptRun run = new ScriptRun(stored, filteredAgainst);
		byte[][] keys = run.keys().stream().map(LivePositionStore::bytes).toArray(byte[][]::new);
		byte[][] args = run.args().stream().map(LivePositionStore::bytes).toArray(byte[][]::new);
		CompletableFuture<Written> written;
		try {
			RedisClusterAsyncCommands<byte[], byte[]> commands = asyncCommands();
			written = commands.<Long>evalsha(STORE.getSha1(), ScriptOutputType.INTEGER, keys, args)
				.toCompletableFuture()
				.exceptionallyCompose(ex -> isNoScript(ex)
						? commands.<Long>eval(SCRIPT_TEXT, ScriptOutputType.INTEGER, keys, args).toCompletableFuture()
						: CompletableFuture.failedFuture(ex))
				.thenApply(LivePositionStore::written);
		}
		catch (DataAccessException | RedisException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		this.writesInFlight.incrementAndGet();
		return written.whenComplete((result, failure) -> this.writesInFlight.decrementAndGet());
	}

	/**
	 * Lettuce's asynchronous commands on the shared connection, taken once: the factory hands out
	 * a connection under a lock, which every report would contend for, and the shared connection
	 * reconnects by itself, so it stays the one to use.
	 */
	@SuppressWarnings("unchecked")
	private RedisClusterAsyncCommands<byte[], byte[]> asyncCommands() {
		RedisClusterAsyncCommands<byte[], byte[]> commands = this.asyncCommands;
		if (commands == null) {
			try (RedisConnection connection = this.connections.getConnection()) {
				commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
			}
			this.asyncCommands = commands;
		}
		return commands;
	}

	/** Redis no longer has the script (it restarted, or its scripts were flushed): it is sent whole. */
	private static boolean isNoScript(Throwable ex) {
		Throwable cause = (ex instanceof CompletionException) ? ex.getCause() : ex;
		return cause instanceof RedisNoScriptException;
	}

	private static Written written(Long result) {
		if (result == null || result == 0) {
			return Written.CLOSED;
		}
		return (result == 1) ? Written.STORED : Written.MOVED;
	}

	/** The script's keys and arguments for a store, as its header describes them. */
	private final class ScriptRun {

		private final List<String> keys;

		private final List<String> args = new ArrayList<>();

		ScriptRun(Stored stored, LivePatroller filteredAgainst) {
			ActiveCheckIn checkIn = stored.checkIn();
			LiveKeys keys = new LiveKeys(checkIn.communityId());
			long id = checkIn.checkInId();
			LivePatroller latest = stored.latest();
			this.args.add(Long.toString(id));
			this.args.add(LiveKeys.closedField(id));
			this.args.add(Long.toString(LivePositionStore.this.properties.liveMapTtl().toSeconds()));
			this.args.add(Long.toString(checkInKeysTtl(checkIn).toSeconds()));
			this.args.add(Integer.toString(LivePositionStore.this.properties.trackLength()));
			this.args.add(Integer.toString(stored.accepted().size()));
			this.args.add(Integer.toString(stored.outside()));
			this.args.add(Integer.toString(stored.implausible()));
			if (latest != null) {
				String entry = latest.encode();
				this.args.addAll(List.of("1", Double.toString(latest.position().longitude()),
						Double.toString(latest.position().latitude()),
						Long.toString(latest.recordedAt().toEpochMilli()), entry, keys.updates(),
						LiveUpdates.moved(id, entry)));
			}
			else {
				this.args.addAll(List.of("0", "", "", "", "", "", ""));
			}
			this.args.add((filteredAgainst == null) ? "" : Long.toString(filteredAgainst.recordedAt().toEpochMilli()));
			this.args.add(Integer.toString(stored.coveredMinutes().size()));
			stored.coveredMinutes().forEach(minute -> this.args.add(Integer.toString(minute)));
			stored.accepted().forEach(point -> this.args.add(point.encode()));
			this.keys = List.of(keys.geo(), keys.seen(), keys.patrollers(), keys.coverage(id), keys.track(id),
					keys.counts(id));
		}

		List<String> keys() {
			return this.keys;
		}

		List<String> args() {
			return this.args;
		}

	}

	/**
	 * Waits for Redis to answer the writes sent without waiting, up to the given time; a failed
	 * write was handled where it was sent.
	 */
	void awaitWritesSent(Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		while (this.writesInFlight.get() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
	}

	/** Until a day after the shift window ends, so a late check-out can still read them. */
	private Duration checkInKeysTtl(ActiveCheckIn checkIn) {
		Duration untilEnd = Duration.between(this.clock.instant(), checkIn.windowEnd());
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

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
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
