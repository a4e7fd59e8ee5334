package org.qibao.location;

import java.util.Set;

import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees positions: the grid workers of the grid, the administrators of the community and
 * the captains of the patroller's team; nobody else. A captain opens the map of the community
 * their team patrols, and sees their own team's patrollers on it: a captain only for their team.
 */
@Component
class LiveMapAccess {

	private final Geography geography;

	private final TeamPlaces teams;

	LiveMapAccess(Geography geography, TeamPlaces teams) {
		this.geography = geography;
		this.teams = teams;
	}

	/** Refuses a look at a community's map to anyone who could see nobody on it. */
	void requireCommunity(Actor actor, long communityId) {
		boolean gridWorkerHere = this.geography.gridsOf(communityId)
			.stream()
			.anyMatch(grid -> actor.has(Role.GRID_WORKER, grid.id()));
		if (!(actor.has(Role.ADMINISTRATOR, communityId) || gridWorkerHere || captainIn(actor, communityId))) {
			throw new AccessDeniedException("Not allowed");
		}
	}

	void requireGrid(Actor actor, Grid grid) {
		if (!(actor.has(Role.ADMINISTRATOR, grid.communityId()) || actor.has(Role.GRID_WORKER, grid.id())
				|| captainIn(actor, grid.communityId()))) {
			throw new AccessDeniedException("Not allowed");
		}
	}

	/** Captains a team of the community, whose patrollers may be anywhere on its map. */
	private boolean captainIn(Actor actor, long communityId) {
		return this.teams.communitiesOf(actor.scopes(Role.CAPTAIN)).contains(communityId);
	}

	boolean sees(Actor actor, LivePatroller patroller) {
		if (actor.has(Role.ADMINISTRATOR, patroller.communityId()) || actor.has(Role.CAPTAIN, patroller.teamId())) {
			return true;
		}
		Set<Long> grids = actor.scopes(Role.GRID_WORKER);
		return (patroller.gridId() != null && grids.contains(patroller.gridId()))
				|| patroller.patrolGridIds().stream().anyMatch(grids::contains);
	}

	/** A track is for the team's captains and the shift's grid workers only. */
	void requireTrack(Actor actor, ActiveCheckIn checkIn) {
		Set<Long> grids = actor.scopes(Role.GRID_WORKER);
		if (!(actor.has(Role.CAPTAIN, checkIn.teamId()) || checkIn.gridIds().stream().anyMatch(grids::contains))) {
			throw new AccessDeniedException("Not allowed");
		}
	}

}
