package org.qibao.gamification;

/**
 * The SQL of each badge metric over gamification's own facts: rows of (account_id, at, local_at,
 * value) for one community, {@code local_at} in the community's time zone. Only patrols still
 * verified (not reversed) count.
 */
final class BadgeMetrics {

	private static final String PATROLS = """
			SELECT account_id, patrolled_at AS at, patrolled_at AT TIME ZONE :zone AS local_at, %s AS value
			FROM patrol_fact WHERE community_id = :community AND reversed_at IS NULL AND verified_minutes > 0 %s""";

	private BadgeMetrics() {
	}

	static String activity(BadgeRule rule) {
		return switch (rule.metric()) {
			case VERIFIED_PATROL_MINUTES -> PATROLS.formatted("verified_minutes", "");
			case PATROLS -> PATROLS.formatted("1", "");
			case CHECKPOINTS -> PATROLS.formatted("checkpoints", "");
			case PATROLS_STARTING_BEFORE -> PATROLS.formatted("1",
					"AND (coalesce(shift_starts_at, patrolled_at) AT TIME ZONE :zone)::time < CAST(:before AS TIME)");
			case PATROL_DAYS_ON_WEEKDAY -> """
					SELECT account_id, at, local_at,
					       CASE WHEN row_number() OVER (PARTITION BY account_id, local_at::date ORDER BY at) = 1 THEN 1 ELSE 0 END AS value
					FROM (%s) p""".formatted(PATROLS.formatted("1", "AND extract(isodow FROM patrolled_at AT TIME ZONE :zone) = :weekday"));
			case PROXY_PATROLS -> """
					SELECT proxied_by AS account_id, patrolled_at AS at, patrolled_at AT TIME ZONE :zone AS local_at, 1 AS value
					FROM patrol_fact WHERE community_id = :community AND reversed_at IS NULL AND verified_minutes > 0
					  AND proxied_by IS NOT NULL AND proxied_by <> account_id""";
			case VERIFIED_REPORTS -> """
					SELECT account_id, verified_at AS at, verified_at AT TIME ZONE :zone AS local_at, 1 AS value
					FROM report_fact WHERE community_id = :community""";
			case STREAK_WEEKS -> throw new IllegalArgumentException("streaks are counted by StreakPolicy");
		};
	}

	/**
	 * Awards the badge to the listed accounts (or everyone when the list is null) in every window
	 * where the metric reaches the threshold, earned at the moment it did; existing awards stay.
	 */
	static String award(BadgeRule rule) {
		return """
				INSERT INTO badge_award (badge_id, account_id, window_key, earned_at)
				SELECT :badge, account_id, window_key, min(at) FILTER (WHERE running >= :threshold)
				FROM (SELECT account_id, at, window_key,
				             sum(value) OVER (PARTITION BY account_id, window_key ORDER BY at ROWS UNBOUNDED PRECEDING) AS running
				      FROM (SELECT a.*, %s AS window_key FROM (%s) a) w
				      WHERE CAST(:accounts AS TEXT) IS NULL OR account_id = ANY(string_to_array(:accounts, ',')::bigint[])) r
				GROUP BY account_id, window_key
				HAVING max(running) >= :threshold
				ON CONFLICT DO NOTHING""".formatted(rule.window().keySql, activity(rule));
	}

	/** The metric's value for one account in the window holding {@code :now}. */
	static String progress(BadgeRule rule) {
		return """
				SELECT coalesce(sum(value), 0) FROM (SELECT a.*, %1$s AS window_key FROM (%2$s) a) w
				WHERE account_id = :account
				  AND window_key = (SELECT %1$s FROM (SELECT CAST(:now AS TIMESTAMPTZ) AT TIME ZONE :zone AS local_at) n)"""
			.formatted(rule.window().keySql, activity(rule));
	}

}
