package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Heartbeats;
import org.qibao.TestRedis;
import org.qibao.location.LiveUpdates.LiveUpdate;
import org.qibao.shared.GeoPoint;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How updates reach subscribers once they arrive from Redis: each at its own pace, each only its community. */
class LiveUpdatesTests {

	/** Longer than any test: the tests drive the heartbeats themselves. */
	private static final Duration HEARTBEAT = Duration.ofHours(1);

	private LettuceConnectionFactory redis;

	private LiveUpdates updates;

	/** Listening to the real Redis: a subscriber is refused while the instance cannot listen. */
	@BeforeEach
	void listen() {
		this.redis = TestRedis.connect();
		this.updates = new LiveUpdates(this.redis, HEARTBEAT);
		this.updates.afterPropertiesSet();
	}

	@AfterEach
	void stop() {
		this.updates.destroy();
		this.redis.destroy();
	}

	@Test
	void aSlowSubscriberDoesNotHoldUpAFastOne() throws Exception {
		CountDownLatch fastGotAll = new CountDownLatch(500);
		AtomicInteger slowGot = new AtomicInteger();
		Disposable slow = this.updates.of(42).subscribe(update -> {
			slowGot.incrementAndGet();
			sleep(200);
		});
		Disposable fast = this.updates.of(42).subscribe(update -> fastGotAll.countDown());
		try {
			long started = System.nanoTime();
			// 500 updates a second: a busy community's whole patrol reporting at once
			for (int i = 0; i < 500; i++) {
				this.updates.emit(update(42, i));
				sleep(1);
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("emitting never waits for a subscriber")
				.isLessThan(Duration.ofSeconds(5));
			assertThat(fastGotAll.await(5, TimeUnit.SECONDS)).as("the fast subscriber got every update").isTrue();
			assertThat(slowGot.get()).as("the slow one is still on its first few").isLessThan(50);
		}
		finally {
			slow.dispose();
			fast.dispose();
		}
	}

	@Test
	void aSubscriberGetsOnlyItsCommunity() throws Exception {
		CountDownLatch got = new CountDownLatch(1);
		AtomicInteger others = new AtomicInteger();
		Disposable subscription = this.updates.of(7).subscribe(update -> {
			if (update.patroller().communityId() != 7) {
				others.incrementAndGet();
			}
			got.countDown();
		});
		try {
			this.updates.emit(update(8, 1));
			this.updates.emit(update(7, 2));
			assertThat(got.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(others.get()).isZero();
		}
		finally {
			subscription.dispose();
		}
	}

	@Test
	void aSubscriberIsToldTheMapIsUnavailableWhileTheInstanceCannotListen() {
		LettuceConnectionFactory unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		unreachable.afterPropertiesSet();
		unreachable.start();
		LiveUpdates deaf = new LiveUpdates(unreachable, HEARTBEAT);
		try {
			deaf.afterPropertiesSet();
			assertThatThrownBy(() -> deaf.of(7).blockFirst(Duration.ofSeconds(5)))
				.isInstanceOf(LiveMapUnavailableException.class);
		}
		finally {
			deaf.destroy();
			unreachable.destroy();
		}
	}

	@Test
	void anInstanceWhoseSubscriptionWentDeafHearsTheMapAgainAfterItsNextHeartbeats() throws Exception {
		long community = 987_654_000L + (System.nanoTime() % 1_000);
		BlockingQueue<LiveUpdate> heard = new LinkedBlockingQueue<>();
		Disposable watching = this.updates.of(community).subscribe(heard::add);
		try {
			publishUntilHeard(community, heard);
			this.updates.listener().deafen();
			publish(community, 1);
			assertThat(heard.poll(1, TimeUnit.SECONDS)).as("a deaf subscription hears nothing").isNull();

			Heartbeats.enough(this.updates.listener());

			assertThat(publishUntilHeard(community, heard).patroller().communityId()).isEqualTo(community);
		}
		finally {
			watching.dispose();
		}
	}

	/** Publishes a move, as another instance storing a position does, until the subscriber sees one. */
	private LiveUpdate publishUntilHeard(long community, BlockingQueue<LiveUpdate> heard) throws InterruptedException {
		for (int attempt = 0; attempt < 50; attempt++) {
			publish(community, attempt);
			LiveUpdate update = heard.poll(200, TimeUnit.MILLISECONDS);
			if (update != null) {
				heard.clear();
				return update;
			}
		}
		throw new AssertionError("the subscriber heard no update of its community");
	}

	private void publish(long community, int n) {
		LivePatroller patroller = update(community, n).patroller();
		new StringRedisTemplate(this.redis).convertAndSend(new LiveKeys(community).updates(),
				LiveUpdates.moved(patroller.checkInId(), patroller.encode()));
	}

	private static LiveUpdate update(long community, int n) {
		return new LiveUpdate(new LivePatroller(n, 1, 2, community, List.of(3L), 3L, new GeoPoint(114.353, 30.5675), 10,
				Instant.now(), null, null, true, false, null), false);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
