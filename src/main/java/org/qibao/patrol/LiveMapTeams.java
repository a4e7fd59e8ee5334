package org.qibao.patrol;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.qibao.location.TeamPlaces;
import org.springframework.stereotype.Component;

/** Tells the live map which community each team belongs to. */
@Component
class LiveMapTeams implements TeamPlaces {

	private final Teams teams;

	LiveMapTeams(Teams teams) {
		this.teams = teams;
	}

	@Override
	public Set<Long> communitiesOf(Collection<Long> teamIds) {
		if (teamIds.isEmpty()) {
			return Set.of();
		}
		return this.teams.findAll(teamIds).values().stream().map(Team::communityId).collect(Collectors.toSet());
	}

}
