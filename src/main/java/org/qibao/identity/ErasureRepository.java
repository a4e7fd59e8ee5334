package org.qibao.identity;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ErasureRepository {

	private final JdbcClient jdbc;

	private final TokenStandings standings;

	ErasureRepository(JdbcClient jdbc, TokenStandings standings) {
		this.jdbc = jdbc;
		this.standings = standings;
	}

	/** Locks the account's row: an erasure and a role change of one person go one after the other. */
	void lockAccount(long accountId) {
		this.jdbc.sql("SELECT id FROM account WHERE id = ? FOR UPDATE").param(accountId).query(Long.class).single();
	}

	/** Whether some community would be left without an administrator (its only one is this person). */
	boolean isLastAdministratorOfACommunity(long accountId) {
		return this.jdbc.sql("""
				SELECT EXISTS (
				  SELECT 1 FROM role_assignment mine
				  WHERE mine.account_id = ? AND mine.role = 'ADMINISTRATOR'
				    AND NOT EXISTS (SELECT 1 FROM role_assignment other
				                    WHERE other.role = 'ADMINISTRATOR' AND other.scope_id = mine.scope_id
				                      AND other.account_id <> mine.account_id))""")
			.param(accountId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Leaves a tombstone: no roles, no reset codes, a name that says it is erased, a phone number
	 * of its own that no phone has (so the real one can sign up again), no usable password, and
	 * every token ended on every instance.
	 */
	void erase(long accountId, String erasedName, String unknowablePasswordHash, Instant now) {
		this.jdbc.sql("DELETE FROM role_assignment WHERE account_id = ?").param(accountId).update();
		this.jdbc.sql("DELETE FROM password_reset_code WHERE account_id = ?").param(accountId).update();
		this.jdbc.sql("DELETE FROM revoked_token WHERE account_id = ?").param(accountId).update();
		// invitations made out to the person keep their history, not the person's name and number
		this.jdbc.sql("""
				UPDATE invitation SET phone = '00000' || lpad(?::text, 15, '0'), display_name = ?,
				       status = CASE WHEN status = 'PENDING' THEN 'REVOKED' ELSE status END,
				       decided_at = CASE WHEN status = 'PENDING' THEN ? ELSE decided_at END
				WHERE phone = (SELECT phone FROM account WHERE id = ?)""")
			.params(accountId, erasedName, java.sql.Timestamp.from(now), accountId)
			.update();
		this.jdbc.sql("""
				UPDATE account SET phone = '00000' || lpad(id::text, 15, '0'), display_name = ?,
				       password_hash = ?, erased_at = ?, token_generation = token_generation + 1
				WHERE id = ?""")
			.params(erasedName, unknowablePasswordHash, java.sql.Timestamp.from(now), accountId)
			.update();
		this.standings.changed(accountId);
	}

}
