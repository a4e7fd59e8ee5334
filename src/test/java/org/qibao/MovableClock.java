package org.qibao;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in a test that moves time on instead of waiting for it: it runs with the
 * wall clock, ahead by as far as the test has moved it, so that what the application does by itself
 * (scheduled jobs, expiries) still sees time pass. A test makes it the application's clock with
 * {@code @Import(MovableClock.Configuration.class)}, which gives the test a context of its own: the
 * other tests keep the plain clock.
 */
public final class MovableClock extends Clock {

	private final Clock wall;

	private final AtomicReference<Duration> ahead;

	private MovableClock(Clock wall, AtomicReference<Duration> ahead) {
		this.wall = wall;
		this.ahead = ahead;
	}

	/** A clock that reads the wall clock (UTC, like the application's) until it is moved. */
	public static MovableClock followingTheWall() {
		return following(Clock.systemUTC());
	}

	static MovableClock following(Clock wall) {
		return new MovableClock(wall, new AtomicReference<>(Duration.ZERO));
	}

	/** Moves the clock on to the moment, as if the test had waited for it; a moment passed already moves nothing. */
	public void moveTo(Instant moment) {
		this.ahead.updateAndGet(ahead -> {
			Duration gap = Duration.between(this.wall.instant().plus(ahead), moment);
			return gap.isNegative() ? ahead : ahead.plus(gap);
		});
	}

	@Override
	public Instant instant() {
		return this.wall.instant().plus(this.ahead.get());
	}

	@Override
	public ZoneId getZone() {
		return this.wall.getZone();
	}

	/** The same clock seen in another zone: moving either moves both. */
	@Override
	public Clock withZone(ZoneId zone) {
		return new MovableClock(this.wall.withZone(zone), this.ahead);
	}

	/** Puts the movable clock before the application's own wherever a {@code Clock} is injected. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return followingTheWall();
		}

	}

}
