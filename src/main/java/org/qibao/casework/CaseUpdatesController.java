package org.qibao.casework;

import java.util.List;

import org.qibao.identity.Actor;
import org.qibao.shared.GlobalId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** New and changed cases, live, for the grid workers and administrators who work them. */
@Controller
class CaseUpdatesController {

	private final CaseUpdates updates;

	private final CaseDesks desks;

	private final Cases cases;

	CaseUpdatesController(CaseUpdates updates, CaseDesks desks, Cases cases) {
		this.updates = updates;
		this.desks = desks;
		this.cases = cases;
	}

	@SubscriptionMapping
	Flux<Case> caseUpdates(@Argument String communityId, @Argument String gridId, Actor actor) {
		Actor signedIn = Actor.signedIn(actor);
		long community = GlobalId.keyOf(communityId, "Community");
		Long grid = gridId == null ? null : GlobalId.keyOf(gridId, "Grid");
		CaseDesk desk = this.desks.of(signedIn, community);
		if (!desk.administrator() && !desk.gridWorker() || grid != null && !desk.communityGrids().contains(grid)) {
			throw new AccessDeniedException("Not allowed");
		}
		// each change is read afresh, with the desk of that moment: a grid handed over or a worker added shows at once
		return this.updates.of(community)
			.concatMapIterable(change -> this.cases.findAll(List.of(change.caseId())).values())
			.filter(c -> grid == null || grid.equals(c.gridId()))
			.filter(c -> this.desks.of(signedIn, community).works(c));
	}

}
