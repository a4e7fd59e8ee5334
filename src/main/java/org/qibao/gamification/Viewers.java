package org.qibao.gamification;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who may see hidden names: the volunteer's captains, and grid workers and administrators of their community. */
@Component
class Viewers {

	private final Teams teams;

	private final Geography geography;

	private final CommunityPlaces places;

	private final JdbcClient jdbc;

	Viewers(Teams teams, Geography geography, CommunityPlaces places, JdbcClient jdbc) {
		this.teams = teams;
		this.geography = geography;
		this.places = places;
		this.jdbc = jdbc;
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

	/**
	 * The volunteers among these whose hidden names the viewer still sees: members of a team the
	 * viewer captains, and volunteers who earned points in a community whose grids the viewer works
	 * or which the viewer administers. A captain of another team, even in the same community or
	 * city, sees no more than a stranger.
	 */
	Set<Long> seesHiddenNamesOf(Actor actor, Collection<Long> accountIds) {
		Set<Long> seen = new HashSet<>();
		if (actor == null || accountIds.isEmpty()) {
			return seen;
		}
		for (long team : actor.scopes(Role.CAPTAIN)) {
			seen.addAll(this.teams.activeMembers(team));
		}
		Set<Long> communities = new HashSet<>(actor.scopes(Role.ADMINISTRATOR));
		for (Grid grid : this.geography.grids(actor.scopes(Role.GRID_WORKER)).values()) {
			communities.add(grid.communityId());
		}
		if (!communities.isEmpty()) {
			seen.addAll(this.jdbc.sql("SELECT DISTINCT account_id FROM points_entry WHERE account_id = ANY(?) AND community_id = ANY(?)")
				.params(accountIds.toArray(Long[]::new), communities.toArray(Long[]::new))
				.query(Long.class)
				.list());
		}
		seen.retainAll(accountIds);
		return seen;
	}

	/** Administrators of some community in the city. */
	boolean administersIn(Actor actor, long cityId) {
		return actor.scopes(Role.ADMINISTRATOR).stream()
			.map(this.places::of)
			.anyMatch(p -> p.isPresent() && p.get().cityId() == cityId);
	}

}
