package org.qibao.shared;

import java.time.Duration;

/** A person called a rate-limited mutation more often than allowed; nothing was done. */
public class RateLimitedException extends RuntimeException {

	private final Duration retryAfter;

	public RateLimitedException(String mutation, int requests, Duration per, Duration retryAfter) {
		super("Too many " + mutation + " requests: at most " + requests + " every " + per.toSeconds()
				+ " s; try again in " + Math.max(1, retryAfter.toSeconds()) + " s", null, false, false);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
