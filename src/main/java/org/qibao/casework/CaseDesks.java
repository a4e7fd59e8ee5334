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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Makes {@link CaseDesk}s: one statement for any number of communities, however many cases are looked at. */
@Component
class CaseDesks {

	private static final String REMEMBERED = CaseDesks.class.getName();

	private final Geography geography;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	CaseDesks(Geography geography, Accounts accounts, JdbcClient jdbc) {
		this.geography = geography;
		this.accounts = accounts;
		this.jdbc = jdbc;
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

	/**
	 * One statement for all the communities: each one's grids, those of them nobody works as grid
	 * worker (as {@link Accounts#holders} counts holders), and the departments the person acts for.
	 * Every case screen and step starts here, so the grid and role rows are read together rather
	 * than asked of geography and identity one after the other.
	 */
	Map<Long, CaseDesk> of(Actor actor, Collection<Long> communityIds) {
		Map<Long, CaseDesk> desks = new HashMap<>();
		if (communityIds.isEmpty()) {
			return desks;
		}
		this.jdbc.sql("""
				SELECT c.id,
				       ARRAY(SELECT g.id FROM grid g WHERE g.community_id = c.id) AS grids,
				       ARRAY(SELECT g.id FROM grid g WHERE g.community_id = c.id AND NOT EXISTS (
				           SELECT 1 FROM role_assignment r JOIN account a ON a.id = r.account_id
				           WHERE r.role = :gridWorker AND r.scope_id = g.id)) AS unstaffed,
				       ARRAY(SELECT m.department_id FROM case_department_member m
				             WHERE m.account_id = CAST(:account AS bigint)) AS departments
				FROM unnest(CAST(:communities AS bigint[])) AS c(id)""")
			.param("gridWorker", Role.GRID_WORKER.name())
			.param("account", actor == null ? null : actor.accountId())
			.param("communities", new HashSet<>(communityIds).toArray(Long[]::new))
			.query((java.sql.ResultSet rs) -> {
				desks.put(rs.getLong("id"), new CaseDesk(actor, rs.getLong("id"), ids(rs, "grids"), ids(rs, "unstaffed"),
						actor == null ? Set.of() : ids(rs, "departments")));
			});
		return desks;
	}

	private static Set<Long> ids(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		return new HashSet<>(java.util.Arrays.asList((Long[]) rs.getArray(column).getArray()));
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
