package org.qibao.identity;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ResetCodeRepository {

	private final JdbcClient jdbc;

	ResetCodeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the person's account row, so that two resets of one person at once issue one after the other. */
	void lockAccount(long accountId) {
		this.jdbc.sql("SELECT id FROM account WHERE id = ? FOR UPDATE").param(accountId).query(Long.class).single();
	}

	/** A newer code replaces the open one: the person can use only the last code they were given. */
	void supersedeOpen(long accountId, Instant now) {
		this.jdbc.sql("""
				UPDATE password_reset_code SET superseded_at = ?
				WHERE account_id = ? AND used_at IS NULL AND superseded_at IS NULL""")
			.params(java.sql.Timestamp.from(now), accountId)
			.update();
	}

	void insert(long accountId, String codeHash, long issuedBy, Instant issuedAt, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO password_reset_code (account_id, code_hash, issued_by, issued_at, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(accountId, codeHash, issuedBy, java.sql.Timestamp.from(issuedAt), java.sql.Timestamp.from(expiresAt))
			.update();
	}

	/** The person's last few codes, newest first: enough to tell a used or replaced code from a wrong one. */
	List<IssuedCode> recent(long accountId) {
		return this.jdbc.sql("""
				SELECT id, code_hash, expires_at, used_at IS NOT NULL AS used, superseded_at IS NOT NULL AS superseded
				FROM password_reset_code WHERE account_id = ?
				ORDER BY issued_at DESC, id DESC LIMIT 3""")
			.param(accountId)
			.query((rs, n) -> new IssuedCode(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getBoolean(4), rs.getBoolean(5)))
			.list();
	}

	/** Uses the code once: false when another request used it (or it ran out) first. */
	boolean use(long codeId, Instant now) {
		return this.jdbc.sql("""
				UPDATE password_reset_code SET used_at = ?
				WHERE id = ? AND used_at IS NULL AND superseded_at IS NULL AND expires_at > ?""")
			.params(java.sql.Timestamp.from(now), codeId, java.sql.Timestamp.from(now))
			.update() == 1;
	}

	record IssuedCode(long id, String codeHash, Instant expiresAt, boolean used, boolean superseded) {

		/** Why this code cannot be used now, as a user error code; null when it can. */
		String refusal(Instant now) {
			if (this.used) {
				return "RESET_CODE_USED";
			}
			if (this.superseded) {
				return "RESET_CODE_SUPERSEDED";
			}
			return now.isBefore(this.expiresAt) ? null : "RESET_CODE_EXPIRED";
		}

	}

}
