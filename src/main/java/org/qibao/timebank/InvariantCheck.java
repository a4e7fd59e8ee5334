package org.qibao.timebank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the ledger's invariants over every account, transfer and hold, in one snapshot so
 * that transfers committing meanwhile cannot look like breaches.
 */
@Component
class InvariantCheck {

	private final JdbcClient jdbc;

	InvariantCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(isolation = Isolation.REPEATABLE_READ, readOnly = true)
	LedgerCheck run() {
		List<LedgerCheck.Breach> breaches = new ArrayList<>();
		long total = single("SELECT coalesce(sum(balance), 0) FROM ledger_account");
		if (total != 0) {
			breaches.add(new LedgerCheck.Breach("BALANCES_DO_NOT_SUM_TO_ZERO", "the balances sum to " + total));
		}
		find(breaches, "BALANCE_DIFFERS_FROM_ENTRIES", """
				SELECT 'account ' || a.id || ' has balance ' || a.balance || ' but its entries sum to ' || coalesce(sum(e.minutes), 0)
				FROM ledger_account a LEFT JOIN ledger_entry e ON e.account_id = a.id
				GROUP BY a.id HAVING a.balance <> coalesce(sum(e.minutes), 0)""");
		find(breaches, "TRANSFER_UNBALANCED", """
				SELECT 'transfer ' || t.id || ' has ' || count(e.id) || ' entries summing to ' || coalesce(sum(e.minutes), 0)
				FROM ledger_transfer t LEFT JOIN ledger_entry e ON e.transfer_id = t.id
				GROUP BY t.id HAVING count(e.id) <> 2 OR coalesce(sum(e.minutes), 0) <> 0
				   OR bool_or(e.account_id = t.from_account_id AND e.minutes <> -t.minutes)
				   OR bool_or(e.account_id = t.to_account_id AND e.minutes <> t.minutes)""");
		find(breaches, "ACCOUNT_OVERDRAWN", """
				SELECT 'account ' || id || ' (' || kind || ') has ' || (balance - held) || ' available'
				FROM ledger_account WHERE kind <> 'ISSUING' AND balance - held < 0""");
		find(breaches, "HELD_DIFFERS_FROM_OPEN_HOLDS", """
				SELECT 'account ' || a.id || ' holds ' || a.held || ' but its open holds sum to ' || coalesce(sum(h.minutes), 0)
				FROM ledger_account a LEFT JOIN ledger_hold h ON h.account_id = a.id AND h.status = 'OPEN'
				GROUP BY a.id HAVING a.held <> coalesce(sum(h.minutes), 0)""");
		find(breaches, "HOLD_CAPTURE_MISMATCH", """
				SELECT 'hold ' || h.id || ' is ' || h.status || ' with ' || count(t.id) || ' transfers'
				FROM ledger_hold h LEFT JOIN ledger_transfer t ON t.hold_id = h.id
				GROUP BY h.id HAVING (h.status = 'CAPTURED') <> (count(t.id) = 1) OR count(t.id) > 1""");
		find(breaches, "RUNNING_BALANCE_BROKEN", """
				SELECT 'entry ' || id || ' of account ' || account_id || ' has balance_after ' || balance_after
				FROM (SELECT id, account_id, balance_after,
				             sum(minutes) OVER (PARTITION BY account_id ORDER BY id) AS running
				      FROM ledger_entry) r
				WHERE balance_after <> running""");
		return new LedgerCheck(Instant.now(), single("SELECT count(*) FROM ledger_account"),
				single("SELECT count(*) FROM ledger_transfer"), breaches);
	}

	private void find(List<LedgerCheck.Breach> breaches, String code, String sql) {
		this.jdbc.sql(sql + " LIMIT 100").query(String.class).list().forEach(d -> breaches.add(new LedgerCheck.Breach(code, d)));
	}

	private long single(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
