package org.qibao.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account's roles are read again only when its stored roles version changed, however many
 * requests check them, and a change is seen by the next request that reads the new version.
 */
class CurrentRolesTests {

	private static final ScopedRole STAFF_OF_7 = new ScopedRole(Role.MERCHANT_STAFF, 7);

	private final AtomicInteger reads = new AtomicInteger();

	private final AtomicInteger versionReads = new AtomicInteger();

	/** What the database holds, by account: roles and their version. */
	private final ConcurrentHashMap<Long, Set<ScopedRole>> stored = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Long, Long> versions = new ConcurrentHashMap<>();

	private Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

	private final CurrentRoles roles = new CurrentRoles(accountId -> {
		this.reads.incrementAndGet();
		return Set.copyOf(this.stored.getOrDefault(accountId, Set.of()));
	}, accountId -> {
		this.versionReads.incrementAndGet();
		return this.versions.getOrDefault(accountId, 0L);
	}, new Clock() {
		@Override
		public Instant instant() {
			return CurrentRolesTests.this.clock.instant();
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	});

	@Test
	void manyChecksAtOneVersionReadTheRolesOnce() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		for (int i = 0; i < 100; i++) {
			assertThat(this.roles.of(1, 0)).containsExactly(STAFF_OF_7);
		}
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void aNewVersionIsReadAtOnce() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		assertThat(this.roles.of(1, 0)).containsExactly(STAFF_OF_7);
		change(1, Set.of());
		assertThat(this.roles.of(1, 1)).as("the next request, with the new version").isEmpty();
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void oneAccountsChangeLeavesTheOthersCached() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		this.stored.put(2L, Set.of(STAFF_OF_7));
		this.roles.of(1, 0);
		this.roles.of(2, 0);
		change(1, Set.of());
		this.roles.of(1, 1);
		this.roles.of(2, 0);
		assertThat(this.reads).hasValue(3);
	}

	@Test
	void aViewReadsNothingUntilARoleIsChecked() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		Actor actor = new Actor(1, "店员", this.roles.viewOf(1, 0));
		assertThat(actor.accountId()).isEqualTo(1);
		assertThat(this.reads).hasValue(0);
		assertThat(actor.has(Role.MERCHANT_STAFF, 7)).isTrue();
		assertThat(actor.scopes(Role.MERCHANT_STAFF)).containsExactly(7L);
		assertThat(this.reads).hasValue(1);
		assertThat(this.versionReads).as("the request's version is used, not read again").hasValue(0);
	}

	@Test
	void aViewKeptBeyondItsRequestReadsTheVersionAgain() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		Actor actor = new Actor(1, "店员", this.roles.viewOf(1, 0));
		assertThat(actor.has(Role.MERCHANT_STAFF, 7)).isTrue();
		change(1, Set.of());
		this.clock = Clock.offset(this.clock, Duration.ofSeconds(2));
		assertThat(actor.has(Role.MERCHANT_STAFF, 7)).as("a WebSocket connection's next message").isFalse();
	}

	@Test
	void aViewKeptBeyondItsRequestIsRefusedOnceItsTokenWasEnded() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		boolean[] ended = { false };
		Actor actor = new Actor(1, "店员", this.roles.viewOf(1, 0, () -> {
			if (ended[0]) {
				throw new org.springframework.security.oauth2.server.resource.InvalidBearerTokenException("ended");
			}
			return 0;
		}));
		assertThat(actor.has(Role.MERCHANT_STAFF, 7)).isTrue();
		ended[0] = true;
		this.clock = Clock.offset(this.clock, Duration.ofSeconds(2));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> actor.has(Role.MERCHANT_STAFF, 7))
			.as("a WebSocket connection's next role check after a sign-out")
			.isInstanceOf(org.springframework.security.core.AuthenticationException.class);
	}

	private void change(long accountId, Set<ScopedRole> roles) {
		this.stored.put(accountId, roles);
		this.versions.merge(accountId, 1L, Long::sum);
	}

}
