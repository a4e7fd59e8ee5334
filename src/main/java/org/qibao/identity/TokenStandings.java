package org.qibao.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers each token's standing (see {@link Tokens}) for a short while, so that a phone
 * reporting its position every 15 s costs no PostgreSQL read per request. Whatever changes a
 * standing (a sign-out, a password change, a role granted or revoked) forgets the account's
 * tokens here once its transaction commits, and tells every other instance through Redis
 * pub/sub, which forget them too: a change counts on this instance from the next request and on
 * the others within milliseconds. The cache is trusted only while this instance hears its own
 * heartbeat on the channel (once a second): Lettuce reconnects silently, so an instance cut off
 * from Redis would otherwise miss changes without knowing. Unheard, every request reads
 * PostgreSQL, and once heard again everything remembered is forgotten. A change whose message
 * is lost all the same counts within {@code qibao.security.standing-cache-ttl} at worst.
 */
@Component
class TokenStandings implements InitializingBean, DisposableBean {

	static final String CHANNEL = "qibao:identity:standing-changed";

	private static final Log log = LogFactory.getLog(TokenStandings.class);

	private static final int MAX_TOKENS = 200_000;

	private static final Duration HEARTBEAT = Duration.ofSeconds(1);

	/** A heartbeat unheard for this long means the instance may be missing changes. */
	private static final Duration HEARD_WITHIN = Duration.ofSeconds(3);

	private static final Duration RETRY = Duration.ofSeconds(5);

	private static final String HEARTBEAT_PREFIX = "heartbeat ";

	private final Cache<UUID, Remembered> standings;

	/** Raised by every forgetting, so that a read racing a change does not remember what it read. */
	private final AtomicLong changes = new AtomicLong();

	/** The PostgreSQL reads made for this instance's requests; for tests. */
	private final AtomicLong reads = new AtomicLong();

	private final String instanceHeartbeat = HEARTBEAT_PREFIX + UUID.randomUUID() + " ";

	private final AtomicLong beatsSent = new AtomicLong();

	private long lastBeatHeard;

	private volatile long heardAt;

	private volatile boolean heard;

	private final RedisConnectionFactory connectionFactory;

	private final StringRedisTemplate redis;

	private final Listener listener = new Listener();

	private final List<LongConsumer> whenChanged = new CopyOnWriteArrayList<>();

	private RedisMessageListenerContainer container;

	/** One thread: starts listening, beats, publishes changes, never holding up a request while Redis is slow. */
	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "token-standings");
		thread.setDaemon(true);
		return thread;
	});

	/** Handles messages in order on one thread (the container's default starts a thread per message). */
	private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "token-standings-listener");
		thread.setDaemon(true);
		return thread;
	});

	TokenStandings(RedisConnectionFactory connectionFactory, StringRedisTemplate redis,
			@Value("${qibao.security.standing-cache-ttl:30s}") Duration ttl) {
		this.connectionFactory = connectionFactory;
		this.redis = redis;
		this.standings = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(ttl).build();
	}

	/**
	 * The token's standing: the one remembered while changes are heard, else {@code read} from
	 * PostgreSQL (remembered unless a change landed meanwhile).
	 */
	Optional<AccountRepository.Standing> of(long accountId, UUID tokenId,
			Supplier<Optional<AccountRepository.Standing>> read) {
		boolean trusted = listening();
		if (trusted) {
			Remembered known = this.standings.getIfPresent(tokenId);
			if (known != null && known.accountId() == accountId) {
				return Optional.of(known.standing());
			}
		}
		long seen = this.changes.get();
		this.reads.incrementAndGet();
		Optional<AccountRepository.Standing> standing = read.get();
		if (trusted && standing.isPresent()) {
			this.standings.put(tokenId, new Remembered(accountId, standing.get()));
			// a change's forgetting may have run between the read and the put
			if (this.changes.get() != seen) {
				this.standings.invalidate(tokenId);
			}
		}
		return standing;
	}

	/**
	 * The account's standing changed: once the transaction (if any) commits, its tokens are
	 * forgotten here and every instance is told.
	 */
	void changed(long accountId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					announce(accountId);
				}
			});
		}
		else {
			announce(accountId);
		}
	}

	private void announce(long accountId) {
		forget(accountId);
		try {
			this.worker.execute(() -> publish(Long.toString(accountId)));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Could not tell other instances that account " + accountId + " changed: shutting down");
		}
	}

	/** Whether this instance heard its own heartbeat lately, so it hears every change. */
	boolean listening() {
		return this.heard && System.nanoTime() - this.heardAt < HEARD_WITHIN.toNanos();
	}

	long reads() {
		return this.reads.get();
	}

	private void forget(long accountId) {
		this.changes.incrementAndGet();
		this.standings.asMap().values().removeIf(remembered -> remembered.accountId() == accountId);
		this.whenChanged.forEach(listener -> listener.accept(accountId));
	}

	/**
	 * Calls {@code listener} with the account whenever a change of its standing is heard (made on
	 * this instance or announced by another), after what was remembered of it is forgotten.
	 */
	void whenChanged(LongConsumer listener) {
		this.whenChanged.add(listener);
	}

	private void forgetAll() {
		this.changes.incrementAndGet();
		this.standings.invalidateAll();
	}

	private void publish(String message) {
		try {
			this.redis.convertAndSend(CHANNEL, message);
		}
		catch (RuntimeException ex) {
			log.warn("Could not publish a token standing change (" + message + "); other instances see it within "
					+ "the cache's TTL: " + ex.getMessage());
		}
	}

	private void beat() {
		String beat = this.instanceHeartbeat + this.beatsSent.incrementAndGet();
		try {
			this.redis.convertAndSend(CHANNEL, beat);
		}
		catch (RuntimeException ex) {
			log.debug("Could not publish the token standings heartbeat: " + ex.getMessage());
		}
	}

	/** The own heartbeat came back; a missed one (a reconnect, a failed publish) may have lost changes. */
	private synchronized void heardBeat(long beat) {
		if (!listening() || beat > this.lastBeatHeard + 1) {
			forgetAll();
		}
		this.lastBeatHeard = Math.max(this.lastBeatHeard, beat);
		this.heardAt = System.nanoTime();
		this.heard = true;
	}

	private synchronized void deaf() {
		this.heard = false;
	}

	@Override
	public void afterPropertiesSet() {
		// listening connects to Redis: not on the start-up thread, which would wait while Redis is down
		this.worker.execute(this::listen);
		this.worker.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void listen() {
		RedisMessageListenerContainer started = new RedisMessageListenerContainer();
		started.setConnectionFactory(this.connectionFactory);
		started.setTaskExecutor(this.delivery);
		started.addMessageListener(this.listener, ChannelTopic.of(CHANNEL));
		started.setErrorHandler(ex -> {
			log.warn("Token standings listener failed: " + ex.getMessage());
			deaf();
		});
		try {
			started.afterPropertiesSet();
			started.start();
			synchronized (this) {
				this.container = started;
			}
		}
		catch (RuntimeException ex) {
			log.warn("Token standings cannot listen to Redis yet (each request reads PostgreSQL), retrying in "
					+ RETRY.toSeconds() + " s: " + ex.getMessage());
			destroyQuietly(started);
			if (!this.worker.isShutdown()) {
				this.worker.schedule(this::listen, RETRY.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
		synchronized (this) {
			destroyQuietly(this.container);
		}
		this.delivery.shutdownNow();
	}

	private static void destroyQuietly(RedisMessageListenerContainer container) {
		try {
			if (container != null) {
				container.destroy();
			}
		}
		catch (Exception ex) {
			log.debug("Could not stop a token standings listener", ex);
		}
	}

	private record Remembered(long accountId, AccountRepository.Standing standing) {
	}

	private final class Listener implements MessageListener, SubscriptionListener {

		@Override
		public void onMessage(Message message, byte[] pattern) {
			String text = new String(message.getBody(), StandardCharsets.UTF_8);
			try {
				if (text.startsWith(TokenStandings.this.instanceHeartbeat)) {
					heardBeat(Long.parseLong(text.substring(TokenStandings.this.instanceHeartbeat.length())));
				}
				else if (!text.startsWith(HEARTBEAT_PREFIX)) {
					forget(Long.parseLong(text));
				}
			}
			catch (NumberFormatException ex) {
				log.warn("Ignored an unreadable token standing change: " + ex.getMessage());
			}
		}

		/** Subscribed again after a reconnect: changes published meanwhile were lost. */
		@Override
		public void onChannelSubscribed(byte[] channel, long count) {
			forgetAll();
		}

		@Override
		public void onChannelUnsubscribed(byte[] channel, long count) {
			deaf();
		}

	}

}
