package org.qibao.patrol;

import java.util.List;
import java.util.Map;

import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.identity.ScopedRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.patrol.Rules.require;

/**
 * A community's administrators appoint and remove the captains of its teams. A captain is an
 * active member of the team (appointing makes them one) and a person of the community. A team
 * with members keeps at least one captain, so that someone decides its join requests and reviews.
 */
@Service
class TeamCaptains {

	private final JdbcClient jdbc;

	private final Teams teams;

	private final Accounts accounts;

	private final PatrolAudit audit;

	TeamCaptains(JdbcClient jdbc, Teams teams, Accounts accounts, PatrolAudit audit) {
		this.jdbc = jdbc;
		this.teams = teams;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Transactional
	Team appoint(long teamId, long accountId, long by) {
		Team team = lock(teamId);
		require(inCommunity(accountId, team.communityId()), "NOT_IN_COMMUNITY", "accountId");
		List<Long> before = captainIds(teamId);
		require(!before.contains(accountId), "ALREADY_CAPTAIN", "accountId");
		this.teams.addMember(teamId, accountId);
		this.accounts.grant(accountId, Role.CAPTAIN, teamId);
		this.audit.inCommunity(by, team.communityId(), "teamCaptainAppoint", "Team", teamId,
				Map.of("captainIds", before), Map.of("captainIds", captainIds(teamId)));
		return team;
	}

	/** Removes a captain, who stays a member; refused for the last captain of a team that has other members. */
	@Transactional
	Team remove(long teamId, long accountId, long by) {
		Team team = lock(teamId);
		List<Long> before = captainIds(teamId);
		require(before.contains(accountId), "NOT_A_CAPTAIN", "accountId");
		boolean othersPatrol = this.teams.activeMembers(teamId).stream().anyMatch(id -> id != accountId);
		require(before.size() > 1 || !othersPatrol, "LAST_CAPTAIN", "accountId");
		this.accounts.revoke(accountId, Role.CAPTAIN, teamId);
		this.audit.inCommunity(by, team.communityId(), "teamCaptainRemove", "Team", teamId,
				Map.of("captainIds", before), Map.of("captainIds", captainIds(teamId)));
		return team;
	}

	/** Serialises changes of one team's captains, so that two removals cannot both pass the last-captain rule. */
	private Team lock(long teamId) {
		this.jdbc.sql("SELECT id FROM team WHERE id = ? FOR UPDATE").param(teamId).query(Long.class).single();
		return this.teams.findAll(List.of(teamId)).get(teamId);
	}

	/** A person of the community: one of its volunteers or administrators. */
	private boolean inCommunity(long accountId, long communityId) {
		List<ScopedRole> roles = this.accounts.rolesOf(accountId);
		return roles.contains(new ScopedRole(Role.VOLUNTEER, communityId))
				|| roles.contains(new ScopedRole(Role.ADMINISTRATOR, communityId));
	}

	private List<Long> captainIds(long teamId) {
		return this.accounts.holders(Role.CAPTAIN, List.of(teamId)).get(teamId).stream().map(a -> a.id()).sorted().toList();
	}

}
