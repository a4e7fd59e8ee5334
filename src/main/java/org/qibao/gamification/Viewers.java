package org.qibao.gamification;

import java.util.HashSet;
import java.util.Set;

import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.springframework.stereotype.Component;

/** Who may see hidden names on a board: captains, grid workers and administrators within its area. */
@Component
class Viewers {

	private final Teams teams;

	private final Geography geography;

	private final CommunityPlaces places;

	Viewers(Teams teams, Geography geography, CommunityPlaces places) {
		this.teams = teams;
		this.geography = geography;
		this.places = places;
	}

	/** The communities where the viewer captains a team, works a grid or administers. */
	Set<Long> responsibleFor(Actor actor) {
		Set<Long> communities = new HashSet<>();
		if (actor == null) {
			return communities;
		}
		for (Team team : this.teams.findAll(actor.scopes(Role.CAPTAIN)).values()) {
			communities.add(team.communityId());
		}
		for (Grid grid : this.geography.grids(actor.scopes(Role.GRID_WORKER)).values()) {
			communities.add(grid.communityId());
		}
		communities.addAll(actor.scopes(Role.ADMINISTRATOR));
		return communities;
	}

	/** Whether the viewer is responsible for some community within the board's area. */
	boolean seesHiddenNames(Actor actor, Board board) {
		for (long community : responsibleFor(actor)) {
			CommunityPlace place = this.places.of(community).orElse(null);
			if (place != null && switch (board.scope()) {
				case COMMUNITY -> place.communityId() == board.placeId();
				case STREET -> place.streetId() == board.placeId();
				case CITY -> place.cityId() == board.placeId();
			}) {
				return true;
			}
		}
		return false;
	}

	/** Administrators of some community in the city. */
	boolean administersIn(Actor actor, long cityId) {
		return actor.scopes(Role.ADMINISTRATOR).stream()
			.map(this.places::of)
			.anyMatch(p -> p.isPresent() && p.get().cityId() == cityId);
	}

}
