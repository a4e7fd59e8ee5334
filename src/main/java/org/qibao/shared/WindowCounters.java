package org.qibao.shared;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Fixed-window counters: how many calls a key made in the current window, and when the window
 * ends. The Redis one counts for all instances in one atomic script (INCR, and PEXPIRE on the
 * window's first call, so no key can be left without expiry); the in-process one counts for this
 * instance only and costs no round trip.
 *
 * <p>The identity module builds a throttle of the same kind for sign-ins and codes; the two
 * should become one.
 */
interface WindowCounters {

	/** Counts one call; the number of calls in the window so far, this one included, and the time the window has left. */
	Count increment(String key, Duration window);

	record Count(long calls, Duration left) {
	}

	/** Counts in Redis; when Redis cannot be reached, counts nothing and lets the call through. */
	final class InRedis implements WindowCounters {

		private static final Log logger = LogFactory.getLog(InRedis.class);

		@SuppressWarnings("rawtypes")
		private static final RedisScript<List> INCREMENT = RedisScript.of("""
				local calls = redis.call('INCR', KEYS[1])
				local left = redis.call('PTTL', KEYS[1])
				if left < 0 then
				  redis.call('PEXPIRE', KEYS[1], ARGV[1])
				  left = tonumber(ARGV[1])
				end
				return {calls, left}""", List.class);

		private final StringRedisTemplate redis;

		InRedis(StringRedisTemplate redis) {
			this.redis = redis;
		}

		@Override
		public Count increment(String key, Duration window) {
			try {
				List<?> result = this.redis.execute(INCREMENT, List.of(key), Long.toString(window.toMillis()));
				return new Count(((Number) result.get(0)).longValue(), Duration.ofMillis(((Number) result.get(1)).longValue()));
			}
			catch (RuntimeException unreachable) {
				// the mutations limited here work without Redis (the ledger, codes); a limit must not stop them
				logger.warn("Rate limit not counted, Redis unreachable: " + unreachable.getMessage());
				return new Count(0, Duration.ZERO);
			}
		}

	}

	/** Counts in this instance's memory, per key, forgetting a key once idle for the longest window. */
	final class InProcess implements WindowCounters {

		private static final int MAX_KEYS = 200_000;

		private final Cache<String, Window> windows;

		InProcess(Duration longestWindow) {
			this.windows = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(longestWindow).build();
		}

		@Override
		public Count increment(String key, Duration window) {
			return this.windows.get(key, k -> new Window()).increment(System.nanoTime(), window.toNanos());
		}

		private static final class Window {

			private long startedAt;

			private long calls;

			private boolean started;

			synchronized Count increment(long now, long length) {
				if (!this.started || now - this.startedAt >= length) {
					this.started = true;
					this.startedAt = now;
					this.calls = 0;
				}
				this.calls++;
				return new Count(this.calls, Duration.ofNanos(length - (now - this.startedAt)));
			}

		}

	}

}
