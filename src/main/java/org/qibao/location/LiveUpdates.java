package org.qibao.location;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Carries position updates between instances: every instance publishes to its community's
 * Redis channel and listens to all of them, so a subscriber sees a phone connected to any
 * instance. Each subscriber gets its own small buffer and thread hand-off, so a slow one
 * loses its oldest updates instead of holding up the others.
 */
@Component
class LiveUpdates implements InitializingBean, DisposableBean {

	private static final Log log = LogFactory.getLog(LiveUpdates.class);

	private static final int SUBSCRIBER_BUFFER = 256;

	private static final Duration RETRY = Duration.ofSeconds(5);

	/** An update: the patroller moved, or left the live map (checked out). */
	record LiveUpdate(LivePatroller patroller, boolean left) {
	}

	private final Sinks.Many<LiveUpdate> sink = Sinks.many().multicast().directBestEffort();

	private final RedisConnectionFactory connectionFactory;

	private volatile RedisMessageListenerContainer container;

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "live-updates-listener");
		thread.setDaemon(true);
		return thread;
	});

	private final Scheduler delivery = Schedulers.newBoundedElastic(8, 10_000, "live-updates");

	LiveUpdates(RedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	static String moved(LivePatroller patroller) {
		return "M" + patroller.checkInId() + ";" + patroller.encode();
	}

	static String left(LivePatroller patroller) {
		return "L" + patroller.checkInId() + ";" + patroller.encode();
	}

	/** Updates of one community from now on, through this subscriber's own bounded buffer. */
	Flux<LiveUpdate> of(long communityId) {
		return this.sink.asFlux()
			.filter(update -> update.patroller().communityId() == communityId)
			.onBackpressureBuffer(SUBSCRIBER_BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
			.publishOn(this.delivery, 16);
	}

	private void received(Message message, byte[] pattern) {
		String text = new String(message.getBody(), StandardCharsets.UTF_8);
		int separator = text.indexOf(';');
		if (text.length() < 3 || separator < 0) {
			return;
		}
		try {
			long checkInId = Long.parseLong(text.substring(1, separator));
			LivePatroller patroller = LivePatroller.decode(checkInId, text.substring(separator + 1));
			if (patroller != null) {
				emit(new LiveUpdate(patroller, text.charAt(0) == 'L'));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Ignored an unreadable live update: " + ex.getMessage());
		}
	}

	synchronized void emit(LiveUpdate update) {
		this.sink.tryEmitNext(update);
	}

	/** Starts listening; while Redis is unreachable, keeps trying, so the application starts regardless. */
	@Override
	public void afterPropertiesSet() {
		listen();
	}

	private void listen() {
		RedisMessageListenerContainer listener = new RedisMessageListenerContainer();
		listener.setConnectionFactory(this.connectionFactory);
		listener.addMessageListener(this::received, new PatternTopic(LiveKeys.CHANNEL_PATTERN));
		try {
			listener.afterPropertiesSet();
			listener.start();
			this.container = listener;
		}
		catch (RuntimeException ex) {
			log.warn("Live updates cannot listen to Redis yet, retrying in " + RETRY.toSeconds() + " s: " + ex.getMessage());
			destroyQuietly(listener);
			if (!this.retries.isShutdown()) {
				this.retries.schedule(this::listen, RETRY.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	@Override
	public void destroy() {
		this.retries.shutdownNow();
		destroyQuietly(this.container);
		this.delivery.dispose();
	}

	private static void destroyQuietly(RedisMessageListenerContainer listener) {
		try {
			if (listener != null) {
				listener.destroy();
			}
		}
		catch (Exception ex) {
			log.debug("Could not stop a live updates listener", ex);
		}
	}

}
