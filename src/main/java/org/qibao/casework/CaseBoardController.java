package org.qibao.casework;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.qibao.identity.Actor;
import org.qibao.shared.Connection;
import org.qibao.shared.GlobalId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/**
 * The grid worker's and administrator's case board. Its page is read with its cards' fields
 * ({@link CaseBoards}), and those fields' batch loaders are handed what was read, so the board
 * costs the grid worker's desk and one statement, however many cases it shows.
 */
@Controller
class CaseBoardController {

	private final CaseBoards boards;

	private final CaseDesks desks;

	private final Clock clock;

	CaseBoardController(CaseBoards boards, CaseDesks desks, Clock clock) {
		this.boards = boards;
		this.desks = desks;
		this.clock = clock;
	}

	@QueryMapping
	Connection<Case> caseBoard(@Argument String communityId, @Argument String gridId, @Argument CaseStage stage,
			@Argument Boolean overdueOnly, @Argument Integer first, @Argument String after, Actor actor,
			GraphQLContext request, DataFetchingEnvironment environment) {
		CaseDesk desk = this.desks.of(Actor.signedIn(actor), GlobalId.keyOf(communityId, "Community"), request);
		Connection.Page page = Connection.Page.of(first, after);
		Long grid = gridId == null ? null : GlobalId.keyOf(gridId, "Grid");
		CaseBoards.Board board = this.boards.page(filter(desk, grid, stage, Boolean.TRUE.equals(overdueOnly)), page);
		hand(board.cards(), desk, environment.getDataLoaderRegistry());
		return board.connection();
	}

	/**
	 * Gives each card's fields to the batch loader that would otherwise read them (the same rules
	 * as theirs: who sees the reporter, and the reporter's own entries), so none of them runs.
	 */
	private static void hand(List<CaseBoards.Card> cards, CaseDesk desk, DataLoaderRegistry loaders) {
		for (CaseBoards.Card card : cards) {
			Case c = card.gridCase();
			prime(loaders, "Case.category", c, card.category());
			prime(loaders, "Case.grid", c, card.grid());
			prime(loaders, "Case.reporter", c, desk.showsReporter(c, card.reporterErased()) ? card.reporter() : null);
			prime(loaders, "Case.photos", c, card.photos());
			prime(loaders, "Case.lastEvent", c, card.lastEvent());
			CaseEvent last = card.lastEvent();
			if (last != null) {
				boolean shown = last.actorId() != null && desk.showsActor(c, last.actorId(), card.reporterErased());
				prime(loaders, "CaseEvent.actor", last, shown ? card.lastEventActor() : null);
			}
		}
	}

	private static <K, V> void prime(DataLoaderRegistry loaders, String field, K key, V value) {
		DataLoader<K, V> loader = loaders.getDataLoader(field);
		if (loader != null) {
			loader.prime(key, value);
		}
	}

	/** Administrators see every case; a grid worker their grids' and the community's unworked ones. */
	private CaseBoards.BoardFilter filter(CaseDesk desk, Long grid, CaseStage stage, boolean overdueOnly) {
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
		return new CaseBoards.BoardFilter(desk.communityId(), grids, withoutWorker, List.copyOf(desk.unstaffedGrids()), stage,
				overdueOnly, this.clock.instant());
	}

}
