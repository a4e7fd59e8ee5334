package org.qibao.patrol;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The patrol module's API for teams. */
@Service
public class Teams {

	private final JdbcClient jdbc;

	Teams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Forms a team in a community that patrols the given grids. */
	@Transactional
	public Team create(long communityId, String name, Collection<Long> gridIds) {
		Team team = this.jdbc.sql("INSERT INTO team (community_id, name) VALUES (?, ?) RETURNING id, community_id, name")
			.params(communityId, name)
			.query(Team.class)
			.single();
		for (long gridId : gridIds) {
			this.jdbc.sql("INSERT INTO team_grid (team_id, grid_id) VALUES (?, ?)").params(team.id(), gridId).update();
		}
		return team;
	}

	/** Adds a member to a team; captains are members too. */
	@Transactional
	public void addMember(long teamId, long accountId) {
		this.jdbc.sql("INSERT INTO team_member (team_id, account_id) VALUES (?, ?) ON CONFLICT (team_id, account_id) DO UPDATE SET status = 'ACTIVE'")
			.params(teamId, accountId)
			.update();
	}

	/** The active member accounts of each team, by team, in the order they joined. */
	Map<Long, List<Long>> memberIds(Collection<Long> teamIds) {
		return this.jdbc.sql("SELECT team_id, account_id FROM team_member WHERE team_id = ANY(?) AND status = 'ACTIVE' ORDER BY joined_at, account_id")
			.param(teamIds.toArray(Long[]::new))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list()
			.stream()
			.collect(Collectors.groupingBy(row -> row[0], Collectors.mapping(row -> row[1], Collectors.toList())));
	}

	public Map<Long, Team> findAll(Collection<Long> ids) {
		return this.jdbc.sql("SELECT id, community_id, name FROM team WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(Team.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Team::id, Function.identity()));
	}

	/** The team of a community with this name, if any. */
	public java.util.Optional<Team> named(long communityId, String name) {
		return this.jdbc.sql("SELECT id, community_id, name FROM team WHERE community_id = ? AND name = ?")
			.params(communityId, name)
			.query(Team.class)
			.optional();
	}

	/** The team's active members, in the order they joined. */
	public List<Long> activeMembers(long teamId) {
		return memberIds(List.of(teamId)).getOrDefault(teamId, List.of());
	}

	List<Team> ofCommunities(Collection<Long> communityIds) {
		return this.jdbc.sql("SELECT id, community_id, name FROM team WHERE community_id = ANY(?) ORDER BY name")
			.param(communityIds.toArray(Long[]::new))
			.query(Team.class)
			.list();
	}

	/** The grids each team patrols, by team. */
	Map<Long, List<Long>> gridIds(Collection<Long> teamIds) {
		return this.jdbc.sql("SELECT team_id, grid_id FROM team_grid WHERE team_id = ANY(?) ORDER BY grid_id")
			.param(teamIds.toArray(Long[]::new))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list()
			.stream()
			.collect(Collectors.groupingBy(row -> row[0], Collectors.mapping(row -> row[1], Collectors.toList())));
	}

}
