package org.qibao.gamification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;

/**
 * The signed-in volunteer's verified service by year, community and team, for the volunteer
 * service certificate (志愿服务记录证明). Years are the community's; reversed patrols do not count.
 */
@Controller
class ServiceRecordController {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Geography geography;

	private final Teams teams;

	private final Clock clock;

	ServiceRecordController(JdbcClient jdbc, Accounts accounts, Geography geography, Teams teams, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.geography = geography;
		this.teams = teams;
		this.clock = clock;
	}

	record ServiceRecord(long accountId, int totalMinutes, List<Line> lines, Instant issuedAt) {
	}

	record Line(int year, long communityId, Long teamId, int verifiedMinutes, int patrols) {
	}

	@QueryMapping
	ServiceRecord serviceRecord(Actor actor) {
		long me = Actor.signedIn(actor).accountId();
		List<Line> lines = this.jdbc.sql("""
				SELECT extract(year FROM p.patrolled_at AT TIME ZONE c.time_zone)::int AS year, p.community_id, p.team_id,
				       sum(p.verified_minutes)::int AS minutes, count(*)::int AS patrols
				FROM patrol_fact p JOIN gamification_community c ON c.community_id = p.community_id
				WHERE p.account_id = ? AND p.reversed_at IS NULL AND p.verified_minutes > 0
				GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3""")
			.param(me)
			.query((rs, n) -> {
				long team = rs.getLong("team_id");
				Long teamId = rs.wasNull() ? null : team;
				return new Line(rs.getInt("year"), rs.getLong("community_id"), teamId, rs.getInt("minutes"), rs.getInt("patrols"));
			})
			.list();
		return new ServiceRecord(me, lines.stream().mapToInt(Line::verifiedMinutes).sum(), lines, this.clock.instant());
	}

	@SchemaMapping(typeName = "ServiceRecord")
	Account account(ServiceRecord record) {
		return this.accounts.findAll(List.of(record.accountId())).get(record.accountId());
	}

	@BatchMapping(typeName = "ServiceRecordLine")
	Map<Line, Community> community(List<Line> lines) {
		Map<Long, Community> found = this.geography.communities(lines.stream().map(Line::communityId).distinct().toList());
		Map<Line, Community> out = new LinkedHashMap<>();
		lines.forEach(l -> out.put(l, found.get(l.communityId())));
		return out;
	}

	@BatchMapping(typeName = "ServiceRecordLine")
	Map<Line, Team> team(List<Line> lines) {
		Map<Long, Team> found = this.teams.findAll(lines.stream().map(Line::teamId).filter(t -> t != null).distinct().toList());
		Map<Line, Team> out = new LinkedHashMap<>();
		lines.forEach(l -> out.put(l, l.teamId() == null ? null : found.get(l.teamId())));
		return out;
	}

}
