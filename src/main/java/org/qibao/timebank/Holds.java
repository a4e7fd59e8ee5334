package org.qibao.timebank;

import java.time.Instant;
import java.util.Optional;

import org.qibao.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves minutes and settles the reservation exactly once: captured into a transfer,
 * released, or expired. A hold is always locked before the accounts it touches.
 */
@Component
class Holds {

	private static final String COLUMNS = "id, account_id, minutes, status, reference, expires_at, created_at, settled_at";

	private final JdbcClient jdbc;

	private final Ledger ledger;

	Holds(JdbcClient jdbc, Ledger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	@Transactional
	Hold place(AccountRef account, long minutes, Instant expiresAt, String reference, String idempotencyKey) {
		if (minutes <= 0) {
			throw new BusinessRuleException("INVALID_AMOUNT", "minutes");
		}
		LedgerAccount locked = this.ledger.openLocked(account);
		long accountId = locked.id();
		String hash = TransferRequest.sha256(accountId + "|" + minutes + "|" + reference + "|" + expiresAt);
		Optional<Hold> earlier = byKey(idempotencyKey, hash);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (!locked.mayGoNegative() && locked.available() < minutes) {
			throw new BusinessRuleException("INSUFFICIENT_MINUTES", "minutes", locked.available());
		}
		return this.jdbc.sql("""
				INSERT INTO ledger_hold (account_id, minutes, reference, idempotency_key, content_hash, expires_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING """ + " " + COLUMNS)
			.params(accountId, minutes, reference, idempotencyKey, hash, java.sql.Timestamp.from(expiresAt))
			.query(Holds::hold)
			.optional()
			// another transaction took the key for another account meanwhile: answer as if it came first
			.orElseGet(() -> byKey(idempotencyKey, hash).orElseThrow());
	}

	@Transactional
	Transfer capture(long holdId, AccountRef to, String idempotencyKey) {
		Hold hold = lockHold(holdId);
		if (hold.status() == Hold.Status.CAPTURED) {
			Transfer earlier = this.jdbc.sql("SELECT " + Ledger.TRANSFER_COLUMNS + " FROM ledger_transfer WHERE hold_id = ?")
				.param(holdId)
				.query((rs, n) -> Transfers.map(rs))
				.single();
			if (earlier.idempotencyKey().equals(idempotencyKey)) {
				return earlier;
			}
		}
		// expired whether or not the expiry job has got to it yet: the caller sees the same answer
		if (hold.status() == Hold.Status.EXPIRED
				|| (hold.status() == Hold.Status.OPEN && !hold.expiresAt().isAfter(Instant.now()))) {
			throw new BusinessRuleException("HOLD_EXPIRED", "holdId");
		}
		if (hold.status() != Hold.Status.OPEN) {
			throw new BusinessRuleException("HOLD_NOT_OPEN", "holdId");
		}
		long toId = this.ledger.open(to);
		this.ledger.lock(hold.accountId(), toId);
		settle(holdId, Hold.Status.CAPTURED);
		TransferKind kind = to.kind() == AccountKind.MERCHANT ? TransferKind.MERCHANT_REDEMPTION
				: to.kind() == AccountKind.SCHOOL ? TransferKind.SCHOOL_ENROLMENT : TransferKind.ADJUSTMENT;
		TransferRequest request = new TransferRequest(kind, hold.accountId(), toId, hold.minutes(), hold.reference(),
				null, idempotencyKey, null, holdId, "");
		return this.ledger.postCapture(request);
	}

	/** Releases an open hold; releasing a released hold again changes nothing. */
	@Transactional
	Hold release(long holdId) {
		Hold hold = lockHold(holdId);
		if (hold.status() == Hold.Status.RELEASED) {
			return hold;
		}
		if (hold.status() != Hold.Status.OPEN) {
			throw new BusinessRuleException("HOLD_NOT_OPEN", "holdId");
		}
		this.ledger.lock(hold.accountId());
		settle(holdId, Hold.Status.RELEASED);
		return find(holdId).orElseThrow();
	}

	/**
	 * Expires one overdue hold that no other instance is expiring; false when none is left.
	 * One hold per transaction keeps the lock order of hold, then account.
	 */
	@Transactional
	boolean expireOne() {
		Optional<Hold> due = this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM ledger_hold WHERE status = 'OPEN' AND expires_at <= now()
				ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.query(Holds::hold)
			.optional();
		due.ifPresent(hold -> {
			this.ledger.lock(hold.accountId());
			settle(hold.id(), Hold.Status.EXPIRED);
		});
		return due.isPresent();
	}

	Optional<Hold> find(long holdId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ledger_hold WHERE id = ?").param(holdId).query(Holds::hold).optional();
	}

	private Hold lockHold(long holdId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ledger_hold WHERE id = ? FOR UPDATE")
			.param(holdId)
			.query(Holds::hold)
			.optional()
			.orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "holdId"));
	}

	private Optional<Hold> byKey(String idempotencyKey, String hash) {
		Optional<String> earlierHash = this.jdbc.sql("SELECT content_hash FROM ledger_hold WHERE idempotency_key = ?")
			.param(idempotencyKey)
			.query(String.class)
			.optional();
		if (earlierHash.isPresent() && !earlierHash.get().equals(hash)) {
			throw new BusinessRuleException("IDEMPOTENCY_KEY_REUSED", "idempotencyKey");
		}
		return earlierHash.flatMap(h -> this.jdbc.sql("SELECT " + COLUMNS + " FROM ledger_hold WHERE idempotency_key = ?")
			.param(idempotencyKey)
			.query(Holds::hold)
			.optional());
	}

	private static Hold hold(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		java.sql.Timestamp settled = rs.getTimestamp("settled_at");
		return new Hold(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("minutes"),
				Hold.Status.valueOf(rs.getString("status")), rs.getString("reference"),
				rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
				settled == null ? null : settled.toInstant());
	}

	private void settle(long holdId, Hold.Status status) {
		this.jdbc.sql("UPDATE ledger_hold SET status = ?, settled_at = now() WHERE id = ? AND status = 'OPEN'")
			.params(status.name(), holdId)
			.update();
	}

}
