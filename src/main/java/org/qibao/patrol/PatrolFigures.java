package org.qibao.patrol;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The patrol module's figures for a community's statistics, for one month in the community's time
 * zone and optionally one grid (shifts that patrol it). Weeks start on Monday; the first and last
 * week of a month count only the month's days and are named by their first day in the month.
 */
@Service
public class PatrolFigures {

	/** Verified minutes and distinct volunteers per team and week, per week, and for the month (grouping sets). */
	private static final String VERIFIED = """
			WITH verified AS (
			    SELECT greatest(date_trunc('week', s.starts_at AT TIME ZONE :zone), CAST(:monthStart AS timestamp))::date AS week,
			           s.team_id, c.account_id, a.verified_minutes
			    FROM shift s
			    JOIN team t ON t.id = s.team_id
			    JOIN check_in c ON c.shift_id = s.id
			    JOIN attendance a ON a.check_in_id = c.id
			    WHERE t.community_id = :community AND s.starts_at >= :from AND s.starts_at < :to
			      AND a.status IN ('VERIFIED', 'APPROVED')
			      AND (CAST(:grid AS bigint) IS NULL OR EXISTS (SELECT 1 FROM shift_grid g WHERE g.shift_id = s.id AND g.grid_id = :grid)))
			SELECT week, team_id, sum(verified_minutes) AS minutes, count(DISTINCT account_id) AS volunteers
			FROM verified GROUP BY GROUPING SETS ((week, team_id), (week), ())""";

	/** Shifts under their minimum of confirmed sign-ups, and standing no-shows, per week. */
	private static final String SHIFTS = """
			SELECT greatest(date_trunc('week', s.starts_at AT TIME ZONE :zone), CAST(:monthStart AS timestamp))::date AS week,
			       count(*) FILTER (WHERE s.status = 'SCHEDULED' AND (SELECT count(*) FROM shift_signup u
			           WHERE u.shift_id = s.id AND u.status = 'CONFIRMED') < s.min_patrollers) AS at_risk,
			       coalesce(sum((SELECT count(*) FROM no_show n WHERE n.shift_id = s.id AND n.cleared_at IS NULL)), 0) AS no_shows
			FROM shift s
			JOIN team t ON t.id = s.team_id
			WHERE t.community_id = :community AND s.starts_at >= :from AND s.starts_at < :to
			  AND (CAST(:grid AS bigint) IS NULL OR EXISTS (SELECT 1 FROM shift_grid g WHERE g.shift_id = s.id AND g.grid_id = :grid))
			GROUP BY 1""";

	private final JdbcClient jdbc;

	PatrolFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Verified patrol minutes (verified or approved attendance, by its shift's start) and distinct
	 * volunteers: per team and week ({@code week} and {@code teamId} set), per week ({@code teamId}
	 * null) and for the month (both null).
	 */
	public List<VerifiedPatrol> verified(long communityId, Long gridId, YearMonth month, ZoneId zone) {
		return period(VERIFIED, communityId, gridId, month, zone)
			.query((rs, n) -> new VerifiedPatrol(rs.getObject("week", LocalDate.class), rs.getObject("team_id", Long.class),
					rs.getLong("minutes"), rs.getInt("volunteers")))
			.list();
	}

	/**
	 * Per week: scheduled shifts whose confirmed sign-ups are below the shift's minimum, and no-shows
	 * not cleared by a captain; weeks without shifts are left out.
	 */
	public List<ShiftTurnout> turnout(long communityId, Long gridId, YearMonth month, ZoneId zone) {
		return period(SHIFTS, communityId, gridId, month, zone)
			.query((rs, n) -> new ShiftTurnout(rs.getObject("week", LocalDate.class), rs.getInt("at_risk"),
					rs.getInt("no_shows")))
			.list();
	}

	private JdbcClient.StatementSpec period(String sql, long communityId, Long gridId, YearMonth month, ZoneId zone) {
		return this.jdbc.sql(sql)
			.param("zone", zone.getId())
			.param("monthStart", month.atDay(1).atStartOfDay())
			.param("community", communityId)
			.param("grid", gridId)
			.param("from", utc(month.atDay(1), zone))
			.param("to", utc(month.plusMonths(1).atDay(1), zone));
	}

	static OffsetDateTime utc(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC);
	}

	/** Verified patrol of one team in one week, of all teams in a week (team null) or in the month (both null). */
	public record VerifiedPatrol(LocalDate week, Long teamId, long minutes, int volunteers) {
	}

	/** One week's shifts at risk and no-shows. */
	public record ShiftTurnout(LocalDate week, int shiftsAtRisk, int noShows) {
	}

}
