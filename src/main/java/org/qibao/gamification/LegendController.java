package org.qibao.gamification;

import java.security.Principal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * Each grid's local legend: the volunteer with the most verified patrol minutes there in the last
 * 90 days (a tie goes to the one whose latest patrol was earlier, then the lower account id).
 */
@Controller
class LegendController {

	static final Duration SPAN = Duration.ofDays(90);

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Viewers viewers;

	private final Clock clock;

	LegendController(JdbcClient jdbc, Accounts accounts, Viewers viewers, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.viewers = viewers;
		this.clock = clock;
	}

	record LocalLegend(String displayName, boolean nameMasked, int verifiedMinutes) {
	}

	private record Leader(long gridId, long accountId, int minutes, boolean hidden) {
	}

	@BatchMapping(typeName = "Grid")
	Map<Grid, LocalLegend> localLegend(List<Grid> grids, Principal principal) {
		Map<Long, Leader> leaders = new HashMap<>();
		this.jdbc.sql("""
				SELECT DISTINCT ON (g.grid_id) g.grid_id, p.account_id, sum(p.verified_minutes) AS minutes,
				       EXISTS (SELECT 1 FROM leaderboard_name_hidden h WHERE h.account_id = p.account_id) AS hidden
				FROM patrol_fact p CROSS JOIN LATERAL unnest(p.grid_ids) AS g(grid_id)
				WHERE g.grid_id = ANY(?) AND p.reversed_at IS NULL AND p.patrolled_at >= ?
				GROUP BY g.grid_id, p.account_id
				ORDER BY g.grid_id, sum(p.verified_minutes) DESC, max(p.patrolled_at), p.account_id""")
			.params(grids.stream().map(Grid::id).toArray(Long[]::new), Timestamp.from(this.clock.instant().minus(SPAN)))
			.query((rs, n) -> new Leader(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4)))
			.list()
			.forEach(l -> leaders.put(l.gridId(), l));
		Map<Long, Account> people = this.accounts.findAll(leaders.values().stream().map(Leader::accountId).distinct().toList());
		Actor actor = principal instanceof Authentication auth && auth.getPrincipal() instanceof Actor a ? a : null;
		Set<Long> responsible = this.viewers.responsibleFor(actor);
		Map<Grid, LocalLegend> legends = new LinkedHashMap<>();
		for (Grid grid : grids) {
			Leader leader = leaders.get(grid.id());
			if (leader == null) {
				continue;
			}
			Account person = people.get(leader.accountId());
			String name = person == null ? "" : person.displayName();
			boolean masked = leader.hidden() && !responsible.contains(grid.communityId())
					&& (actor == null || actor.accountId() != leader.accountId());
			legends.put(grid, new LocalLegend(masked ? NameMask.of(name) : name, masked, leader.minutes()));
		}
		return legends;
	}

}
