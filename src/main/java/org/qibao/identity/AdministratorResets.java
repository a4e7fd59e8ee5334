package org.qibao.identity;

import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A community administrator may reset the password of a volunteer of their community. */
@Component
class AdministratorResets implements PasswordResetAuthority {

	private final JdbcClient jdbc;

	AdministratorResets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Long> communityWhereMayReset(Actor actor, long accountId) {
		Set<Long> administered = actor.scopes(Role.ADMINISTRATOR);
		if (administered.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT scope_id FROM role_assignment
				WHERE account_id = ? AND role = 'VOLUNTEER' AND scope_id = ANY(?)
				ORDER BY scope_id LIMIT 1""")
			.params(accountId, administered.toArray(Long[]::new))
			.query(Long.class)
			.optional();
	}

}
