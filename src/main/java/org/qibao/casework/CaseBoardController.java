package org.qibao.casework;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import graphql.GraphQLContext;
import org.qibao.identity.Actor;
import org.qibao.shared.Connection;
import org.qibao.shared.GlobalId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** The grid worker's and administrator's case board. */
@Controller
class CaseBoardController {

	private final Cases cases;

	private final CaseDesks desks;

	private final Clock clock;

	CaseBoardController(Cases cases, CaseDesks desks, Clock clock) {
		this.cases = cases;
		this.desks = desks;
		this.clock = clock;
	}

	@QueryMapping
	Connection<Case> caseBoard(@Argument String communityId, @Argument String gridId, @Argument CaseStage stage,
			@Argument Boolean overdueOnly, @Argument Integer first, @Argument String after, Actor actor,
			GraphQLContext request) {
		CaseDesk desk = this.desks.of(Actor.signedIn(actor), GlobalId.keyOf(communityId, "Community"), request);
		Connection.Page page = Connection.Page.of(first, after);
		Long grid = gridId == null ? null : GlobalId.keyOf(gridId, "Grid");
		return this.cases.board(filter(desk, grid, stage, Boolean.TRUE.equals(overdueOnly)), page);
	}

	/** Administrators see every case; a grid worker their grids' and the community's unworked ones. */
	private Cases.BoardFilter filter(CaseDesk desk, Long grid, CaseStage stage, boolean overdueOnly) {
		if (!desk.administrator() && !desk.gridWorker()) {
			throw new AccessDeniedException("Not allowed");
		}
		if (grid != null && !desk.communityGrids().contains(grid)) {
			throw new AccessDeniedException("Not allowed");
		}
		Set<Long> grids;
		boolean withoutWorker;
		if (grid != null) {
			if (!desk.administrator() && !desk.ownGrids().contains(grid) && !desk.unstaffedGrids().contains(grid)) {
				throw new AccessDeniedException("Not allowed");
			}
			grids = Set.of(grid);
			withoutWorker = false;
		}
		else if (desk.administrator()) {
			grids = null;
			withoutWorker = true;
		}
		else {
			grids = new HashSet<>(desk.ownGrids());
			withoutWorker = true;
		}
		return new Cases.BoardFilter(desk.communityId(), grids, withoutWorker, List.copyOf(desk.unstaffedGrids()), stage,
				overdueOnly, this.clock.instant());
	}

}
