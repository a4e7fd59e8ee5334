package org.qibao.casework;

import java.time.YearMonth;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.identity.Actor;
import org.qibao.shared.GlobalId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** Case KPIs for the community's grid workers and administrators. */
@Controller
class CaseKpiController {

	private final CaseKpiQueries kpis;

	private final CaseDesks desks;

	private final Geography geography;

	CaseKpiController(CaseKpiQueries kpis, CaseDesks desks, Geography geography) {
		this.kpis = kpis;
		this.desks = desks;
		this.geography = geography;
	}

	@QueryMapping
	CaseKpis caseKpis(@Argument String communityId, @Argument String gridId, @Argument YearMonth month, Actor actor) {
		long community = GlobalId.keyOf(communityId, "Community");
		CaseDesk desk = this.desks.of(Actor.signedIn(actor), community);
		Long grid = gridId == null ? null : GlobalId.keyOf(gridId, "Grid");
		if (!desk.administrator() && !desk.gridWorker() || grid != null && !desk.communityGrids().contains(grid)) {
			throw new AccessDeniedException("Not allowed");
		}
		Community found = this.geography.communities(java.util.List.of(community)).get(community);
		return this.kpis.of(community, grid, month, found.zone());
	}

}
