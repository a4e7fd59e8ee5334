package org.qibao.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * At most {@code limit} attempts per subject (a phone number, a staff account, a person) in a
 * window that starts with the subject's first attempt. An attempt is taken before the work it
 * guards, atomically, so that parallel requests on any number of instances cannot together
 * take more than the limit; an attempt that turned out not to count (a right password, a real
 * code) can be given back. The counts live in Redis, shared by all instances, each key with its
 * expiry set in the same script that creates it, so that no key outlives its window and a
 * give-back never goes below zero nor creates a key.
 * <p>
 * While Redis is unreachable each instance counts for itself with the same limit, so the work
 * stays available and each instance still bounds it (a cluster of n instances by n times the
 * limit, for as long as Redis is away).
 */
public final class Throttle {

	private static final Log log = LogFactory.getLog(Throttle.class);

	/**
	 * Takes an attempt unless the limit is reached: {the new count, or -1 when refused; the
	 * milliseconds left in the subject's window}.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> TAKE = RedisScript.of("""
			local n = tonumber(redis.call('GET', KEYS[1]) or '0')
			if n >= tonumber(ARGV[1]) then
			  if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			  return {-1, redis.call('PTTL', KEYS[1])}
			end
			n = redis.call('INCR', KEYS[1])
			if n == 1 or redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			return {n, redis.call('PTTL', KEYS[1])}""", List.class);

	/**
	 * As {@link #TAKE}, but an occasion already counted in the subject's window (a retry of one
	 * idempotent request) is not counted again and is never refused: {the count, or -1 when
	 * refused; the milliseconds left}. The occasions are remembered in a set that expires with
	 * the count.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> TAKE_ONCE = RedisScript.of("""
			if redis.call('SISMEMBER', KEYS[2], ARGV[3]) == 1 then
			  return {math.max(1, tonumber(redis.call('GET', KEYS[1]) or '1')), math.max(0, redis.call('PTTL', KEYS[2]))}
			end
			local n = tonumber(redis.call('GET', KEYS[1]) or '0')
			if n >= tonumber(ARGV[1]) then
			  if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			  return {-1, redis.call('PTTL', KEYS[1])}
			end
			n = redis.call('INCR', KEYS[1])
			if n == 1 or redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			local left = redis.call('PTTL', KEYS[1])
			redis.call('SADD', KEYS[2], ARGV[3])
			redis.call('PEXPIRE', KEYS[2], left)
			return {n, left}""", List.class);

	/** Gives an attempt back: never below zero, never a key that was not there (or has expired). */
	private static final RedisScript<Long> GIVE_BACK = RedisScript.of("""
			local n = tonumber(redis.call('GET', KEYS[1]) or '0')
			if n <= 0 then return 0 end
			n = redis.call('DECR', KEYS[1])
			if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return n""", Long.class);

	private final StringRedisTemplate redis;

	private final String name;

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final Map<String, LocalCount> localCounts;

	/**
	 * A throttle whose Redis keys are {@code throttle:<name>:{<subject>}}.
	 * @param limit the attempts a subject may take in one window
	 * @param window how long a subject's attempts count, from its first one
	 */
	public Throttle(StringRedisTemplate redis, String name, int limit, Duration window, Clock clock) {
		if (limit < 1 || window.toMillis() < 1) {
			throw new IllegalArgumentException("A throttle needs a limit of at least 1 and a window of at least 1 ms");
		}
		this.redis = redis;
		this.name = name;
		this.limit = limit;
		this.window = window;
		this.clock = clock;
		this.localCounts = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(window)
			.<String, LocalCount>build()
			.asMap();
	}

	public Throttle(StringRedisTemplate redis, String name, int limit, Duration window) {
		this(redis, name, limit, window, Clock.systemUTC());
	}

	/** Takes one of the subject's attempts; false (and nothing taken) when they are used up. */
	public boolean tryTake(String subject) {
		return attempt(subject).taken();
	}

	/**
	 * Takes one of the subject's attempts, as {@link #tryTake} does, and says how long the
	 * subject's window has left: when refused, how long until an attempt can be taken again.
	 */
	public Attempt attempt(String subject) {
		try {
			List<?> answer = this.redis.execute(TAKE, List.of(key(subject)), Integer.toString(this.limit),
					Long.toString(this.window.toMillis()));
			long count = ((Number) answer.get(0)).longValue();
			long leftMillis = ((Number) answer.get(1)).longValue();
			return new Attempt(count > 0, Duration.ofMillis(Math.max(0, leftMillis)));
		}
		catch (DataAccessException ex) {
			log.warn("Redis unavailable, throttle " + this.name + " counts on this instance: " + ex.getMessage());
			return takeLocally(subject);
		}
	}

	/**
	 * Takes one of the subject's attempts for an occasion (an idempotency key): a retry of an
	 * occasion already counted in the window is let through without counting again, so a phone
	 * that resends one gift after a lost answer does not use up its person's allowance.
	 */
	public Attempt attempt(String subject, String occasion) {
		try {
			List<?> answer = this.redis.execute(TAKE_ONCE, List.of(key(subject), key(subject) + ":occasions"),
					Integer.toString(this.limit), Long.toString(this.window.toMillis()), occasion);
			long count = ((Number) answer.get(0)).longValue();
			long leftMillis = ((Number) answer.get(1)).longValue();
			return new Attempt(count > 0, Duration.ofMillis(Math.max(0, leftMillis)));
		}
		catch (DataAccessException ex) {
			log.warn("Redis unavailable, throttle " + this.name + " counts on this instance: " + ex.getMessage());
			return takeLocally(subject);
		}
	}

	private Attempt takeLocally(String subject) {
		Instant now = this.clock.instant();
		boolean[] taken = { false };
		LocalCount after = this.localCounts.compute(subject, (s, c) -> {
			LocalCount current = (c == null || c.expiredAt(now)) ? new LocalCount(0, now.plus(this.window)) : c;
			if (current.count() >= this.limit) {
				return current;
			}
			taken[0] = true;
			return new LocalCount(current.count() + 1, current.expiresAt());
		});
		return new Attempt(taken[0], Duration.between(now, after.expiresAt()));
	}

	/** One attempt's outcome: whether it was taken, and the time left in the subject's window. */
	public record Attempt(boolean taken, Duration windowLeft) {
	}

	/** Gives back an attempt that turned out not to count; nothing when the window has passed. */
	public void giveBack(String subject) {
		try {
			this.redis.execute(GIVE_BACK, List.of(key(subject)), Long.toString(this.window.toMillis()));
		}
		catch (DataAccessException ex) {
			log.warn("Redis unavailable, throttle " + this.name + " gives back on this instance: " + ex.getMessage());
		}
		// an attempt taken while Redis was away is given back here (a no-op otherwise)
		Instant now = this.clock.instant();
		this.localCounts.computeIfPresent(subject,
				(s, c) -> c.expiredAt(now) ? null : new LocalCount(Math.max(0, c.count() - 1), c.expiresAt()));
	}

	/** Whether the subject's attempts are used up for now (a read; takes nothing). */
	public boolean isExhausted(String subject) {
		Instant now = this.clock.instant();
		LocalCount local = this.localCounts.get(subject);
		int localCount = (local == null || local.expiredAt(now)) ? 0 : local.count();
		try {
			String count = this.redis.opsForValue().get(key(subject));
			return Math.max(localCount, count == null ? 0 : Integer.parseInt(count)) >= this.limit;
		}
		catch (DataAccessException ex) {
			return localCount >= this.limit;
		}
	}

	/** How long a subject's attempts count, from its first one: the longest a refusal lasts. */
	public Duration window() {
		return this.window;
	}

	public int limit() {
		return this.limit;
	}

	/** The subject in braces: its count and its occasions hash to one slot of a Redis Cluster. */
	private String key(String subject) {
		return "throttle:" + this.name + ":{" + subject + "}";
	}

	private record LocalCount(int count, Instant expiresAt) {

		boolean expiredAt(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

	}

}
