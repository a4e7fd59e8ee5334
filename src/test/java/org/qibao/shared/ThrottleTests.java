package org.qibao.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle on the real Redis: atomic under a burst, every key with an expiry, never below zero. */
@QibaoTest
class ThrottleTests {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void ofAConcurrentBurstExactlyTheLimitIsTaken() throws Exception {
		Throttle throttle = new Throttle(this.redis, "test-burst", 5, Duration.ofMinutes(1));
		String subject = subject();
		ExecutorService pool = Executors.newFixedThreadPool(64);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Boolean>> takes = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				takes.add(pool.submit(() -> {
					start.await();
					return throttle.tryTake(subject);
				}));
			}
			start.countDown();
			int taken = 0;
			for (Future<Boolean> take : takes) {
				taken += take.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(taken).isEqualTo(5);
			assertThat(throttle.isExhausted(subject)).isTrue();
			assertThat(this.redis.opsForValue().get("throttle:test-burst:{" + subject + "}")).isEqualTo("5");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anOccasionRetriedInABurstCountsOnceAndItsMemoryExpiresWithTheCount() throws Exception {
		Throttle throttle = new Throttle(this.redis, "test-occasion", 3, Duration.ofMinutes(1));
		String subject = subject();
		List<Boolean> retries = org.qibao.Bursts.race(50, i -> () -> throttle.attempt(subject, "gift-1").taken());
		assertThat(retries).containsOnly(true);
		assertThat(throttle.attempt(subject, "gift-2").taken()).isTrue();
		assertThat(throttle.attempt(subject, "gift-3").taken()).isTrue();
		assertThat(throttle.attempt(subject, "gift-4").taken()).as("a fourth occasion").isFalse();
		assertThat(throttle.attempt(subject, "gift-1").taken()).as("a retry of a counted one").isTrue();
		assertThat(this.redis.opsForValue().get("throttle:test-occasion:{" + subject + "}")).isEqualTo("3");
		assertThat(this.redis.getExpire("throttle:test-occasion:{" + subject + "}:occasions", TimeUnit.MILLISECONDS))
			.isBetween(1L, 60_000L);
	}

	@Test
	void everyCounterKeyHasAnExpiryEvenOneLeftWithoutByACrash() {
		Throttle throttle = new Throttle(this.redis, "test-expiry", 3, Duration.ofMinutes(1));
		String fresh = subject();
		throttle.tryTake(fresh);
		assertThat(ttl("test-expiry", fresh)).isBetween(1L, 60_000L);
		// what INCR without its EXPIRE left behind when a process died between the two
		String orphan = subject();
		this.redis.opsForValue().set("throttle:test-expiry:{" + orphan + "}", "3");
		assertThat(throttle.tryTake(orphan)).isFalse();
		assertThat(ttl("test-expiry", orphan)).isBetween(1L, 60_000L);
	}

	@Test
	void aGiveBackNeverGoesBelowZeroNorCreatesAKey() {
		Throttle throttle = new Throttle(this.redis, "test-give-back", 2, Duration.ofMinutes(1));
		String expired = subject();
		throttle.giveBack(expired);
		assertThat(this.redis.hasKey("throttle:test-give-back:{" + expired + "}")).as("a key after giving back").isFalse();
		String used = subject();
		assertThat(throttle.tryTake(used)).isTrue();
		throttle.giveBack(used);
		throttle.giveBack(used);
		assertThat(this.redis.opsForValue().get("throttle:test-give-back:{" + used + "}")).isEqualTo("0");
		assertThat(ttl("test-give-back", used)).isPositive();
		assertThat(throttle.tryTake(used)).isTrue();
		assertThat(throttle.tryTake(used)).isTrue();
		assertThat(throttle.tryTake(used)).as("two after the give-backs, not three").isFalse();
	}

	@Test
	void aRefusedAttemptSaysHowLongItsWindowHasLeft() {
		Throttle throttle = new Throttle(this.redis, "test-window-left", 2, Duration.ofMinutes(1));
		String subject = subject();
		assertThat(throttle.attempt(subject).taken()).isTrue();
		assertThat(throttle.attempt(subject).taken()).isTrue();
		Throttle.Attempt refused = throttle.attempt(subject);
		assertThat(refused.taken()).isFalse();
		assertThat(refused.windowLeft()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
		assertThat(refused.windowLeft().toMillis()).isGreaterThanOrEqualTo(ttl("test-window-left", subject));
	}

	@Test
	void withoutRedisARefusedAttemptSaysHowLongThisInstancesWindowHasLeft() {
		LettuceConnectionFactory unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		unreachable.afterPropertiesSet();
		unreachable.start();
		try {
			Instant start = Instant.parse("2026-12-07T10:00:00Z");
			Instant[] now = { start };
			Clock clock = new Clock() {
				@Override
				public ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(ZoneId zone) {
					return this;
				}

				@Override
				public Instant instant() {
					return now[0];
				}
			};
			Throttle throttle = new Throttle(new StringRedisTemplate(unreachable), "test-local-left", 1, Duration.ofMinutes(10),
					clock);
			assertThat(throttle.attempt("a").taken()).isTrue();
			now[0] = start.plusSeconds(240);
			assertThat(throttle.attempt("a")).isEqualTo(new Throttle.Attempt(false, Duration.ofMinutes(6)));
		}
		finally {
			unreachable.destroy();
		}
	}

	private long ttl(String name, String subject) {
		Long ttl = this.redis.getExpire("throttle:" + name + ":{" + subject + "}", TimeUnit.MILLISECONDS);
		return ttl == null ? -2 : ttl;
	}

	private static String subject() {
		return Long.toString(System.nanoTime());
	}

}
