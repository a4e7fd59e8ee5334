package org.qibao.casework;

import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.qibao.casework.CaseRows.at;

/**
 * The month's figures of the city case workflow, in one SQL aggregate over the cases reported in
 * the month (in the community's time zone): closure rate and on-time closure rate (按期结案率) of
 * accepted cases, rework and extension rates, median minutes to accept and to close, and mean
 * satisfaction.
 */
@Repository
class CaseKpiQueries {

	private final JdbcClient jdbc;

	CaseKpiQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	CaseKpis of(long communityId, Long gridId, YearMonth month, ZoneId zone) {
		return this.jdbc.sql("""
				SELECT count(*) AS reported,
				       count(*) FILTER (WHERE accepted_at IS NOT NULL) AS accepted,
				       count(*) FILTER (WHERE stage = 'CLOSED' AND accepted_at IS NOT NULL) AS closed,
				       count(*) FILTER (WHERE stage = 'CLOSED' AND accepted_at IS NOT NULL
				                          AND resolved_at <= resolve_due_at) AS on_time,
				       count(*) FILTER (WHERE reopen_count > 0) AS reworked,
				       count(*) FILTER (WHERE extension_requested) AS extended,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - reported_at))
				           FILTER (WHERE accepted_at IS NOT NULL) AS to_accept,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - reported_at))
				           FILTER (WHERE stage = 'CLOSED' AND accepted_at IS NOT NULL) AS to_close,
				       avg(satisfaction) AS satisfaction
				FROM grid_case
				WHERE community_id = ? AND (CAST(? AS bigint) IS NULL OR grid_id = ?)
				  AND reported_at >= ? AND reported_at < ?""")
			.params(communityId, gridId, gridId, at(month.atDay(1).atStartOfDay(zone).toInstant()),
					at(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> {
				int accepted = rs.getInt("accepted");
				int closed = rs.getInt("closed");
				return new CaseKpis(month, rs.getInt("reported"), share(closed, accepted), share(rs.getInt("on_time"), closed),
						share(rs.getInt("reworked"), accepted), share(rs.getInt("extended"), accepted),
						minutes(rs.getObject("to_accept")), minutes(rs.getObject("to_close")),
						rs.getObject("satisfaction") == null ? null : rs.getDouble("satisfaction"));
			})
			.single();
	}

	private static Double share(int part, int whole) {
		return whole == 0 ? null : (double) part / whole;
	}

	private static Integer minutes(Object seconds) {
		return seconds == null ? null : (int) Math.round(((Number) seconds).doubleValue() / 60);
	}

}
