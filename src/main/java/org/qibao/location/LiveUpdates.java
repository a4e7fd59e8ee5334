package org.qibao.location;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.RedisChannelListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.RedisConnectionFactory;
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
 *
 * <p>The community channels are heard through one {@link RedisChannelListener}, whose own channel
 * ({@value #HEARTBEAT_CHANNEL}) carries only its heartbeat: every
 * {@code qibao.location.live-updates-heartbeat} it pings itself, and listens afresh (to every
 * watched community again) when its pings went unheard for three heartbeats.
 */
@Component
class LiveUpdates implements InitializingBean, DisposableBean {

	private static final Log log = LogFactory.getLog(LiveUpdates.class);

	/** The listener's own channel, for its heartbeat; updates go through the communities' channels. */
	static final String HEARTBEAT_CHANNEL = "qibao:location:live-updates";

	private static final int SUBSCRIBER_BUFFER = 256;

	/** An update: the patroller moved, or left the live map (checked out). */
	record LiveUpdate(LivePatroller patroller, boolean left) {
	}

	private final Sinks.Many<LiveUpdate> sink = Sinks.many().multicast().directBestEffort();

	private final RedisChannelListener listener;

	/** How many subscribers of this instance watch each community. */
	private final Map<Long, Integer> watchers = new HashMap<>();

	private final Scheduler delivery = Schedulers.newBoundedElastic(8, 10_000, "live-updates");

	LiveUpdates(RedisConnectionFactory connectionFactory,
			@Value("${qibao.location.live-updates-heartbeat:5s}") Duration heartbeat) {
		this.listener = new RedisChannelListener("Live updates", connectionFactory, HEARTBEAT_CHANNEL, heartbeat,
				this::received);
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
		if (!this.listener.listening()) {
			throw new LiveMapUnavailableException(new IllegalStateException("Not listening to Redis (yet)"));
		}
		if (this.watchers.merge(communityId, 1, Integer::sum) == 1) {
			try {
				this.listener.listenAlso(channel(communityId));
			}
			catch (RuntimeException ex) {
				// the stream never starts, so its doFinally will not count this watcher out
				this.watchers.remove(communityId);
				throw ex;
			}
		}
	}

	private synchronized void unwatch(long communityId) {
		if (this.watchers.computeIfPresent(communityId, (id, n) -> (n == 1) ? null : n - 1) == null) {
			this.listener.stopListening(channel(communityId));
		}
	}

	private static String channel(long communityId) {
		return new LiveKeys(communityId).updates();
	}

	private void received(String text) {
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
		this.listener.start();
	}

	/** The communities' listener, whose heartbeats keep it hearing. */
	RedisChannelListener listener() {
		return this.listener;
	}

	@Override
	public void destroy() {
		this.listener.close();
		this.delivery.dispose();
	}

}
