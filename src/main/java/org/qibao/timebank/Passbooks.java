package org.qibao.timebank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads passbooks and their entries, newest first. */
@Component
class Passbooks {

	private static final String ENTRIES = """
			SELECT e.id, e.created_at, t.kind, e.minutes, e.balance_after, c.kind AS counterparty_kind,
			       c.owner_id AS counterparty_owner_id, c.community_id, t.reference, t.id AS transfer_id, lc.reason
			FROM ledger_entry e
			JOIN ledger_transfer t ON t.id = e.transfer_id
			LEFT JOIN ledger_correction lc ON lc.transfer_id = t.id
			JOIN ledger_entry o ON o.transfer_id = e.transfer_id AND o.account_id <> e.account_id
			JOIN ledger_account c ON c.id = o.account_id
			WHERE e.account_id = ?
			ORDER BY e.id DESC""";

	private final JdbcClient jdbc;

	private final Ledger ledger;

	Passbooks(JdbcClient jdbc, Ledger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	Passbook of(long communityId, long accountId) {
		return this.ledger.find(AccountRef.passbook(communityId, accountId))
			.map(a -> new Passbook(a.id(), communityId, accountId, a.balance(), a.held(), a.available(), honour(a.id())))
			.orElse(new Passbook(0, communityId, accountId, 0, 0, 0, 0));
	}

	List<PassbookEntry> entries(long ledgerAccountId, int offset, int limit) {
		return this.jdbc.sql(ENTRIES + " OFFSET ? LIMIT ?")
			.params(ledgerAccountId, offset, limit)
			.query(Passbooks::entry)
			.list();
	}

	int entryCount(long ledgerAccountId) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_entry WHERE account_id = ?")
			.param(ledgerAccountId)
			.query(Integer.class)
			.single();
	}

	private long honour(long ledgerAccountId) {
		return this.jdbc.sql("SELECT coalesce(sum(honour_minutes), 0) FROM patrol_earning WHERE passbook_id = ?")
			.param(ledgerAccountId)
			.query(Long.class)
			.single();
	}

	private static PassbookEntry entry(ResultSet rs, int row) throws SQLException {
		return new PassbookEntry(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
				TransferKind.valueOf(rs.getString("kind")), rs.getLong("minutes"), rs.getLong("balance_after"),
				AccountKind.valueOf(rs.getString("counterparty_kind")), rs.getLong("counterparty_owner_id"),
				rs.getLong("community_id"), rs.getString("reference"), rs.getLong("transfer_id"), rs.getString("reason"));
	}

}
