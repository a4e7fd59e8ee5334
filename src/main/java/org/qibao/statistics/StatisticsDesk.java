package org.qibao.statistics;

import java.time.YearMonth;
import java.util.List;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.GlobalId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see a community's statistics, and for what: its administrators only, for the community
 * or one of its own grids. The GraphQL query and the CSV export both ask here.
 */
@Component
class StatisticsDesk {

	private final Geography geography;

	StatisticsDesk(Geography geography) {
		this.geography = geography;
	}

	/** The community and grid the actor asks about, once the actor may see them; refuses otherwise. */
	Scope scope(Actor actor, String communityId, YearMonth month, String gridId) {
		long communityKey = GlobalId.keyOf(communityId, "Community");
		Long gridKey = gridId == null ? null : GlobalId.keyOf(gridId, "Grid");
		Actor.signedIn(actor).require(Role.ADMINISTRATOR, communityKey);
		Community community = this.geography.communities(List.of(communityKey)).get(communityKey);
		Grid grid = gridKey == null ? null : this.geography.grids(List.of(gridKey)).get(gridKey);
		if (community == null || gridKey != null && (grid == null || grid.communityId() != communityKey)) {
			throw new AccessDeniedException("Not allowed");
		}
		return new Scope(community, grid, month);
	}

	/** A community, optionally one of its grids, and a month. */
	record Scope(Community community, Grid grid, YearMonth month) {

		Long gridId() {
			return this.grid == null ? null : this.grid.id();
		}

	}

}
