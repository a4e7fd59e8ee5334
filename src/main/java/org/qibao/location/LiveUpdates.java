package org.qibao.location;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Carries position updates between instances: every instance publishes to its community's
 * Redis channel and listens to the channels of the communities its own subscribers watch, so a
 * subscriber sees a phone connected to any instance, and an instance with no map open spends
 * nothing on updates. Each subscriber gets its own small buffer and thread hand-off, so a slow
 * one loses its oldest updates instead of holding up the others.
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

	private final MessageListener listener = this::received;

	/** How many subscribers of this instance watch each community. */
	private final Map<Long, Integer> watchers = new HashMap<>();

	private RedisMessageListenerContainer container;

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "live-updates-listener");
		thread.setDaemon(true);
		return thread;
	});

	private final Scheduler delivery = Schedulers.newBoundedElastic(8, 10_000, "live-updates");

	LiveUpdates(RedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	/** The update for a patroller who moved, given the patroller's entry ({@link LivePatroller#encode}). */
	static String moved(long checkInId, String entry) {
		return "M" + checkInId + ";" + entry;
	}

	static String left(LivePatroller patroller) {
		return "L" + patroller.checkInId() + ";" + patroller.encode();
	}

	/**
	 * Updates of one community from now on, through this subscriber's own bounded buffer. While
	 * this instance cannot listen to Redis the subscriber is told the map is unavailable, rather
	 * than left waiting on a stream that would show nobody moving.
	 */
	Flux<LiveUpdate> of(long communityId) {
		return Flux.defer(() -> {
			LivePositionStore.guarded(() -> {
				watch(communityId);
				return null;
			});
			return this.sink.asFlux()
				.filter(update -> update.patroller().communityId() == communityId)
				.onBackpressureBuffer(SUBSCRIBER_BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
				.publishOn(this.delivery, 16)
				.doFinally(signal -> unwatch(communityId));
		});
	}

	private synchronized void watch(long communityId) {
		if (this.container == null) {
			throw new LiveMapUnavailableException(new IllegalStateException("Not listening to Redis (yet)"));
		}
		if (this.watchers.merge(communityId, 1, Integer::sum) == 1) {
			try {
				this.container.addMessageListener(this.listener, channel(communityId));
			}
			catch (RuntimeException ex) {
				// the stream never starts, so its doFinally will not count this watcher out
				this.watchers.remove(communityId);
				throw ex;
			}
		}
	}

	private synchronized void unwatch(long communityId) {
		if (this.watchers.computeIfPresent(communityId, (id, n) -> (n == 1) ? null : n - 1) == null
				&& this.container != null) {
			this.container.removeMessageListener(this.listener, channel(communityId));
		}
	}

	private static ChannelTopic channel(long communityId) {
		return ChannelTopic.of(new LiveKeys(communityId).updates());
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

	private synchronized void listen() {
		RedisMessageListenerContainer started = new RedisMessageListenerContainer();
		started.setConnectionFactory(this.connectionFactory);
		this.watchers.keySet().forEach(community -> started.addMessageListener(this.listener, channel(community)));
		try {
			started.afterPropertiesSet();
			started.start();
			this.container = started;
		}
		catch (RuntimeException ex) {
			log.warn("Live updates cannot listen to Redis yet, retrying in " + RETRY.toSeconds() + " s: " + ex.getMessage());
			destroyQuietly(started);
			if (!this.retries.isShutdown()) {
				this.retries.schedule(this::listen, RETRY.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	@Override
	public synchronized void destroy() {
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
