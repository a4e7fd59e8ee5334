package org.qibao.gamification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.FieldChanges;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community goals ("500 patrol hours this month") set by administrators, with progress counted
 * live from the verified facts of the month in the community's time zone.
 */
@Repository
class CommunityGoals {

	private static final String COLUMNS = "id, community_id, month, metric, target, title_zh, title_en";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CommunityGoals(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Sets the month's goal for the metric, new or changed; the audit log keeps what changed. */
	@Transactional
	CommunityGoal set(long communityId, YearMonth month, String metric, int target, String titleZh, String titleEn,
			long administratorId) {
		if (target < 1 || target > 10_000_000) {
			throw new BusinessRuleException("GOAL_TARGET_OUT_OF_RANGE", "target");
		}
		if (!Levels.fits(titleZh, 40)) {
			throw new BusinessRuleException("BADGE_TEXT_LENGTH", "titleZhCN", 40);
		}
		if (!Levels.fits(titleEn, 80)) {
			throw new BusinessRuleException("BADGE_TEXT_LENGTH", "titleEn", 80);
		}
		Map<String, Object> before = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM community_goal WHERE community_id = ? AND month = ? AND metric = ? FOR UPDATE")
			.params(communityId, month.atDay(1), metric)
			.query(CommunityGoals::goal)
			.optional()
			.map(CommunityGoals::shown)
			.orElse(Map.of());
		CommunityGoal goal = this.jdbc.sql("""
				INSERT INTO community_goal (community_id, month, metric, target, title_zh, title_en) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (community_id, month, metric) DO UPDATE
				SET target = excluded.target, title_zh = excluded.title_zh, title_en = excluded.title_en
				RETURNING\s""" + COLUMNS)
			.params(communityId, month.atDay(1), metric, target, titleZh.strip(), titleEn.strip())
			.query(CommunityGoals::goal)
			.single();
		FieldChanges changes = before.isEmpty() ? new FieldChanges(Map.of(), shown(goal))
				: FieldChanges.between(before, shown(goal));
		this.events.publishEvent(new AdministrativeAction(administratorId, communityId, "gamification.communityGoalSet",
				"CommunityGoal", goal.id(), changes.before(), changes.after()));
		return goal;
	}

	private static Map<String, Object> shown(CommunityGoal goal) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("month", goal.month().toString());
		fields.put("metric", goal.metric());
		fields.put("target", goal.target());
		fields.put("titleZh", goal.title().zhCN());
		fields.put("titleEn", goal.title().en());
		return fields;
	}

	/** The community's goals for the month in progress. */
	List<CommunityGoal> current(CommunityPlace place) {
		YearMonth month = YearMonth.from(this.clock.instant().atZone(place.zone()));
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM community_goal WHERE community_id = ? AND month = ? ORDER BY metric")
			.params(place.communityId(), month.atDay(1))
			.query(CommunityGoals::goal)
			.list();
	}

	Map<Long, CommunityGoal> findAll(Collection<Long> ids) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM community_goal WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(CommunityGoals::goal)
			.list()
			.stream()
			.collect(Collectors.toMap(CommunityGoal::id, g -> g));
	}

	/** The goal's progress: its metric over the month's verified facts, in the community's time zone. */
	int progress(CommunityGoal goal, CommunityPlace place) {
		String facts = "VERIFIED_REPORTS".equals(goal.metric()) ? """
				SELECT count(*) FROM report_fact
				WHERE community_id = ? AND to_char(verified_at AT TIME ZONE ?, 'YYYY-MM') = ?"""
				: """
						SELECT coalesce(%s, 0) FROM patrol_fact
						WHERE community_id = ? AND reversed_at IS NULL AND verified_minutes > 0
						  AND to_char(patrolled_at AT TIME ZONE ?, 'YYYY-MM') = ?"""
					.formatted("PATROLS".equals(goal.metric()) ? "count(*)" : "sum(verified_minutes)");
		return this.jdbc.sql(facts)
			.params(goal.communityId(), place.zone().getId(), goal.month().toString())
			.query(Integer.class)
			.single();
	}

	private static CommunityGoal goal(ResultSet rs, int row) throws SQLException {
		return new CommunityGoal(rs.getLong("id"), rs.getLong("community_id"),
				YearMonth.from(rs.getDate("month").toLocalDate()), rs.getString("metric"), rs.getInt("target"),
				new LocalizedText(rs.getString("title_zh"), rs.getString("title_en")));
	}

}
