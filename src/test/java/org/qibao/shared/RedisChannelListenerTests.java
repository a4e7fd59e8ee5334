package org.qibao.shared;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Heartbeats;
import org.qibao.TestRedis;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The listener on the real Redis: hands over what is published, never a heartbeat, and tells deafness from stopping. */
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
		Heartbeats.twice(this.listener);
		this.publisher.convertAndSend(this.channel, "a message");

		assertThat(this.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("a message");
		assertThat(this.heard).isEmpty();
		assertThat(this.listener.hearing()).as("its own heartbeat came back").isTrue();
		assertThat(this.listener.subscriptions()).as("a heard heartbeat is no reason to listen afresh").isEqualTo(1);
	}

	@Test
	void aDeafListenerSubscribesAfreshWhileAStoppingOneDoesNot() throws Exception {
		this.listener.deafen();
		Heartbeats.twice(this.listener);
		assertThat(this.listener.subscriptions()).as("deaf: listened afresh").isEqualTo(2);
		this.publisher.convertAndSend(this.channel, "heard again");
		assertThat(this.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("heard again");

		this.listener.deafen();
		this.redis.stop();
		Heartbeats.twice(this.listener);

		assertThat(this.listener.subscriptions()).as("the connections are closing: silence means nothing").isEqualTo(2);
	}

}
