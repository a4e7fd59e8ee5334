package org.qibao.gamification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards badges by their rules. After each verified fact, the people it concerns are evaluated
 * against the community's active badges; a new or changed rule is evaluated once against
 * everyone's past (its rule version is marked backfilled in the same transaction).
 */
@Service
class Badges {

	private final JdbcClient jdbc;

	private final Streaks streaks;

	private final Clock clock;

	Badges(JdbcClient jdbc, Streaks streaks, Clock clock) {
		this.jdbc = jdbc;
		this.streaks = streaks;
		this.clock = clock;
	}

	List<Badge> ofCommunity(long communityId) {
		return this.jdbc.sql("SELECT " + Badge.COLUMNS + " FROM badge WHERE community_id = ? ORDER BY active DESC, id")
			.param(communityId)
			.query(Badge::of)
			.list();
	}

	Map<Long, Badge> findAll(Collection<Long> ids) {
		return find(ids, "");
	}

	/**
	 * Badges of communities only: the seed set a new community copies has no community, is earned by
	 * nobody and is no badge a client can fetch or an administrator change.
	 */
	Map<Long, Badge> findOfCommunities(Collection<Long> ids) {
		return find(ids, " AND community_id IS NOT NULL");
	}

	private Map<Long, Badge> find(Collection<Long> ids, String condition) {
		return this.jdbc.sql("SELECT " + Badge.COLUMNS + " FROM badge WHERE id = ANY(?)" + condition)
			.param(ids.toArray(Long[]::new))
			.query(Badge::of)
			.list()
			.stream()
			.collect(Collectors.toMap(Badge::id, b -> b));
	}

	/** Evaluates these people against every active badge of the community. */
	void evaluate(CommunityPlace place, List<Long> accountIds) {
		for (Badge badge : ofCommunity(place.communityId())) {
			if (badge.active()) {
				award(badge, place, accountIds);
			}
		}
	}

	/**
	 * Evaluates these people afresh after a fact stopped counting: their awards of active badges are
	 * dropped and made again from the facts that still count (earned times follow from the facts).
	 */
	void reevaluate(CommunityPlace place, List<Long> accountIds) {
		this.jdbc.sql("""
				DELETE FROM badge_award WHERE account_id = ANY(?)
				  AND badge_id IN (SELECT id FROM badge WHERE community_id = ? AND active)""")
			.params(accountIds.toArray(Long[]::new), place.communityId())
			.update();
		evaluate(place, accountIds);
	}

	/** Evaluates the badge's rule against everyone's past, once per rule version; returns the awards made. */
	@Transactional
	int backfill(long badgeId, CommunityPlace place) {
		Optional<Long> due = this.jdbc.sql("""
				UPDATE badge SET backfilled_version = rule_version
				WHERE id = ? AND backfilled_version < rule_version AND active RETURNING id""")
			.param(badgeId)
			.query(Long.class)
			.optional();
		if (due.isEmpty()) {
			return 0;
		}
		return award(findAll(List.of(badgeId)).get(badgeId), place, null);
	}

	/** Awards the badge to these people (everyone when null) wherever the rule is met. */
	private int award(Badge badge, CommunityPlace place, List<Long> accountIds) {
		BadgeRule rule = badge.rule();
		if (rule.metric() == BadgeRule.Metric.STREAK_WEEKS) {
			return awardStreaks(badge, place, accountIds);
		}
		return this.jdbc.sql(BadgeMetrics.award(rule))
			.param("badge", badge.id())
			.param("threshold", rule.threshold())
			.param("zone", place.zone().getId())
			.param("community", place.communityId())
			.param("before", rule.beforeTime() == null ? "00:00" : rule.beforeTime().toString())
			.param("weekday", rule.weekday() == null ? 0 : rule.weekday().getValue())
			.param("accounts", accountIds == null ? null : accountIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
			.update();
	}

	private int awardStreaks(Badge badge, CommunityPlace place, List<Long> accountIds) {
		List<Long> people = accountIds != null ? accountIds
				: this.jdbc.sql("SELECT DISTINCT account_id FROM patrol_fact WHERE community_id = ?")
					.param(place.communityId())
					.query(Long.class)
					.list();
		int awarded = 0;
		for (long person : people) {
			if (this.streaks.of(person, place).longestWeeks() >= badge.rule().threshold()) {
				awarded += this.jdbc.sql("""
						INSERT INTO badge_award (badge_id, account_id, window_key, earned_at) VALUES (?, ?, 'all', ?)
						ON CONFLICT DO NOTHING""")
					.params(badge.id(), person, Timestamp.from(this.clock.instant()))
					.update();
			}
		}
		return awarded;
	}

	/** A badge a person has earned, how often, and first when. */
	record Earned(Badge badge, java.time.Instant earnedAt, int times) {
	}

	List<Earned> earned(long accountId, long communityId) {
		List<Object[]> rows = this.jdbc.sql("""
				SELECT w.badge_id, min(w.earned_at), count(*) FROM badge_award w JOIN badge b ON b.id = w.badge_id
				WHERE w.account_id = ? AND b.community_id = ? GROUP BY w.badge_id ORDER BY min(w.earned_at) DESC, w.badge_id""")
			.params(accountId, communityId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3) })
			.list();
		Map<Long, Badge> badges = findAll(rows.stream().map(r -> (Long) r[0]).toList());
		return rows.stream().map(r -> new Earned(badges.get((Long) r[0]), (java.time.Instant) r[1], (Integer) r[2])).toList();
	}

	/** The metric's value for the person in the badge's current window. */
	int progress(Badge badge, long accountId, CommunityPlace place) {
		if (badge.rule().metric() == BadgeRule.Metric.STREAK_WEEKS) {
			return this.streaks.of(accountId, place).longestWeeks();
		}
		BadgeRule rule = badge.rule();
		return this.jdbc.sql(BadgeMetrics.progress(rule))
			.param("account", accountId)
			.param("zone", place.zone().getId())
			.param("community", place.communityId())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("before", rule.beforeTime() == null ? "00:00" : rule.beforeTime().toString())
			.param("weekday", rule.weekday() == null ? 0 : rule.weekday().getValue())
			.query(Integer.class)
			.single();
	}

}
