package org.qibao.patrol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.patrol.Rows.array;
import static org.qibao.patrol.Rules.require;

/**
 * Teams as a community's administrators form them and captains tend them: a name unique in the
 * community and grids of that community only. A grid a schedule of the team still patrols stays.
 */
@Service
class TeamAdministration {

	static final int NAME_MAX = 60;

	private final JdbcClient jdbc;

	private final Teams teams;

	private final Geography geography;

	private final PatrolAudit audit;

	TeamAdministration(JdbcClient jdbc, Teams teams, Geography geography, PatrolAudit audit) {
		this.jdbc = jdbc;
		this.teams = teams;
		this.geography = geography;
		this.audit = audit;
	}

	@Transactional
	Team create(long communityId, String name, List<Long> gridIds, long by) {
		String trimmed = name(name);
		requireCommunityGrids(communityId, gridIds);
		require(this.teams.named(communityId, trimmed).isEmpty(), "TEAM_NAME_TAKEN", "name");
		Team team = this.teams.create(communityId, trimmed, gridIds.stream().distinct().toList());
		this.audit.inCommunity(by, communityId, "teamCreate", "Team", team.id(), Map.of(), state(team.id()));
		return team;
	}

	/** Renames the team (when a name is given) and sets its grids (when given). */
	@Transactional
	Team update(long teamId, String name, List<Long> gridIds, long by) {
		this.jdbc.sql("SELECT id FROM team WHERE id = ? FOR UPDATE").param(teamId).query(Long.class).single();
		Team team = this.teams.findAll(List.of(teamId)).get(teamId);
		Map<String, Object> before = state(teamId);
		if (name != null) {
			String trimmed = name(name);
			require(this.teams.named(team.communityId(), trimmed).filter(t -> t.id() != teamId).isEmpty(),
					"TEAM_NAME_TAKEN", "name");
			this.jdbc.sql("UPDATE team SET name = ? WHERE id = ?").params(trimmed, teamId).update();
		}
		if (gridIds != null) {
			setGrids(team, gridIds);
		}
		this.audit.inCommunity(by, team.communityId(), "teamUpdate", "Team", teamId, before, state(teamId));
		return this.teams.findAll(List.of(teamId)).get(teamId);
	}

	private void setGrids(Team team, List<Long> gridIds) {
		requireCommunityGrids(team.communityId(), gridIds);
		List<Long> scheduled = this.jdbc.sql("""
				SELECT DISTINCT unnest(grid_ids) FROM shift_schedule WHERE team_id = ? AND active""")
			.param(team.id())
			.query(Long.class)
			.list();
		require(gridIds.containsAll(scheduled), "GRID_IN_USE", "gridIds");
		this.jdbc.sql("DELETE FROM team_grid WHERE team_id = ? AND grid_id <> ALL(?)")
			.params(team.id(), array(gridIds))
			.update();
		for (long gridId : gridIds.stream().distinct().toList()) {
			this.jdbc.sql("INSERT INTO team_grid (team_id, grid_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(team.id(), gridId)
				.update();
		}
	}

	private void requireCommunityGrids(long communityId, List<Long> gridIds) {
		require(gridIds != null && !gridIds.isEmpty(), "GRIDS_REQUIRED", "gridIds");
		Map<Long, Grid> grids = this.geography.grids(gridIds);
		require(gridIds.stream().allMatch(id -> grids.containsKey(id) && grids.get(id).communityId() == communityId),
				"GRID_NOT_OF_COMMUNITY", "gridIds");
	}

	private static String name(String name) {
		String trimmed = name == null ? "" : name.trim();
		require(!trimmed.isEmpty() && trimmed.length() <= NAME_MAX, "INVALID_TEAM_NAME", "name", NAME_MAX);
		return trimmed;
	}

	/** What the audit log shows of a team: its name and grids. */
	private Map<String, Object> state(long teamId) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", this.teams.findAll(List.of(teamId)).get(teamId).name());
		state.put("gridIds", this.teams.gridIds(List.of(teamId)).getOrDefault(teamId, List.of()));
		return state;
	}

}
