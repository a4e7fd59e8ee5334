package org.qibao.identity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.RedisChannelListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
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
 * heartbeat on the channel ({@link RedisChannelListener#hearing()}, every
 * {@code qibao.security.standing-heartbeat}): Lettuce reconnects silently, so an instance cut off
 * from Redis would otherwise miss changes without knowing. Unheard, every request reads
 * PostgreSQL; once heard again, after a missed heartbeat or a new subscription (a deaf one is
 * replaced at the next heartbeat), everything remembered is forgotten. A change whose message is
 * lost all the same counts within {@code qibao.security.standing-cache-ttl} at worst.
 */
@Component
class TokenStandings implements InitializingBean, DisposableBean {

	static final String CHANNEL = "qibao:identity:standing-changed";

	private static final Log log = LogFactory.getLog(TokenStandings.class);

	private static final int MAX_TOKENS = 200_000;

	private final Cache<UUID, Remembered> standings;

	/** Raised by every forgetting, so that a read racing a change does not remember what it read. */
	private final AtomicLong changes = new AtomicLong();

	/** The PostgreSQL reads made for this instance's requests; for tests. */
	private final AtomicLong reads = new AtomicLong();

	private final StringRedisTemplate redis;

	private final RedisChannelListener listener;

	private final List<LongConsumer> whenChanged = new CopyOnWriteArrayList<>();

	/** Publishes changes, never holding up a request while Redis is slow. */
	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "token-standings");
		thread.setDaemon(true);
		return thread;
	});

	TokenStandings(RedisConnectionFactory connectionFactory, StringRedisTemplate redis,
			@Value("${qibao.security.standing-cache-ttl:30s}") Duration ttl,
			@Value("${qibao.security.standing-heartbeat:1s}") Duration heartbeat) {
		this.redis = redis;
		this.listener = new RedisChannelListener("Token standings", connectionFactory, CHANNEL, heartbeat,
				new RedisChannelListener.Receiver() {
					@Override
					public void received(String message) {
						heardChange(message);
					}

					@Override
					public void mayHaveMissed() {
						forgetAll();
					}
				});
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
		return this.listener.hearing();
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

	private void heardChange(String message) {
		try {
			forget(Long.parseLong(message));
		}
		catch (NumberFormatException ex) {
			log.warn("Ignored an unreadable token standing change: " + ex.getMessage());
		}
	}

	@Override
	public void afterPropertiesSet() {
		// listening connects to Redis: not on the start-up thread, which would wait while Redis is down
		this.listener.startInBackground();
	}

	/** The channel's listener, whose heartbeats keep it hearing. */
	RedisChannelListener listener() {
		return this.listener;
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
		this.listener.close();
	}

	private record Remembered(long accountId, AccountRepository.Standing standing) {
	}

}
