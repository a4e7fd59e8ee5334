package org.qibao.merchant;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.qibao.geo.Geography;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Monthly settlements, counted from the confirmed codes; each was captured into exactly one transfer. */
@Service
class Settlements {

	private final JdbcClient jdbc;

	private final Geography geography;

	Settlements(JdbcClient jdbc, Geography geography) {
		this.jdbc = jdbc;
		this.geography = geography;
	}

	/** The merchant's settlement of the month (default this month) in its community's time zone. */
	Settlement of(Merchant merchant, YearMonth month) {
		ZoneId zone = this.geography.communities(List.of(merchant.communityId())).get(merchant.communityId()).zone();
		YearMonth yearMonth = month != null ? month : YearMonth.now(zone);
		Timestamp from = Timestamp.from(yearMonth.atDay(1).atStartOfDay(zone).toInstant());
		Timestamp until = Timestamp.from(yearMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
		List<Settlement.Line> lines = this.jdbc.sql("""
				SELECT offer_id, count(*)::int AS redemptions, sum(minutes)::int AS minutes FROM redemption
				WHERE merchant_id = ? AND status = 'REDEEMED' AND settled_at >= ? AND settled_at < ?
				GROUP BY offer_id ORDER BY offer_id""")
			.params(merchant.id(), from, until)
			.query((rs, n) -> new Settlement.Line(rs.getLong("offer_id"), rs.getInt("redemptions"), rs.getInt("minutes")))
			.list();
		return new Settlement(merchant.id(), yearMonth.toString(), lines.stream().mapToInt(Settlement.Line::redemptions).sum(),
				lines.stream().mapToInt(Settlement.Line::minutes).sum(), lines);
	}

}
