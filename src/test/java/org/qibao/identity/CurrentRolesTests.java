package org.qibao.identity;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/** An account's roles are read once per few seconds however many requests check them, and a change is seen at once. */
class CurrentRolesTests {

	private static final ScopedRole STAFF_OF_7 = new ScopedRole(Role.MERCHANT_STAFF, 7);

	private final AtomicInteger reads = new AtomicInteger();

	private final AtomicLong nanos = new AtomicLong();

	/** What the database holds, by account. */
	private final ConcurrentHashMap<Long, Set<ScopedRole>> stored = new ConcurrentHashMap<>();

	private final CurrentRoles roles = new CurrentRoles(accountId -> {
		this.reads.incrementAndGet();
		return Set.copyOf(this.stored.getOrDefault(accountId, Set.of()));
	}, Duration.ofSeconds(5), this.nanos::get);

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void manyChecksWithinTheTimeToLiveReadTheRolesOnce() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		for (int request = 0; request < 1000; request++) {
			assertThat(this.roles.of(1)).containsExactly(STAFF_OF_7);
			this.nanos.addAndGet(Duration.ofMillis(4).toNanos());
		}
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void afterTheTimeToLiveTheRolesAreReadAgain() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		this.roles.of(1);
		this.stored.put(1L, Set.of());
		this.nanos.addAndGet(Duration.ofSeconds(5).plusMillis(1).toNanos());
		assertThat(this.roles.of(1)).isEmpty();
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void aChangeOutsideATransactionIsSeenByTheNextCheck() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		this.roles.of(1);
		this.stored.put(1L, Set.of());
		this.roles.changed(1);
		assertThat(this.roles.of(1)).isEmpty();
	}

	@Test
	void aChangeInATransactionIsForgottenWhenItCommitsNotBefore() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		this.roles.of(1);
		TransactionSynchronizationManager.initSynchronization();
		this.roles.changed(1);
		// until the commit, other requests still read the committed roles
		assertThat(this.roles.of(1)).containsExactly(STAFF_OF_7);
		this.stored.put(1L, Set.of());
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
		}
		assertThat(this.roles.of(1)).isEmpty();
	}

	@Test
	void oneAccountsChangeLeavesTheOthersCached() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		this.stored.put(2L, Set.of(new ScopedRole(Role.VOLUNTEER, 3)));
		this.roles.of(1);
		this.roles.of(2);
		this.roles.changed(1);
		this.roles.of(1);
		this.roles.of(2);
		assertThat(this.reads).hasValue(3);
	}

	@Test
	void aViewReadsNothingUntilARoleIsChecked() {
		this.stored.put(1L, Set.of(STAFF_OF_7));
		Actor actor = new Actor(1, "店员", this.roles.viewOf(1));
		assertThat(actor.accountId()).isEqualTo(1);
		assertThat(this.reads).hasValue(0);
		assertThat(actor.has(Role.MERCHANT_STAFF, 7)).isTrue();
		assertThat(actor.scopes(Role.MERCHANT_STAFF)).containsExactly(7L);
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void aViewFollowsTheStoredRolesAcrossChanges() {
		this.stored.put(1L, new LinkedHashSet<>(Set.of(STAFF_OF_7)));
		Actor actor = new Actor(1, "店员", this.roles.viewOf(1));
		assertThat(actor.has(Role.MERCHANT_STAFF, 7)).isTrue();
		this.stored.put(1L, Set.of());
		this.roles.changed(1);
		assertThat(actor.has(Role.MERCHANT_STAFF, 7)).isFalse();
	}

}
