package org.qibao.timebank;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The time bank's figures for a community's statistics: minutes earned from patrol, spent at the
 * school, spent at merchants and given as gifts, per week of one month in the community's time
 * zone, by the time of the transfer. A reversal (a cancelled enrolment's refund, a patrol credit
 * taken back) counts against the kind of transfer it reverses, in the week it happened. The
 * ledger knows no grids, so these figures are always the whole community's.
 */
@Service
public class MinuteFlows {

	private static final String WEEKS = """
			SELECT greatest(date_trunc('week', t.created_at AT TIME ZONE :zone), CAST(:monthStart AS timestamp))::date AS week,
			       sum(t.minutes * CASE WHEN t.kind = 'REVERSAL' THEN -1 ELSE 1 END)
			           FILTER (WHERE coalesce(o.kind, t.kind) = 'PATROL_EARNING') AS earned,
			       sum(t.minutes * CASE WHEN t.kind = 'REVERSAL' THEN -1 ELSE 1 END)
			           FILTER (WHERE coalesce(o.kind, t.kind) = 'SCHOOL_ENROLMENT') AS school,
			       sum(t.minutes * CASE WHEN t.kind = 'REVERSAL' THEN -1 ELSE 1 END)
			           FILTER (WHERE coalesce(o.kind, t.kind) = 'MERCHANT_REDEMPTION') AS merchants,
			       sum(t.minutes * CASE WHEN t.kind = 'REVERSAL' THEN -1 ELSE 1 END)
			           FILTER (WHERE coalesce(o.kind, t.kind) = 'GIFT') AS gifts
			FROM ledger_transfer t
			JOIN ledger_account f ON f.id = t.from_account_id
			LEFT JOIN ledger_transfer o ON o.id = t.reversal_of
			WHERE f.community_id = :community AND t.created_at >= :from AND t.created_at < :to
			GROUP BY 1""";

	private final JdbcClient jdbc;

	MinuteFlows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The month's minutes by week; weeks without transfers are left out. */
	public List<WeekFlows> weekly(long communityId, YearMonth month, ZoneId zone) {
		return this.jdbc.sql(WEEKS)
			.param("zone", zone.getId())
			.param("monthStart", month.atDay(1).atStartOfDay())
			.param("community", communityId)
			.param("from", month.atDay(1).atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC))
			.param("to", month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new WeekFlows(rs.getObject("week", LocalDate.class), rs.getLong("earned"), rs.getLong("school"),
					rs.getLong("merchants"), rs.getLong("gifts")))
			.list();
	}

	/** One week's minutes earned from patrol, spent at the school and at merchants, and given as gifts. */
	public record WeekFlows(LocalDate week, long earned, long spentAtSchool, long spentAtMerchants, long given) {
	}

}
