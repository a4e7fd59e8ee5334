package org.qibao.timebank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Ledger corrections as stored: written pending, then decided once. */
@Component
class CorrectionRows {

	private static final String COLUMNS = """
			SELECT id, community_id, kind, status, from_account_id, to_account_id, minutes, passbook_owner_id,
			       passbook_minutes, reverses_transfer_id, reason, needs_approval, requested_by, requested_at,
			       decided_by, decided_at, transfer_id
			FROM ledger_correction""";

	private final JdbcClient jdbc;

	CorrectionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(LedgerCorrection c, String idempotencyKey) {
		return this.jdbc.sql("""
				INSERT INTO ledger_correction (community_id, kind, from_account_id, to_account_id, minutes, passbook_owner_id,
				    passbook_minutes, reverses_transfer_id, reason, needs_approval, requested_by, requested_at, idempotency_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(c.communityId(), c.kind().name(), c.fromAccountId(), c.toAccountId(), c.minutes(), c.passbookOwnerId(),
					c.passbookMinutes(), c.reversesTransferId(), c.reason(), c.needsApproval(), c.requestedBy(),
					Timestamp.from(c.requestedAt()), idempotencyKey)
			.query(Long.class)
			.single();
	}

	void decide(long id, LedgerCorrection.Status status, long deciderId, Instant at, Long transferId) {
		this.jdbc.sql("UPDATE ledger_correction SET status = ?, decided_by = ?, decided_at = ?, transfer_id = ? WHERE id = ?")
			.params(status.name(), deciderId, Timestamp.from(at), transferId, id)
			.update();
	}

	/** The correction, locked until the transaction ends, so that it is decided once. */
	Optional<LedgerCorrection> lock(long id) {
		return this.jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(CorrectionRows::map).optional();
	}

	Optional<LedgerCorrection> byKey(String idempotencyKey) {
		return this.jdbc.sql(COLUMNS + " WHERE idempotency_key = ?").param(idempotencyKey).query(CorrectionRows::map).optional();
	}

	/** The reversal asked for or made of this transfer, refused ones aside. */
	Optional<LedgerCorrection> reversalOf(long transferId) {
		return this.jdbc.sql(COLUMNS + " WHERE reverses_transfer_id = ? AND status <> 'REFUSED'")
			.param(transferId)
			.query(CorrectionRows::map)
			.optional();
	}

	Map<Long, LedgerCorrection> findAll(Collection<Long> ids) {
		return this.jdbc.sql(COLUMNS + " WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(CorrectionRows::map)
			.list()
			.stream()
			.collect(Collectors.toMap(LedgerCorrection::id, Function.identity()));
	}

	/** A community's corrections, newest first, of one status or all; one more than asked for tells of a next page. */
	List<LedgerCorrection> of(long communityId, LedgerCorrection.Status status, int offset, int limit) {
		return this.jdbc.sql(COLUMNS + " WHERE community_id = ? AND (?::text IS NULL OR status = ?) ORDER BY id DESC OFFSET ? LIMIT ?")
			.params(communityId, name(status), name(status), offset, limit)
			.query(CorrectionRows::map)
			.list();
	}

	int count(long communityId, LedgerCorrection.Status status) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_correction WHERE community_id = ? AND (?::text IS NULL OR status = ?)")
			.params(communityId, name(status), name(status))
			.query(Integer.class)
			.single();
	}

	private static String name(LedgerCorrection.Status status) {
		return status == null ? null : status.name();
	}

	private static LedgerCorrection map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new LedgerCorrection(rs.getLong("id"), rs.getLong("community_id"),
				LedgerCorrection.Kind.valueOf(rs.getString("kind")), LedgerCorrection.Status.valueOf(rs.getString("status")),
				rs.getLong("from_account_id"), rs.getLong("to_account_id"), rs.getLong("minutes"),
				rs.getObject("passbook_owner_id", Long.class), rs.getLong("passbook_minutes"),
				rs.getObject("reverses_transfer_id", Long.class), rs.getString("reason"), rs.getBoolean("needs_approval"),
				rs.getLong("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getObject("decided_by", Long.class),
				decided == null ? null : decided.toInstant(), rs.getObject("transfer_id", Long.class));
	}

}
