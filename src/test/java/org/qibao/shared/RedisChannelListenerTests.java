package org.qibao.shared;

import java.time.Duration;
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
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener on the real Redis: hands over what is published, never a heartbeat, and tells
 * deafness from stopping and from lateness.
 */
class RedisChannelListenerTests {

	/** Longer than any test: the tests drive the heartbeats themselves. */
	private static final Duration HEARTBEAT = Duration.ofHours(1);

	private final String channel = "qibao:test:listener:" + System.nanoTime();

	private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

	private LettuceConnectionFactory redis;

	private StringRedisTemplate publisher;

	private RedisChannelListener listener;

	@BeforeEach
	void listen() {
		this.redis = TestRedis.connect();
		this.publisher = new StringRedisTemplate(this.redis);
		this.listener = new RedisChannelListener("Test messages", this.redis, this.channel, HEARTBEAT, this.heard::add);
		this.listener.start();
	}

	@AfterEach
	void stop() {
		this.listener.close();
		this.redis.destroy();
	}

	@Test
	void handsOverWhatIsPublishedButNoHeartbeatOfItsOwnOrAnotherInstance() throws Exception {
		this.publisher.convertAndSend(this.channel, "heartbeat of another instance 1");
		Heartbeats.enough(this.listener);
		this.publisher.convertAndSend(this.channel, "a message");

		assertThat(this.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("a message");
		assertThat(this.heard).isEmpty();
		assertThat(this.listener.hearing()).as("its own heartbeat came back").isTrue();
		assertThat(this.listener.subscriptions()).as("a heard heartbeat is no reason to listen afresh").isEqualTo(1);
	}

	@Test
	void aDeafListenerSubscribesAfreshWhileAStoppingOneDoesNot() throws Exception {
		this.listener.deafen();
		Heartbeats.enough(this.listener);
		assertThat(this.listener.subscriptions()).as("deaf: listened afresh").isEqualTo(2);
		this.publisher.convertAndSend(this.channel, "heard again");
		assertThat(this.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("heard again");

		this.listener.deafen();
		this.redis.stop();
		Heartbeats.enough(this.listener);

		assertThat(this.listener.subscriptions()).as("the connections are closing: silence means nothing").isEqualTo(2);
	}

	@Test
	void aLatePingIsNoReasonToListenAfreshNorToThinkMessagesWereMissed() throws Exception {
		String busyChannel = this.channel + ":busy";
		CountDownLatch busy = new CountDownLatch(1);
		AtomicInteger mayHaveMissed = new AtomicInteger();
		RedisChannelListener listener = new RedisChannelListener("Busy messages", this.redis, busyChannel, HEARTBEAT,
				new RedisChannelListener.Receiver() {
					@Override
					public void received(String message) {
						if (message.equals("takes a while")) {
							awaitQuietly(busy);
						}
						RedisChannelListenerTests.this.heard.add(message);
					}

					@Override
					public void mayHaveMissed() {
						mayHaveMissed.incrementAndGet();
					}
				});
		listener.start();
		try {
			listener.checkHearing();
			await().atMost(Duration.ofSeconds(10)).until(listener::hearing);
			int missedOnSubscribing = mayHaveMissed.get();

			// the listener's one delivery thread is busy, so its next pings wait behind that message
			this.publisher.convertAndSend(busyChannel, "takes a while");
			listener.checkHearing();
			Thread.sleep(300);
			listener.checkHearing();
			busy.countDown();
			this.publisher.convertAndSend(busyChannel, "after the late pings");
			assertThat(this.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("takes a while");
			assertThat(this.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("after the late pings");
			Heartbeats.enough(listener);

			assertThat(listener.subscriptions()).as("late pings came back: nothing to listen afresh for").isEqualTo(1);
			assertThat(mayHaveMissed).as("every ping came back in order: nothing was missed")
				.hasValue(missedOnSubscribing);
			assertThat(listener.hearing()).isTrue();
		}
		finally {
			busy.countDown();
			listener.close();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
