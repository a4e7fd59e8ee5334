package org.qibao.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The roles each account holds now, as stored in {@code role_assignment}, not as its token
 * remembers them: a role granted or revoked counts without signing in again, from the next
 * request on the instance that changed it and within milliseconds on the others. Every grant or
 * revoke raises the account's {@code roles_version} in its transaction; each request takes that
 * version from its token's standing ({@link TokenStandings}, forgotten on every instance when
 * the roles change), and an instance reuses the roles it read before only while the version is
 * unchanged, so busy phones cost no roles query per request.
 */
@Component
class CurrentRoles {

	private static final int MAX_ACCOUNTS = 100_000;

	/** A view used longer than this (a WebSocket connection's) reads the version again. */
	private static final Duration VIEW_FRESH_FOR = Duration.ofSeconds(1);

	private final LongFunction<Set<ScopedRole>> loader;

	private final LongUnaryOperator versionOf;

	private final Clock clock;

	private final Cache<Long, Versioned> cache = Caffeine.newBuilder()
		.maximumSize(MAX_ACCOUNTS)
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	@Autowired
	CurrentRoles(AccountRepository repository) {
		this(accountId -> Collections.unmodifiableSet(new LinkedHashSet<>(repository.rolesOf(accountId))),
				repository::rolesVersion, Clock.systemUTC());
	}

	CurrentRoles(LongFunction<Set<ScopedRole>> loader, LongUnaryOperator versionOf, Clock clock) {
		this.loader = loader;
		this.versionOf = versionOf;
		this.clock = clock;
	}

	/** The account's roles now: its stored version is read, the roles only when it changed. */
	Set<ScopedRole> of(long accountId) {
		return of(accountId, this.versionOf.applyAsLong(accountId));
	}

	/** The account's roles at this version (read by the request), reusing those read at the same version. */
	Set<ScopedRole> of(long accountId, long version) {
		Versioned known = this.cache.getIfPresent(accountId);
		if (known != null && known.version() == version) {
			return known.roles();
		}
		// read after the version, so the roles are at least that new
		Set<ScopedRole> roles = this.loader.apply(accountId);
		this.cache.put(accountId, new Versioned(version, roles));
		return roles;
	}

	/**
	 * A view of one account's roles for one request, at the version the request read; nothing is
	 * read while no role is checked. Used on after a second (a WebSocket connection lives on), it
	 * reads the version again.
	 */
	Set<ScopedRole> viewOf(long accountId, long version) {
		return viewOf(accountId, version, () -> this.versionOf.applyAsLong(accountId));
	}

	/**
	 * The same, reading the version again with {@code reread}, which may refuse (a token ended
	 * while its WebSocket connection stayed open).
	 */
	Set<ScopedRole> viewOf(long accountId, long version, java.util.function.LongSupplier reread) {
		return new CurrentRoleSet(accountId, version, this.clock.millis(), reread);
	}

	private record Versioned(long version, Set<ScopedRole> roles) {
	}

	private final class CurrentRoleSet extends java.util.AbstractSet<ScopedRole> {

		private final long accountId;

		private volatile long version;

		private volatile long readAt;

		private final java.util.function.LongSupplier reread;

		CurrentRoleSet(long accountId, long version, long readAt, java.util.function.LongSupplier reread) {
			this.accountId = accountId;
			this.version = version;
			this.readAt = readAt;
			this.reread = reread;
		}

		private Set<ScopedRole> current() {
			long now = CurrentRoles.this.clock.millis();
			if (now - this.readAt > VIEW_FRESH_FOR.toMillis()) {
				this.version = this.reread.getAsLong();
				this.readAt = now;
			}
			return of(this.accountId, this.version);
		}

		@Override
		public boolean contains(Object role) {
			return current().contains(role);
		}

		@Override
		public java.util.Iterator<ScopedRole> iterator() {
			return current().iterator();
		}

		@Override
		public int size() {
			return current().size();
		}

	}

}
