package org.qibao.shared;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Fixed-window call counters in this instance's memory, per key, for the rate limits whose path
 * must not wait for a round trip to Redis (the position reports); each instance counts for itself.
 * Everything counted across instances is a {@link Throttle}. A key is forgotten once idle for the
 * longest window.
 */
final class InProcessWindows {

	private static final int MAX_KEYS = 200_000;

	private final Cache<String, Window> windows;

	InProcessWindows(Duration longestWindow) {
		this.windows = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(longestWindow).build();
	}

	/** Counts one call; the calls in the window so far, this one included, and the time the window has left. */
	Count increment(String key, Duration window) {
		return this.windows.get(key, k -> new Window()).increment(System.nanoTime(), window.toNanos());
	}

	record Count(long calls, Duration left) {
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
