package org.qibao.patrol;

import java.util.Optional;
import java.util.Set;

import org.qibao.identity.Actor;
import org.qibao.identity.PasswordResetAuthority;
import org.qibao.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A captain may reset the password of an active member of a team they captain. */
@Component
class CaptainResets implements PasswordResetAuthority {

	private final JdbcClient jdbc;

	CaptainResets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Long> communityWhereMayReset(Actor actor, long accountId) {
		Set<Long> captained = actor.scopes(Role.CAPTAIN);
		if (captained.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT t.community_id FROM team_member m JOIN team t ON t.id = m.team_id
				WHERE m.account_id = ? AND m.status = 'ACTIVE' AND m.team_id = ANY(?)
				ORDER BY t.id LIMIT 1""")
			.params(accountId, captained.toArray(Long[]::new))
			.query(Long.class)
			.optional();
	}

}
