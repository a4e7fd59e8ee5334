package org.qibao.timebank;

import java.util.List;
import java.util.Map;

import org.qibao.identity.AccountErased;
import org.qibao.identity.PersonalData;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The time bank's part of a person's data. Their passbook's entries are the ledger's and stay
 * (entries are immutable, and every balance must still sum to zero), tied to an account with no
 * name; the minutes left in it go back to the community's issuing account by an ordinary transfer
 * (kind ADJUSTMENT, idempotency key {@code erasure:<passbook>}), so that no time stays with nobody.
 * Runs in the erasing transaction.
 */
@Component
class TimeBankErasure implements PersonalData {

	private final JdbcClient jdbc;

	private final Ledger ledger;

	TimeBankErasure(JdbcClient jdbc, Ledger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	@Override
	public String section() {
		return "passbookEntries";
	}

	@Override
	public List<Map<String, Object>> of(long accountId) {
		return this.jdbc.sql("""
				SELECT a.community_id, t.kind, t.reference, e.minutes, e.balance_after, e.created_at::text AS at
				FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id JOIN ledger_transfer t ON t.id = e.transfer_id
				WHERE a.kind = 'PASSBOOK' AND a.owner_id = ? ORDER BY e.id""")
			.param(accountId).query().listOfRows();
	}

	@EventListener
	void on(AccountErased erased) {
		List<LedgerAccount> passbooks = this.jdbc.sql("""
				SELECT id, kind, community_id, owner_id, balance, held FROM ledger_account
				WHERE kind = 'PASSBOOK' AND owner_id = ? ORDER BY id""")
			.param(erased.accountId())
			.query(LedgerAccount.class)
			.list();
		for (LedgerAccount passbook : passbooks) {
			long issuing = this.ledger.open(AccountRef.issuing(passbook.communityId()));
			LedgerAccount locked = this.ledger.lock(passbook.id(), issuing).get(passbook.id());
			if (locked.available() > 0) {
				this.ledger.post(TransferRequest.of(TransferKind.ADJUSTMENT, passbook.id(), issuing, locked.available(),
						"erasure:" + erased.accountId(), erased.accountId(), "erasure:" + passbook.id()));
			}
		}
	}

}
