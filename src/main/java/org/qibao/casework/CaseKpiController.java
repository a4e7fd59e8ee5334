package org.qibao.casework;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Actor;
import org.qibao.shared.GlobalId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Case KPIs for the community's grid workers and administrators. The KPI screen asks for six
 * months side by side, one field each: the fields of a request are answered together, in three
 * statements (the community's grids, its time zone, one aggregate over all the months asked).
 */
@Controller
class CaseKpiController {

	private final CaseKpiQueries kpis;

	private final Geography geography;

	CaseKpiController(CaseKpiQueries kpis, Geography geography, BatchLoaderRegistry registry) {
		this.kpis = kpis;
		this.geography = geography;
		registry.forTypePair(Wanted.class, CaseKpis.class)
			.registerMappedBatchLoader((wanted, environment) -> Mono.fromCallable(() -> answer(wanted)));
	}

	/** One field's question: whose, which community and grid (null: the whole community), which month. */
	record Wanted(Actor actor, long communityId, Long gridId, YearMonth month) {
	}

	@QueryMapping
	CompletableFuture<CaseKpis> caseKpis(@Argument String communityId, @Argument String gridId, @Argument YearMonth month,
			Actor actor, DataLoader<Wanted, CaseKpis> answers) {
		long community = GlobalId.keyOf(communityId, "Community");
		Long grid = gridId == null ? null : GlobalId.keyOf(gridId, "Grid");
		return answers.load(new Wanted(Actor.signedIn(actor), community, grid, month));
	}

	/**
	 * The figures asked for, once the asker may see each: the community's administrator, or a grid
	 * worker of one of its grids (the grid asked for must be the community's).
	 */
	private Map<Wanted, CaseKpis> answer(Set<Wanted> wanted) {
		Set<Long> communities = wanted.stream().map(Wanted::communityId).collect(Collectors.toSet());
		Map<Long, Set<Long>> grids = new HashMap<>();
		for (long community : communities) {
			grids.put(community, new HashSet<>(this.geography.gridsOf(community).stream().map(Grid::id).toList()));
		}
		for (Wanted w : wanted) {
			CaseDesk desk = new CaseDesk(w.actor(), w.communityId(), grids.get(w.communityId()), Set.of(), Set.of());
			if (!desk.administrator() && !desk.gridWorker()
					|| w.gridId() != null && !desk.communityGrids().contains(w.gridId())) {
				throw new AccessDeniedException("Not allowed");
			}
		}
		Map<Long, Community> found = this.geography.communities(communities);
		Map<Wanted, CaseKpis> answers = new HashMap<>();
		Map<List<Long>, List<Wanted>> byPlace = wanted.stream()
			.collect(Collectors.groupingBy(w -> java.util.Arrays.asList(w.communityId(), w.gridId())));
		byPlace.forEach((place, asked) -> {
			long community = place.get(0);
			Map<YearMonth, CaseKpis> months = this.kpis.of(community, place.get(1),
					asked.stream().map(Wanted::month).distinct().toList(), found.get(community).zone());
			asked.forEach(w -> answers.put(w, months.get(w.month())));
		});
		return answers;
	}

}
