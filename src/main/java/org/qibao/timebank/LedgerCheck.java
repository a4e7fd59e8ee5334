package org.qibao.timebank;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking every invariant over the whole ledger at one consistent moment.
 *
 * @param breaches each invariant found broken, empty when the ledger is sound
 */
public record LedgerCheck(Instant checkedAt, long accounts, long transfers, List<Breach> breaches) {

	public boolean healthy() {
		return this.breaches.isEmpty();
	}

	/**
	 * One broken invariant.
	 *
	 * @param code e.g. {@code BALANCES_DO_NOT_SUM_TO_ZERO}, {@code BALANCE_DIFFERS_FROM_ENTRIES}
	 * @param detail what was found, for the person investigating
	 */
	public record Breach(String code, String detail) {
	}

}
