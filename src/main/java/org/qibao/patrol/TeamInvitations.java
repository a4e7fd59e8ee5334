package org.qibao.patrol;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.InvitationAccepted;
import org.qibao.identity.InvitationPlaces;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Patrol's side of invitations: tells identity which community a team or grid is in, and makes
 * the invitee an active member of the team when they accept. The listener runs synchronously in
 * the acceptance's transaction, so the membership exists when the acceptance answers, and a
 * failure here undoes the acceptance too.
 */
@Component
class TeamInvitations implements InvitationPlaces {

	private final Teams teams;

	private final Geography geography;

	TeamInvitations(Teams teams, Geography geography) {
		this.teams = teams;
		this.geography = geography;
	}

	@Override
	public Optional<Long> communityOfTeam(long teamId) {
		return Optional.ofNullable(this.teams.findAll(List.of(teamId)).get(teamId)).map(Team::communityId);
	}

	@Override
	public Set<Long> communitiesOfGrids(Collection<Long> gridIds) {
		if (gridIds.isEmpty()) {
			return Set.of();
		}
		return this.geography.grids(gridIds).values().stream().map(Grid::communityId).collect(Collectors.toSet());
	}

	@Override
	public Map<String, Long> teamsByName(long communityId) {
		return this.teams.ofCommunities(List.of(communityId))
			.stream()
			.collect(Collectors.toMap(Team::name, Team::id));
	}

	@EventListener
	void on(InvitationAccepted accepted) {
		if (accepted.teamId() != null) {
			this.teams.addMember(accepted.teamId(), accepted.accountId());
		}
	}

}
