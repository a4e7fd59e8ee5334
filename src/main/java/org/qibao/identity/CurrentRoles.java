package org.qibao.identity;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The roles each account holds now, as stored in {@code role_assignment}, not as its token
 * remembers them: a role granted or revoked counts from the next request, without signing in
 * again. Each account's roles are read once and kept for a few seconds ({@code
 * qibao.security.role-cache-ttl}), so busy phones cost no query per request; a grant or revoke
 * forgets them in this instance at once, other instances within that time.
 */
@Component
class CurrentRoles {

	private static final int MAX_ACCOUNTS = 100_000;

	private final LongFunction<Set<ScopedRole>> loader;

	private final Cache<Long, Set<ScopedRole>> cache;

	@Autowired
	CurrentRoles(AccountRepository repository, @Value("${qibao.security.role-cache-ttl:5s}") Duration timeToLive) {
		this(accountId -> Collections.unmodifiableSet(new LinkedHashSet<>(repository.rolesOf(accountId))), timeToLive,
				Ticker.systemTicker());
	}

	CurrentRoles(LongFunction<Set<ScopedRole>> loader, Duration timeToLive, Ticker ticker) {
		this.loader = loader;
		this.cache = Caffeine.newBuilder()
			.maximumSize(MAX_ACCOUNTS)
			.expireAfterWrite(timeToLive)
			.ticker(ticker)
			.build();
	}

	/** The account's roles now (at most the cache's time to live old). */
	Set<ScopedRole> of(long accountId) {
		return this.cache.get(accountId, this.loader::apply);
	}

	/**
	 * Forgets the account's roles once the current transaction ends (at once outside one), so that
	 * the next request reads what was committed; also after a rollback, in case the transaction
	 * read its own change. A read still running when they are forgotten is waited for and dropped.
	 */
	void changed(long accountId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					CurrentRoles.this.cache.invalidate(accountId);
				}
			});
		}
		else {
			this.cache.invalidate(accountId);
		}
	}

	/** A view of one account's current roles, read on each use; nothing is read while it is not used. */
	Set<ScopedRole> viewOf(long accountId) {
		return new CurrentRoleSet(accountId);
	}

	private final class CurrentRoleSet extends java.util.AbstractSet<ScopedRole> {

		private final long accountId;

		CurrentRoleSet(long accountId) {
			this.accountId = accountId;
		}

		@Override
		public boolean contains(Object role) {
			return of(this.accountId).contains(role);
		}

		@Override
		public java.util.Iterator<ScopedRole> iterator() {
			return of(this.accountId).iterator();
		}

		@Override
		public int size() {
			return of(this.accountId).size();
		}

	}

}
