package org.qibao.patrol;

import java.util.List;
import java.util.Map;

import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.patrol.Rules.require;

/**
 * A community's administrators appoint and remove each other. Anyone with a Qibao account may be
 * appointed (street-office staff need not live in the community); a community never loses its last
 * administrator, since nobody else could appoint the next.
 */
@Service
class CommunityAdministrators {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final PatrolAudit audit;

	CommunityAdministrators(JdbcClient jdbc, Accounts accounts, PatrolAudit audit) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Transactional
	void appoint(long communityId, long accountId, long by) {
		lock(communityId);
		List<Long> before = administratorIds(communityId);
		require(!before.contains(accountId), "ALREADY_ADMINISTRATOR", "accountId");
		this.accounts.grant(accountId, Role.ADMINISTRATOR, communityId);
		this.audit.inCommunity(by, communityId, "communityAdministratorAppoint", "Community", communityId,
				Map.of("administratorIds", before), Map.of("administratorIds", administratorIds(communityId)));
	}

	@Transactional
	void remove(long communityId, long accountId, long by) {
		lock(communityId);
		List<Long> before = administratorIds(communityId);
		require(before.contains(accountId), "NOT_AN_ADMINISTRATOR", "accountId");
		require(before.size() > 1, "LAST_ADMINISTRATOR", "accountId");
		this.accounts.revoke(accountId, Role.ADMINISTRATOR, communityId);
		this.audit.inCommunity(by, communityId, "communityAdministratorRemove", "Community", communityId,
				Map.of("administratorIds", before), Map.of("administratorIds", administratorIds(communityId)));
	}

	/** Serialises changes of one community's administrators, so that two removals cannot leave none. */
	private void lock(long communityId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('community-administrators'), ?::int)")
			.param(communityId)
			.query((rs, n) -> 1)
			.single();
	}

	List<Long> administratorIds(long communityId) {
		return this.accounts.holders(Role.ADMINISTRATOR, List.of(communityId))
			.get(communityId)
			.stream()
			.map(a -> a.id())
			.sorted()
			.toList();
	}

}
