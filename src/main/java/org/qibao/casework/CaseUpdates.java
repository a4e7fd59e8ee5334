package org.qibao.casework;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.Lifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Carries "this case changed" between instances, through one Redis channel, so a grid worker's
 * board hears of a report sent to any instance. Cases change a few times a minute in a city, not
 * hundreds of times a second like positions, so every instance listens to the one channel and
 * filters by community itself (unlike the live map's channel per community). Announced only once
 * the change is committed, so a board never fetches a case that is not there yet; when Redis is
 * away the change is still saved and only the live announcement is lost.
 *
 * <p>A subscription can go deaf without a word: the container still says it listens while Redis
 * no longer counts it as a receiver (a connection dropped and replaced under it). So each instance
 * sends itself a ping through the channel every {@code qibao.casework.updates-heartbeat}; when its
 * own ping has not come back by the next one, it listens afresh.
 */
@Component
class CaseUpdates implements InitializingBean, DisposableBean {

	private static final Log log = LogFactory.getLog(CaseUpdates.class);

	static final String CHANNEL = "qibao:casework:updates";

	private static final Duration RETRY = Duration.ofSeconds(5);

	private static final int SUBSCRIBER_BUFFER = 256;

	private static final String PING = "ping:";

	/** A changed case of a community. */
	record CaseChanged(long communityId, long caseId) {
	}

	private final Sinks.Many<CaseChanged> sink = Sinks.many().multicast().directBestEffort();

	private final StringRedisTemplate redis;

	private final Scheduler delivery = Schedulers.newBoundedElastic(4, 10_000, "case-updates");

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "case-updates-listener");
		thread.setDaemon(true);
		return thread;
	});

	private volatile RedisMessageListenerContainer container;

	private final Duration heartbeat;

	/** Tells this instance's pings from those of the others on the channel. */
	private final String ping = PING + UUID.randomUUID();

	private final MessageListener listener = this::received;

	private volatile long pingSentAt;

	private volatile long pingHeardAt;

	CaseUpdates(StringRedisTemplate redis, @Value("${qibao.casework.updates-heartbeat:10s}") Duration heartbeat) {
		this.redis = redis;
		this.heartbeat = heartbeat;
	}

	/** Announces the change once the current transaction commits (at once, outside one). */
	void announceAfterCommit(long communityId, long caseId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					announce(communityId, caseId);
				}
			});
		}
		else {
			announce(communityId, caseId);
		}
	}

	private void announce(long communityId, long caseId) {
		try {
			this.redis.convertAndSend(CHANNEL, communityId + ":" + caseId);
		}
		catch (RuntimeException ex) {
			log.warn("A case update could not be announced (the case is saved): " + ex.getMessage());
		}
	}

	/** Changes of one community's cases from now on, through the subscriber's own bounded buffer. */
	Flux<CaseChanged> of(long communityId) {
		return Flux.defer(() -> {
			if (this.container == null) {
				return Flux.error(new CaseUpdatesUnavailableException(new IllegalStateException("Not listening to Redis (yet)")));
			}
			return this.sink.asFlux()
				.filter(change -> change.communityId() == communityId)
				.onBackpressureBuffer(SUBSCRIBER_BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
				.publishOn(this.delivery, 16);
		});
	}

	private void received(Message message, byte[] pattern) {
		String text = new String(message.getBody(), StandardCharsets.UTF_8);
		if (text.startsWith(PING)) {
			if (text.equals(this.ping)) {
				this.pingHeardAt = System.nanoTime();
			}
			return;
		}
		int colon = text.indexOf(':');
		try {
			emit(new CaseChanged(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1))));
		}
		catch (RuntimeException ex) {
			log.warn("Ignored an unreadable case update");
		}
	}

	private synchronized void emit(CaseChanged change) {
		this.sink.tryEmitNext(change);
	}

	@Override
	public void afterPropertiesSet() {
		listen();
		long period = this.heartbeat.toMillis();
		this.retries.scheduleWithFixedDelay(this::checkHearing, period, period, TimeUnit.MILLISECONDS);
	}

	/** Listens afresh when the last ping went unheard, then sends the next one. */
	synchronized void checkHearing() {
		if (this.container == null) {
			return; // not listening yet: listen() is retrying on its own
		}
		if (this.redis.getRequiredConnectionFactory() instanceof Lifecycle factory && !factory.isRunning()) {
			return; // the instance is stopping: its silence means nothing
		}
		if (this.pingSentAt != 0 && this.pingHeardAt - this.pingSentAt < 0) {
			log.warn("Case updates stopped hearing Redis; listening afresh");
			destroyQuietly(this.container);
			this.container = null;
			listen();
		}
		try {
			this.pingSentAt = System.nanoTime();
			this.redis.convertAndSend(CHANNEL, this.ping);
		}
		catch (RuntimeException ex) {
			this.pingSentAt = 0; // Redis is away: nothing to conclude from silence
		}
	}

	/** Stops hearing the channel while still seeming to listen, as a dropped subscription does. */
	synchronized void deafen() {
		this.container.removeMessageListener(this.listener);
	}

	private synchronized void listen() {
		RedisMessageListenerContainer started = new RedisMessageListenerContainer();
		started.setConnectionFactory(this.redis.getRequiredConnectionFactory());
		started.addMessageListener(this.listener, ChannelTopic.of(CHANNEL));
		try {
			started.afterPropertiesSet();
			started.start();
			this.container = started;
		}
		catch (RuntimeException ex) {
			log.warn("Case updates cannot listen to Redis yet, retrying in " + RETRY.toSeconds() + " s: " + ex.getMessage());
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
			log.debug("Could not stop the case updates listener", ex);
		}
	}

}
