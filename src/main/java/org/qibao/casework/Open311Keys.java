package org.qibao.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Open311 keys of communities. A key is 32 random bytes, shown once when it is issued; only its
 * SHA-256 is kept, so a copy of the database opens no endpoint.
 */
@Component
class Open311Keys {

	private static final String COLUMNS = "id, community_id, issued_by, label, issued_at, revoked_at, last_used_at";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Open311Keys(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** A new key and its secret, to be handed to the city system once. */
	record Issued(Open311Key key, String secret) {
	}

	@Transactional
	Issued issue(long communityId, long issuedBy, String label) {
		String name = (label == null) ? "" : label.strip();
		if (name.isEmpty() || name.length() > 60) {
			throw new BusinessRuleException("INVALID_TEXT", "label", 60);
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Open311Key key = this.jdbc.sql("INSERT INTO open311_api_key (community_id, issued_by, label, key_hash, issued_at) "
				+ "VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS)
			.params(communityId, issuedBy, name, hash(secret), CaseRows.at(this.clock.instant()))
			.query(Open311Keys::key)
			.single();
		this.events.publishEvent(new AdministrativeAction(issuedBy, communityId, "casework.open311KeyIssue", Open311KeyController.TYPE,
				key.id(), Map.of(), Map.of("label", name)));
		return new Issued(key, secret);
	}

	/** The unrevoked key with this secret, noted as used now; empty for any other secret. */
	Optional<Open311Key> use(String secret) {
		if (secret == null || secret.length() < 10 || secret.length() > 200) {
			return Optional.empty();
		}
		return this.jdbc.sql("UPDATE open311_api_key SET last_used_at = ? WHERE key_hash = ? AND revoked_at IS NULL "
				+ "RETURNING " + COLUMNS)
			.params(CaseRows.at(this.clock.instant()), hash(secret))
			.query(Open311Keys::key)
			.optional();
	}

	Optional<Open311Key> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM open311_api_key WHERE id = ?").param(id).query(Open311Keys::key).optional();
	}

	List<Open311Key> of(long communityId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM open311_api_key WHERE community_id = ? ORDER BY issued_at, id")
			.param(communityId)
			.query(Open311Keys::key)
			.list();
	}

	/**
	 * Revokes the key (at once, on every instance: each request looks its key up); revoking it
	 * again changes nothing and is not logged again.
	 */
	@Transactional
	Open311Key revoke(long id, long administratorId) {
		Open311Key before = this.jdbc.sql("SELECT " + COLUMNS + " FROM open311_api_key WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Open311Keys::key)
			.single();
		Open311Key after = this.jdbc
			.sql("UPDATE open311_api_key SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? RETURNING " + COLUMNS)
			.params(CaseRows.at(this.clock.instant()), id)
			.query(Open311Keys::key)
			.single();
		if (before.revokedAt() == null) {
			this.events.publishEvent(new AdministrativeAction(administratorId, after.communityId(),
					"casework.open311KeyRevoke", Open311KeyController.TYPE, id, Map.of("label", after.label(), "revoked", false),
					Map.of("label", after.label(), "revoked", true)));
		}
		return after;
	}

	private static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Open311Key key(ResultSet rs, int row) throws SQLException {
		return new Open311Key(rs.getLong("id"), rs.getLong("community_id"), rs.getLong("issued_by"), rs.getString("label"),
				rs.getTimestamp("issued_at").toInstant(), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		java.sql.Timestamp at = rs.getTimestamp(column);
		return (at == null) ? null : at.toInstant();
	}

}
