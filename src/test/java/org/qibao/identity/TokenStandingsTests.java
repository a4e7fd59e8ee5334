package org.qibao.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standing cache on the real Redis: remembered while the instance hears its channel,
 * forgotten on a change, and not trusted once Redis is gone (every request reads PostgreSQL).
 */
@QibaoTest
class TokenStandingsTests {

	@Autowired
	LettuceConnectionFactory application;

	@Test
	void remembersWhileListeningForgetsOnAChangeAndReadsEveryTimeOnceRedisIsGone() throws Exception {
		LettuceConnectionFactory redis = new LettuceConnectionFactory(this.application.getStandaloneConfiguration());
		redis.afterPropertiesSet();
		redis.start();
		TokenStandings standings = new TokenStandings(redis, new StringRedisTemplate(redis), Duration.ofSeconds(30));
		try {
			standings.afterPropertiesSet();
			await().atMost(Duration.ofSeconds(10)).until(standings::listening);
			long account = 990_000_000L + (System.nanoTime() % 1_000_000);
			UUID token = UUID.randomUUID();
			AtomicInteger reads = new AtomicInteger();
			Supplier<Optional<AccountRepository.Standing>> read = () -> {
				reads.incrementAndGet();
				return Optional.of(new AccountRepository.Standing(1, 1, false));
			};
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

}
