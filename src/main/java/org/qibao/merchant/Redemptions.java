package org.qibao.merchant;

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
import org.springframework.stereotype.Repository;

/**
 * The redemption table. Every change of status is one conditional UPDATE from ISSUED, so of
 * any number of concurrent confirmations, cancellations and expiries exactly one takes effect.
 */
@Repository
class Redemptions {

	private static final String COLUMNS = """
			id, offer_id, merchant_id, community_id, volunteer_id, minutes, hold_id, short_code, token, status,
			expires_at, created_at, settled_at""";

	private final JdbcClient jdbc;

	Redemptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new code; empty when its short code is taken by a live code of the merchant. */
	Optional<Redemption> insert(Offer offer, long communityId, long volunteerId, long holdId, String shortCode,
			String idempotencyKey, Instant expiresAt) {
		return this.jdbc.sql("""
				INSERT INTO redemption (offer_id, merchant_id, community_id, volunteer_id, minutes, hold_id, token,
				                        short_code, idempotency_key, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (merchant_id, short_code) WHERE status = 'ISSUED' DO NOTHING RETURNING """ + " " + COLUMNS)
			.params(offer.id(), offer.merchantId(), communityId, volunteerId, offer.priceMinutes(), holdId,
					RedemptionCodes.token(), shortCode, idempotencyKey, Timestamp.from(expiresAt))
			.query(Redemptions::redemption)
			.optional();
	}

	Optional<Redemption> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM redemption WHERE id = ?").param(id).query(Redemptions::redemption).optional();
	}

	/** The redemptions with these IDs, by ID. */
	Map<Long, Redemption> findAll(Collection<Long> ids) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM redemption WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(Redemptions::redemption)
			.list()
			.stream()
			.collect(Collectors.toMap(Redemption::id, Function.identity()));
	}

	Optional<Redemption> byKey(String idempotencyKey) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM redemption WHERE idempotency_key = ?")
			.param(idempotencyKey)
			.query(Redemptions::redemption)
			.optional();
	}

	Optional<Redemption> byToken(String token) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM redemption WHERE token = ?").param(token).query(Redemptions::redemption).optional();
	}

	/** The merchant's live code with this short code, else its latest settled one of the last day. */
	Optional<Redemption> byShortCode(long merchantId, String shortCode) {
		return this.jdbc.sql("SELECT " + COLUMNS + " " + """
				FROM redemption WHERE merchant_id = ? AND short_code = ? AND created_at > now() - interval '1 day'
				ORDER BY (status = 'ISSUED') DESC, id DESC LIMIT 1""")
			.params(merchantId, shortCode)
			.query(Redemptions::redemption)
			.optional();
	}

	/** Codes of the offer the volunteer redeemed or holds live since each moment: [since day, since month]. */
	int[] takenSince(long offerId, long volunteerId, Instant day, Instant month) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE created_at >= ?), count(*) FILTER (WHERE created_at >= ?) FROM redemption
				WHERE offer_id = ? AND volunteer_id = ?
				  AND (status = 'REDEEMED' OR (status = 'ISSUED' AND expires_at > now()))""")
			.params(Timestamp.from(day), Timestamp.from(month), offerId, volunteerId)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
	}

	/** Confirms a live code; empty when it is no longer live (used, cancelled, expired). */
	Optional<Redemption> redeem(long id, long staffId) {
		return this.jdbc.sql("""
				UPDATE redemption SET status = 'REDEEMED', settled_at = now(), confirmed_by = ?
				WHERE id = ? AND status = 'ISSUED' AND expires_at > now() RETURNING """ + " " + COLUMNS)
			.params(staffId, id)
			.query(Redemptions::redemption)
			.optional();
	}

	void recordTransfer(long id, long transferId) {
		this.jdbc.sql("UPDATE redemption SET transfer_id = ? WHERE id = ?").params(transferId, id).update();
	}

	/** Cancels the volunteer's own code while it is issued; empty otherwise. */
	Optional<Redemption> cancel(long id, long volunteerId) {
		return this.jdbc.sql("""
				UPDATE redemption SET status = 'CANCELLED', settled_at = now()
				WHERE id = ? AND volunteer_id = ? AND status = 'ISSUED' RETURNING """ + " " + COLUMNS)
			.params(id, volunteerId)
			.query(Redemptions::redemption)
			.optional();
	}

	/** Expires one overdue code no other instance is expiring; empty when none is left. */
	Optional<Redemption> expireOne() {
		return this.jdbc.sql("""
				UPDATE redemption SET status = 'EXPIRED', settled_at = now()
				WHERE id = (SELECT id FROM redemption WHERE status = 'ISSUED' AND expires_at <= now()
				            ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED)
				  AND status = 'ISSUED' RETURNING """ + " " + COLUMNS)
			.query(Redemptions::redemption)
			.optional();
	}

	/** The volunteer's codes, newest first. */
	List<Redemption> ofVolunteer(long volunteerId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM redemption WHERE volunteer_id = ? ORDER BY id DESC LIMIT ?")
			.params(volunteerId, limit)
			.query(Redemptions::redemption)
			.list();
	}

	/** The merchants' confirmed redemptions, newest first. */
	List<Redemption> redeemedAt(Collection<Long> merchantIds, int limit) {
		// a one-line text block loses its leading blank: the space before FROM is spelt out
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM redemption"
				+ " WHERE merchant_id = ANY(?) AND status = 'REDEEMED' ORDER BY settled_at DESC LIMIT ?")
			.params(merchantIds.toArray(Long[]::new), limit)
			.query(Redemptions::redemption)
			.list();
	}

	private static Redemption redemption(ResultSet rs, int row) throws SQLException {
		Timestamp settled = rs.getTimestamp("settled_at");
		return new Redemption(rs.getLong("id"), rs.getLong("offer_id"), rs.getLong("merchant_id"), rs.getLong("community_id"),
				rs.getLong("volunteer_id"), rs.getInt("minutes"), rs.getLong("hold_id"), rs.getString("short_code"),
				rs.getString("token"), RedemptionStatus.valueOf(rs.getString("status")), rs.getTimestamp("expires_at").toInstant(),
				rs.getTimestamp("created_at").toInstant(), settled == null ? null : settled.toInstant());
	}

}
