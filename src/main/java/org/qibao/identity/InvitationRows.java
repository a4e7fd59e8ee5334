package org.qibao.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.qibao.shared.Connection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The invitation table. */
@Repository
class InvitationRows {

	private static final String COLUMNS = """
			id, community_id, team_id, phone, display_name, invited_by, created_at, expires_at, status,
			decided_at, accepted_by, roster_import_id""";

	private final JdbcClient jdbc;

	InvitationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Invitation insert(String codeHash, long communityId, Long teamId, String phone, String displayName, long by,
			Instant now, Instant expiresAt, Long rosterImportId) {
		return this.jdbc.sql("""
				INSERT INTO invitation (code_hash, community_id, team_id, phone, display_name, invited_by, created_at,
				  expires_at, roster_import_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""" + " RETURNING " + COLUMNS)
			.params(codeHash, communityId, teamId, phone, displayName, by, java.sql.Timestamp.from(now),
					java.sql.Timestamp.from(expiresAt), rosterImportId)
			.query(Invitation.class)
			.single();
	}

	/** The invitation with this code, locked until the transaction ends, so that one code is accepted once. */
	Optional<Invitation> lockByCode(String codeHash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE code_hash = ? FOR UPDATE")
			.param(codeHash)
			.query(Invitation.class)
			.optional();
	}

	Optional<Invitation> byCode(String codeHash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE code_hash = ?")
			.param(codeHash)
			.query(Invitation.class)
			.optional();
	}

	Optional<Invitation> lock(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Invitation.class)
			.optional();
	}

	List<Invitation> findAll(Collection<Long> ids) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(Invitation.class)
			.list();
	}

	void accept(long id, long accountId, Instant now) {
		this.jdbc.sql("UPDATE invitation SET status = 'ACCEPTED', accepted_by = ?, decided_at = ? WHERE id = ?")
			.params(accountId, java.sql.Timestamp.from(now), id)
			.update();
	}

	void revoke(long id, Instant now) {
		this.jdbc.sql("UPDATE invitation SET status = 'REVOKED', decided_at = ? WHERE id = ? AND status = 'PENDING'")
			.params(java.sql.Timestamp.from(now), id)
			.update();
	}

	/** A page of the inviter's invitations still waiting for an answer (not expired), newest first. */
	List<Invitation> pendingBy(long inviterId, Instant now, Connection.Page page) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM invitation WHERE invited_by = ? AND status = 'PENDING' AND expires_at > ?
				ORDER BY created_at DESC, id DESC OFFSET ? LIMIT ?""")
			.params(inviterId, java.sql.Timestamp.from(now), page.offset(), page.limit())
			.query(Invitation.class)
			.list();
	}

	int countPendingBy(long inviterId, Instant now) {
		return this.jdbc.sql("SELECT count(*) FROM invitation WHERE invited_by = ? AND status = 'PENDING' AND expires_at > ?")
			.params(inviterId, java.sql.Timestamp.from(now))
			.query(Integer.class)
			.single();
	}

	/** The invitations each of these roster imports made, by import, in the order they were made. */
	java.util.Map<Long, List<Invitation>> ofRosterImports(Collection<Long> rosterImportIds) {
		if (rosterImportIds.isEmpty()) {
			return java.util.Map.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE roster_import_id = ANY(?) ORDER BY id")
			.param(rosterImportIds.toArray(Long[]::new))
			.query(Invitation.class)
			.list()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(Invitation::rosterImportId));
	}

	/** The account (if any) with each of these phone numbers that is already a volunteer of the community. */
	List<String> volunteerPhones(long communityId, Collection<String> phones) {
		return this.jdbc.sql("""
				SELECT a.phone FROM account a JOIN role_assignment r ON r.account_id = a.id
				WHERE r.role = 'VOLUNTEER' AND r.scope_id = ? AND a.phone = ANY(?)""")
			.params(communityId, phones.toArray(String[]::new))
			.query(String.class)
			.list();
	}

}
