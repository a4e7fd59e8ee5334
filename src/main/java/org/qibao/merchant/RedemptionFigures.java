package org.qibao.merchant;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The merchant module's figures for a community's statistics: each of the community's merchants
 * with the redemptions its staff confirmed in one month (in the community's time zone, by the time
 * of confirmation) and their minutes; merchants without any are listed with zero.
 */
@Service
public class RedemptionFigures {

	private static final String MONTH = """
			SELECT m.id, count(r.id) AS redemptions, coalesce(sum(r.minutes), 0) AS minutes
			FROM merchant m
			LEFT JOIN redemption r ON r.merchant_id = m.id AND r.status = 'REDEEMED'
			                      AND r.settled_at >= :from AND r.settled_at < :to
			WHERE m.community_id = :community
			GROUP BY m.id ORDER BY m.id""";

	private final JdbcClient jdbc;

	RedemptionFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<MerchantRedemptions> monthly(long communityId, YearMonth month, ZoneId zone) {
		return this.jdbc.sql(MONTH)
			.param("community", communityId)
			.param("from", month.atDay(1).atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC))
			.param("to", month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new MerchantRedemptions(rs.getLong("id"), rs.getInt("redemptions"), rs.getLong("minutes")))
			.list();
	}

	/** A merchant's confirmed redemptions in the month and their minutes. */
	public record MerchantRedemptions(long merchantId, int redemptions, long minutes) {
	}

}
