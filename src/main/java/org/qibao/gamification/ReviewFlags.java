package org.qibao.gamification;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Notices implausible patterns for the captain's review queue: one person's two attendances
 * overlapping in time (the same minutes claimed twice, e.g. from two phones), and a captain's
 * proxy patrols this month far above the team's usual (more than three times the average of the
 * team's other captains, and at least ten). Flagged activity still counts until a captain rejects it.
 */
@Service
class ReviewFlags {

	static final int PROXY_FLOOR = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	ReviewFlags(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void check(PatrolFact patrol) {
		Timestamp now = Timestamp.from(this.clock.instant());
		if (patrol.checkedOutAt() != null) {
			this.jdbc.sql("""
					INSERT INTO review_flag (kind, account_id, team_id, community_id, subject, detail, flagged_at)
					SELECT 'OVERLAPPING_ATTENDANCE', :account, :team, :community, least(o.attendance_id, :attendance) || '/' || greatest(o.attendance_id, :attendance),
					       'attendance ' || o.attendance_id || ' and ' || :attendance || ' overlap in time', :now
					FROM patrol_fact o
					WHERE o.account_id = :account AND o.attendance_id <> :attendance AND o.checked_out_at IS NOT NULL
					  AND o.patrolled_at < :out AND o.checked_out_at > :in
					ON CONFLICT DO NOTHING""")
				.param("account", patrol.accountId())
				.param("team", patrol.teamId())
				.param("community", patrol.communityId())
				.param("attendance", patrol.attendanceId())
				.param("now", now)
				.param("in", Timestamp.from(patrol.patrolledAt()))
				.param("out", Timestamp.from(patrol.checkedOutAt()))
				.update();
		}
		if (patrol.proxiedBy() != null && patrol.teamId() != null) {
			this.jdbc.sql("""
					WITH counts AS (
					    SELECT proxied_by, count(*) AS n FROM patrol_fact
					    WHERE team_id = :team AND proxied_by IS NOT NULL AND reversed_at IS NULL
					      AND date_trunc('month', patrolled_at) = date_trunc('month', CAST(:at AS TIMESTAMPTZ))
					    GROUP BY proxied_by)
					INSERT INTO review_flag (kind, account_id, team_id, community_id, subject, detail, flagged_at)
					SELECT 'PROXY_ABOVE_USUAL', c.proxied_by, :team, :community, to_char(CAST(:at AS TIMESTAMPTZ), 'YYYY-MM'),
					       c.n || ' proxy patrols this month; others in the team average ' || round(coalesce(o.avg, 0), 1), :now
					FROM counts c LEFT JOIN (SELECT avg(n) AS avg FROM counts WHERE proxied_by <> :captain) o ON true
					WHERE c.proxied_by = :captain AND c.n >= :floor AND c.n > 3 * coalesce(o.avg, 0)
					ON CONFLICT DO NOTHING""")
				.param("team", patrol.teamId())
				.param("community", patrol.communityId())
				.param("captain", patrol.proxiedBy())
				.param("at", Timestamp.from(patrol.patrolledAt()))
				.param("now", now)
				.param("floor", PROXY_FLOOR)
				.update();
		}
	}

}
