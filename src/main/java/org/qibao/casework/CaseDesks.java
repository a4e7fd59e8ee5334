package org.qibao.casework;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;

import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.springframework.stereotype.Component;

/** Makes {@link CaseDesk}s: two or three statements per community, however many cases are looked at. */
@Component
class CaseDesks {

	private static final String REMEMBERED = CaseDesks.class.getName();

	private final Geography geography;

	private final Accounts accounts;

	private final Departments departments;

	CaseDesks(Geography geography, Accounts accounts, Departments departments) {
		this.geography = geography;
		this.accounts = accounts;
		this.departments = departments;
	}

	/**
	 * As {@link #of(Actor, Collection)}, remembered for the rest of the request in its GraphQL
	 * context: a board, its cases' reporters and their events' actors need the same desks, which
	 * then cost their statements once per request.
	 */
	Map<Long, CaseDesk> of(Actor actor, Collection<Long> communityIds, GraphQLContext request) {
		Map<String, CaseDesk> known = request.computeIfAbsent(REMEMBERED, key -> new ConcurrentHashMap<String, CaseDesk>());
		String viewer = (actor == null ? "-" : actor.accountId()) + ":";
		Set<Long> missing = new HashSet<>();
		for (long communityId : communityIds) {
			if (!known.containsKey(viewer + communityId)) {
				missing.add(communityId);
			}
		}
		if (!missing.isEmpty()) {
			of(actor, missing).forEach((communityId, desk) -> known.put(viewer + communityId, desk));
		}
		Map<Long, CaseDesk> desks = new HashMap<>();
		for (long communityId : communityIds) {
			desks.put(communityId, known.get(viewer + communityId));
		}
		return desks;
	}

	CaseDesk of(Actor actor, long communityId, GraphQLContext request) {
		return of(actor, List.of(communityId), request).get(communityId);
	}

	CaseDesk of(Actor actor, long communityId) {
		return of(actor, List.of(communityId)).get(communityId);
	}

	Map<Long, CaseDesk> of(Actor actor, Collection<Long> communityIds) {
		Set<Long> departments = actor == null ? Set.of() : this.departments.of(actor.accountId());
		Map<Long, CaseDesk> desks = new HashMap<>();
		for (long communityId : new HashSet<>(communityIds)) {
			Set<Long> grids = new HashSet<>(this.geography.gridsOf(communityId).stream().map(Grid::id).toList());
			Set<Long> unstaffed = new HashSet<>();
			this.accounts.holders(Role.GRID_WORKER, grids).forEach((grid, workers) -> {
				if (workers.isEmpty()) {
					unstaffed.add(grid);
				}
			});
			desks.put(communityId, new CaseDesk(actor, communityId, grids, unstaffed, departments));
		}
		return desks;
	}

	/** The accounts that work a case of this grid (null: outside every grid) besides the administrators. */
	Set<Long> gridWorkersOf(long communityId, Long gridId) {
		Set<Long> grids = new HashSet<>(this.geography.gridsOf(communityId).stream().map(Grid::id).toList());
		Map<Long, List<org.qibao.identity.Account>> holders = this.accounts.holders(Role.GRID_WORKER, grids);
		Set<Long> own = new HashSet<>();
		if (gridId != null) {
			holders.getOrDefault(gridId, List.of()).forEach(a -> own.add(a.id()));
		}
		if (own.isEmpty()) {
			holders.values().forEach(list -> list.forEach(a -> own.add(a.id())));
		}
		return own;
	}

}
