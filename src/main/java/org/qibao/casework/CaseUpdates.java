package org.qibao.casework;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.RedisChannelListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
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
 * away the change is still saved and only the live announcement is lost. The channel is heard
 * through a {@link RedisChannelListener}, which pings itself every
 * {@code qibao.casework.updates-heartbeat} and listens afresh when its pings went unheard for three.
 */
@Component
class CaseUpdates implements InitializingBean, DisposableBean {

	private static final Log log = LogFactory.getLog(CaseUpdates.class);

	static final String CHANNEL = "qibao:casework:updates";

	private static final int SUBSCRIBER_BUFFER = 256;

	/** The heartbeat of instances of earlier releases, heard while a new release is rolled out. */
	private static final String EARLIER_PING = "ping:";

	/** A changed case of a community. */
	record CaseChanged(long communityId, long caseId) {
	}

	private final Sinks.Many<CaseChanged> sink = Sinks.many().multicast().directBestEffort();

	private final StringRedisTemplate redis;

	private final Scheduler delivery = Schedulers.newBoundedElastic(4, 10_000, "case-updates");

	private final RedisChannelListener listener;

	CaseUpdates(StringRedisTemplate redis, @Value("${qibao.casework.updates-heartbeat:5s}") Duration heartbeat) {
		this.redis = redis;
		this.listener = new RedisChannelListener("Case updates", redis.getRequiredConnectionFactory(), CHANNEL,
				heartbeat, this::received);
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
			if (!this.listener.listening()) {
				return Flux.error(new CaseUpdatesUnavailableException(new IllegalStateException("Not listening to Redis (yet)")));
			}
			return this.sink.asFlux()
				.filter(change -> change.communityId() == communityId)
				.onBackpressureBuffer(SUBSCRIBER_BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
				.publishOn(this.delivery, 16);
		});
	}

	private void received(String text) {
		if (text.startsWith(EARLIER_PING)) {
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
		this.listener.start();
	}

	/** The channel's listener, whose heartbeats keep it hearing. */
	RedisChannelListener listener() {
		return this.listener;
	}

	@Override
	public void destroy() {
		this.listener.close();
		this.delivery.dispose();
	}

}
