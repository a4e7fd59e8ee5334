package org.qibao.casework;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month's figures of the city case workflow, in one SQL aggregate over the cases reported in
 * the month (in the community's time zone): closure rate and on-time closure rate (按期结案率) of
 * accepted cases, rework and extension rates, median minutes to accept and to close, and mean
 * satisfaction; several months in one statement, each month aggregated over its own range of the
 * cases' report times (index {@code grid_case_reported}) rather than every month over all the
 * community's cases.
 */
@Repository
class CaseKpiQueries {

	private final JdbcClient jdbc;

	CaseKpiQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	CaseKpis of(long communityId, Long gridId, YearMonth month, ZoneId zone) {
		return of(communityId, gridId, List.of(month), zone).get(month);
	}

	/** The figures of each month, in one statement however many months. */
	Map<YearMonth, CaseKpis> of(long communityId, Long gridId, List<YearMonth> months, ZoneId zone) {
		Map<YearMonth, CaseKpis> figures = new HashMap<>();
		this.jdbc.sql("""
				SELECT m.month, k.*
				FROM unnest(?::text[], CAST(? AS text[])::timestamptz[], CAST(? AS text[])::timestamptz[]) AS m(month, starts, ends)
				CROSS JOIN LATERAL (
				    SELECT count(c.id) AS reported,
				           count(*) FILTER (WHERE c.accepted_at IS NOT NULL) AS accepted,
				           count(*) FILTER (WHERE c.stage = 'CLOSED' AND c.accepted_at IS NOT NULL) AS closed,
				           count(*) FILTER (WHERE c.stage = 'CLOSED' AND c.accepted_at IS NOT NULL
				                              AND c.resolved_at <= c.resolve_due_at) AS on_time,
				           count(*) FILTER (WHERE c.reopen_count > 0) AS reworked,
				           count(*) FILTER (WHERE c.extension_requested) AS extended,
				           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.accepted_at - c.reported_at))
				               FILTER (WHERE c.accepted_at IS NOT NULL) AS to_accept,
				           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.closed_at - c.reported_at))
				               FILTER (WHERE c.stage = 'CLOSED' AND c.accepted_at IS NOT NULL) AS to_close,
				           avg(c.satisfaction) AS satisfaction
				    FROM grid_case c
				    WHERE c.community_id = ? AND (CAST(? AS bigint) IS NULL OR c.grid_id = ?)
				      AND c.reported_at >= m.starts AND c.reported_at < m.ends) AS k""")
			.params(months.stream().map(YearMonth::toString).toArray(String[]::new),
					months.stream().map(m -> m.atDay(1).atStartOfDay(zone).toInstant().toString()).toArray(String[]::new),
					months.stream().map(m -> m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toString()).toArray(String[]::new),
					communityId, gridId, gridId)
			.query((rs, n) -> {
				YearMonth month = YearMonth.parse(rs.getString("month"));
				int accepted = rs.getInt("accepted");
				int closed = rs.getInt("closed");
				return new CaseKpis(month, rs.getInt("reported"), share(closed, accepted), share(rs.getInt("on_time"), closed),
						share(rs.getInt("reworked"), accepted), share(rs.getInt("extended"), accepted),
						minutes(rs.getObject("to_accept")), minutes(rs.getObject("to_close")),
						rs.getObject("satisfaction") == null ? null : rs.getDouble("satisfaction"));
			})
			.list()
			.forEach(k -> figures.put(k.month(), k));
		return figures;
	}

	private static Double share(int part, int whole) {
		return whole == 0 ? null : (double) part / whole;
	}

	private static Integer minutes(Object seconds) {
		return seconds == null ? null : (int) Math.round(((Number) seconds).doubleValue() / 60);
	}

}
