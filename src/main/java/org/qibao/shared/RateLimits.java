package org.qibao.shared;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often one person may call each rate-limited mutation ({@code qibao.rate-limits.<mutation>}):
 * at most {@code requests} in each window of {@code per}. Counted in Redis, across all instances,
 * by a {@link Throttle} (so, while Redis is away, each instance counts for itself with the same
 * limit), unless {@code in-process}: then each instance counts for itself in memory, for the position
 * reports, whose path must not wait for another round trip (with n instances a person gets up to
 * n × requests).
 */
@ConfigurationProperties("qibao")
public record RateLimits(Map<String, Limit> rateLimits) {

	public RateLimits {
		rateLimits = (rateLimits != null) ? Map.copyOf(rateLimits) : Map.of();
	}

	/** At most {@code requests} calls in each window of {@code per}. */
	public record Limit(int requests, Duration per, boolean inProcess) {
	}

}
