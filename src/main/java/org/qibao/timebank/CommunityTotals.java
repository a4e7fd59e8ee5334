package org.qibao.timebank;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A community's minutes by month, in its own time zone: issued (from the issuing account to
 * passbooks, less any taken back), spent (from passbooks at the school and merchants, less
 * refunds) and outstanding (held in passbooks at the month's end).
 */
@Component
class CommunityTotals {

	private static final String MONTHS = """
			SELECT to_char(t.created_at AT TIME ZONE ?, 'YYYY-MM') AS month,
			       sum(CASE WHEN f.kind = 'ISSUING' AND d.kind = 'PASSBOOK' THEN t.minutes
			                WHEN f.kind = 'PASSBOOK' AND d.kind = 'ISSUING' THEN -t.minutes ELSE 0 END) AS issued,
			       sum(CASE WHEN f.kind = 'PASSBOOK' AND d.kind IN ('SCHOOL', 'MERCHANT') THEN t.minutes
			                WHEN f.kind IN ('SCHOOL', 'MERCHANT') AND d.kind = 'PASSBOOK' THEN -t.minutes ELSE 0 END) AS spent
			FROM ledger_transfer t
			JOIN ledger_account f ON f.id = t.from_account_id
			JOIN ledger_account d ON d.id = t.to_account_id
			WHERE f.community_id = ?
			GROUP BY 1 ORDER BY 1""";

	private final JdbcClient jdbc;

	CommunityTotals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	TimeBankOverview of(long communityId, String timeZone) {
		List<Month> rows = this.jdbc.sql(MONTHS)
			.params(timeZone, communityId)
			.query((rs, n) -> new Month(rs.getString("month"), rs.getLong("issued"), rs.getLong("spent"), 0))
			.list();
		List<Month> months = new ArrayList<>();
		long outstanding = 0;
		long issued = 0;
		long spent = 0;
		for (Month row : rows) {
			outstanding += row.issued() - row.spent();
			issued += row.issued();
			spent += row.spent();
			months.add(new Month(row.month(), row.issued(), row.spent(), outstanding));
		}
		long honour = this.jdbc.sql("""
				SELECT coalesce(sum(p.honour_minutes), 0) FROM patrol_earning p
				JOIN ledger_account a ON a.id = p.passbook_id WHERE a.community_id = ?""")
			.param(communityId)
			.query(Long.class)
			.single();
		return new TimeBankOverview(communityId, issued, spent, outstanding, honour, newestFirst(months));
	}

	private static List<Month> newestFirst(List<Month> months) {
		List<Month> reversed = new ArrayList<>(months);
		java.util.Collections.reverse(reversed);
		return reversed;
	}

	record Month(String month, long issued, long spent, long outstanding) {
	}

	record TimeBankOverview(long communityId, long issued, long spent, long outstanding, long honourMinutes,
			List<Month> months) {
	}

}
