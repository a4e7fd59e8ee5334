package org.qibao.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.qibao.Heartbeats;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standing cache on the real Redis: remembered while the instance hears its channel,
 * forgotten on a change, not trusted once Redis is gone (every request reads PostgreSQL), and
 * forgotten altogether once a deaf subscription is replaced.
 */
@QibaoTest
class TokenStandingsTests {

	@Autowired
	LettuceConnectionFactory application;

	@Test
	void remembersWhileListeningForgetsOnAChangeAndReadsEveryTimeOnceRedisIsGone() throws Exception {
		LettuceConnectionFactory redis = ownConnections();
		TokenStandings standings = new TokenStandings(redis, new StringRedisTemplate(redis), Duration.ofSeconds(30),
				Duration.ofSeconds(1));
		try {
			standings.afterPropertiesSet();
			await().atMost(Duration.ofSeconds(10)).until(standings::listening);
			long account = 990_000_000L + (System.nanoTime() % 1_000_000);
			UUID token = UUID.randomUUID();
			AtomicInteger reads = new AtomicInteger();
			Supplier<Optional<AccountRepository.Standing>> read = counted(reads);
			standings.of(account, token, read);
			standings.of(account, token, read);
			standings.of(account, token, read);
			assertThat(reads).as("read once while listening").hasValue(1);
			standings.changed(account);
			standings.of(account, token, read);
			assertThat(reads).as("read again after a change, at once").hasValue(2);
			assertThat(standings.of(account + 1, token, read)).as("another account's token ID is not taken")
				.isPresent();
			assertThat(reads).hasValue(3);

			redis.destroy();
			await().atMost(Duration.ofSeconds(10)).until(() -> !standings.listening());
			int before = reads.get();
			standings.of(account, token, read);
			standings.of(account, token, read);
			assertThat(reads).as("every request reads PostgreSQL while Redis is gone").hasValue(before + 2);
		}
		finally {
			standings.destroy();
			redis.destroy();
		}
	}

	@Test
	void aDeafSubscriptionIsReplacedAtTheNextHeartbeatsAndWhatWasRememberedMeanwhileIsForgotten() throws Exception {
		LettuceConnectionFactory redis = ownConnections();
		StringRedisTemplate anotherInstance = new StringRedisTemplate(redis);
		// heartbeats longer than the test: it drives them itself
		TokenStandings standings = new TokenStandings(redis, anotherInstance, Duration.ofSeconds(30), Duration.ofHours(1));
		BlockingQueue<Long> heard = new LinkedBlockingQueue<>();
		standings.whenChanged(heard::add);
		try {
			standings.afterPropertiesSet();
			await().atMost(Duration.ofSeconds(10)).until(() -> standings.listener().listening());
			Heartbeats.enough(standings.listener());
			await().atMost(Duration.ofSeconds(10)).until(standings::listening);
			long account = 980_000_000L + (System.nanoTime() % 1_000_000);
			UUID token = UUID.randomUUID();
			AtomicInteger reads = new AtomicInteger();
			Supplier<Optional<AccountRepository.Standing>> read = counted(reads);
			standings.of(account, token, read);
			standings.of(account, token, read);
			assertThat(reads).as("remembered while hearing").hasValue(1);

			standings.listener().deafen();
			anotherInstance.convertAndSend(TokenStandings.CHANNEL, Long.toString(account));
			assertThat(heardWithinASecond(heard, account)).as("a deaf subscription hears no change").isFalse();

			Heartbeats.enough(standings.listener());

			assertThat(announceUntilHeard(anotherInstance, account + 1, heard)).isEqualTo(account + 1);
			standings.of(account, token, read);
			assertThat(reads).as("the change missed while deaf cannot count: everything remembered is forgotten")
				.hasValue(2);
		}
		finally {
			standings.destroy();
			redis.destroy();
		}
	}

	/** Connections of the test's own to the application's Redis, which the test may close. */
	private LettuceConnectionFactory ownConnections() {
		LettuceConnectionFactory redis = new LettuceConnectionFactory(this.application.getStandaloneConfiguration());
		redis.afterPropertiesSet();
		redis.start();
		return redis;
	}

	/** A read of PostgreSQL that counts itself. */
	private static Supplier<Optional<AccountRepository.Standing>> counted(AtomicInteger reads) {
		return () -> {
			reads.incrementAndGet();
			return Optional.of(new AccountRepository.Standing(1, 1, false));
		};
	}

	/** Announces a change as another instance does, until this one hears it. */
	/** Whether the account's change is heard within a second; other instances' changes on the same Redis are ignored. */
	private static boolean heardWithinASecond(BlockingQueue<Long> heard, long account) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
		for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
			Long change = heard.poll(left, TimeUnit.NANOSECONDS);
			if (change != null && change == account) {
				return true;
			}
		}
		return false;
	}

	private static long announceUntilHeard(StringRedisTemplate anotherInstance, long account, BlockingQueue<Long> heard)
			throws InterruptedException {
		for (int attempt = 0; attempt < 50; attempt++) {
			anotherInstance.convertAndSend(TokenStandings.CHANNEL, Long.toString(account));
			// other instances on the same Redis announce their own changes meanwhile
			for (Long change = heard.poll(200, TimeUnit.MILLISECONDS); change != null; change = heard.poll()) {
				if (change == account) {
					return change;
				}
			}
		}
		throw new AssertionError("the instance did not hear the change");
	}

}
