package org.qibao.location;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.springframework.stereotype.Component;

/**
 * The accounts and grids the live map shows beside its patrollers, remembered for a short while.
 * Every watcher of a map receives each patroller's every position (one every 15 s), and each
 * update names the patroller and their grid: read from PostgreSQL each time, a district's grid
 * centre watching thousands of patrollers would cost two reads per update and per watcher. A
 * renamed person or grid shows under the new name within {@link #REMEMBERED}.
 */
@Component
class PatrollerDetails {

	static final Duration REMEMBERED = Duration.ofSeconds(30);

	/** More than the patrollers and grids a city has on duty at once. */
	private static final int MAX_ENTRIES = 100_000;

	private final Accounts accounts;

	private final Geography geography;

	private final Cache<Long, Account> accountsById = Caffeine.newBuilder()
		.maximumSize(MAX_ENTRIES)
		.expireAfterWrite(REMEMBERED)
		.build();

	private final Cache<Long, Grid> gridsById = Caffeine.newBuilder()
		.maximumSize(MAX_ENTRIES)
		.expireAfterWrite(REMEMBERED)
		.build();

	PatrollerDetails(Accounts accounts, Geography geography) {
		this.accounts = accounts;
		this.geography = geography;
	}

	/** These accounts by id, those not remembered read in one batch; an unknown id is absent. */
	Map<Long, Account> accounts(Collection<Long> ids) {
		return this.accountsById.getAll(ids, missing -> this.accounts.findAll(List.copyOf(missing)));
	}

	/** These grids by id, those not remembered read in one batch; an unknown id is absent. */
	Map<Long, Grid> grids(Collection<Long> ids) {
		return this.gridsById.getAll(ids, missing -> this.geography.grids(List.copyOf(missing)));
	}

}
