package org.qibao.timebank;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads transfers from their rows. */
final class Transfers {

	private Transfers() {
	}

	static Transfer map(ResultSet rs) throws SQLException {
		return new Transfer(rs.getLong("id"), TransferKind.valueOf(rs.getString("kind")), rs.getLong("from_account_id"),
				rs.getLong("to_account_id"), rs.getLong("minutes"), rs.getString("reference"),
				(Long) rs.getObject("actor_id", Long.class), rs.getString("idempotency_key"),
				rs.getObject("reversal_of", Long.class), rs.getObject("hold_id", Long.class),
				rs.getTimestamp("created_at").toInstant());
	}

}
